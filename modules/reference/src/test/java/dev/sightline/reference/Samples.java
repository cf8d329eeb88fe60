package dev.sightline.reference;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** The sample files under src/test/resources/reference and the options the tests read them with. */
final class Samples {
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final ImportOptions OPTIONS = ImportOptions.defaults()
            .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
            .withDomainSuffixes(Map.of("CORP", "acme.example"));

    private Samples() {
    }

    static Path sample(String name) {
        try {
            return Path.of(Samples.class.getResource("/reference/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
