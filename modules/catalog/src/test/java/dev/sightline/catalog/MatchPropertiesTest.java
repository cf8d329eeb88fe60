package dev.sightline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MatchPropertiesTest {
    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final UnknownAiDiscovery DISCOVERY = new UnknownAiDiscovery(CATALOG);

    @Property(tries = 2000)
    void arbitraryStringsNeverThrow(@ForAll String input) {
        assertThat(CATALOG.match(input)).isNotNull();
        assertThat(CATALOG.match(input, input)).isNotNull();
        assertThat(DISCOVERY.discover(new RequestFacts(input, input, input))).isNotNull();
    }

    @Property(tries = 2000)
    void urlLikeStringsNeverThrow(@ForAll("urlish") String input) {
        assertThat(CATALOG.match(input)).isNotNull();
    }

    @Property(tries = 500)
    void caseAndTrailingDotDoNotChangeTheAnswer(@ForAll("knownHosts") String host) {
        MatchResult plain = CATALOG.match(host);
        assertThat(CATALOG.match(host.toUpperCase(java.util.Locale.ROOT) + ".")).isEqualTo(plain);
        assertThat(CATALOG.match("https://" + host + ":443/")).isEqualTo(plain);
    }

    @Provide
    Arbitrary<String> urlish() {
        return Arbitraries.strings().withChars("abcxyz.-:/[]@%?#*_01:9ü。").ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> knownHosts() {
        return Arbitraries.of(CATALOG.tools()).flatMap(t -> Arbitraries.of(t.hosts()))
                .filter(p -> p.kind() == HostPattern.Kind.EXACT && !p.hasPath()).map(HostPattern::host);
    }
}
