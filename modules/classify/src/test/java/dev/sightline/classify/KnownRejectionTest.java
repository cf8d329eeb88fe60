package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** A rule's known rejection agrees with its regex and validator: same first match, and that match rejected. */
class KnownRejectionTest {

    @Property(tries = 5000)
    void knownRejectionIsTheRegexFirstMatchAndRejected(@ForAll("assignments") String text, @ForAll("regionCuts") int cut) {
        int to = Math.max(0, text.length() - cut);
        for (Rule rule : SecretRules.all()) {
            if (rule.knownRejection() == null) {
                continue;
            }
            int end = rule.knownRejection().matchEnd(text, 0, to);
            Statistics.collect(end >= 0);
            if (end >= 0) {
                Matcher m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false).region(0, to);
                assertThat(m.lookingAt()).as(text).isTrue();
                assertThat(m.end()).as(text).isEqualTo(end);
                int group = firstGroupFrom(m, -rule.valueGroup());
                assertThat(rule.validator().confidence(text, m, m.start(group), m.end(group))).as(text).isEqualTo(Rule.REJECT);
            }
        }
        // both outcomes must be exercised, or the property proves nothing
        Statistics.coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 5);
            coverage.check(false).percentage(p -> p > 5);
        });
    }

    private static int firstGroupFrom(Matcher m, int from) {
        for (int g = from; g <= m.groupCount(); g++) {
            if (m.start(g) >= 0) {
                return g;
            }
        }
        throw new AssertionError("no value group");
    }

    @Provide
    Arbitrary<String> assignments() {
        Arbitrary<String> key = Arbitraries.of("token", "TOKENS", "password", "Pwd", "api-key", "credentials", "secret", "paſsword",
                "pass", "tok", "Passwort", "KENNWORT", "wachtwoord", "senha", "contraseña", "CONTRASEÑA", "contrasena");
        Arbitrary<String> tail = Arbitraries.of("", "_in", "s_out", ".x", "-y", "_" + "a".repeat(29), "_" + "a".repeat(31), " ", "\"");
        Arbitrary<String> sep = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("=")),
                Tuple.of(1, Arbitraries.of("=>", ":", " = ", "=\"", "='", "= ", "=\n", "-to-")));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withChars("ab1Z.!?:").ofMinLength(0).ofMaxLength(8)),
                Tuple.of(1, Arbitraries.strings().withChars("ab1Z.!?:,;)}]\"' `-_/").ofMinLength(0).ofMaxLength(9)));
        Arbitrary<String> after = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(" next", "\n", ",")),
                Tuple.of(1, Arbitraries.of("", ".", "x".repeat(300))));
        return Combinators.combine(key, tail, sep, value, after).as((k, t, s, v, a) -> k + t + s + v + a);
    }

    @Provide
    Arbitrary<Integer> regionCuts() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(0, 12)));
    }
}
