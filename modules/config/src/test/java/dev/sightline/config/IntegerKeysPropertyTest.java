package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any text for an integer key loads a value in range, or fails with a ConfigException; never anything else. */
class IntegerKeysPropertyTest {

    private record Bounds(ConfigKey<? extends Number> key, long min, long max) {
    }

    @Property(tries = 600)
    void integerKeysParseInRangeOrFailWithConfigException(@ForAll("bounds") Bounds bounds, @ForAll("texts") String text) {
        ConfigKey<? extends Number> key = bounds.key();
        SightlineConfig config;
        try {
            config = SightlineConfig.loader().environment(Map.of()).overrides(Map.of(key.name(), text)).load();
        } catch (ConfigException rejected) {
            assertThat(rejected.problems()).singleElement().asString().startsWith(key.name() + " = '")
                    .contains("(from override): must be an integer");
            assertThat(expected(bounds, text)).as("rejected %s", text).isNull();
            return;
        }
        Number value = config.get(key).orElseThrow();
        Long expected = expected(bounds, text);
        assertThat(expected).as("accepted %s", text).isNotNull();
        assertThat(value.longValue()).isEqualTo(expected).isBetween(bounds.min(), bounds.max());
    }

    /** The oracle: the default for blank text, the number if it is one in range, else null (rejected). */
    private static Long expected(Bounds bounds, String text) {
        if (text.isBlank()) {
            return bounds.key().defaultValue().orElseThrow().longValue();
        }
        try {
            long number = Long.parseLong(text.strip());
            return number >= bounds.min() && number <= bounds.max() ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<Bounds> bounds() {
        return Arbitraries.of(
                new Bounds(ConfigKeys.HTTP_PORT, 0, 65535),
                new Bounds(ConfigKeys.TOPIC_PARTITIONS, 1, Integer.MAX_VALUE),
                new Bounds(ConfigKeys.TOPIC_REPLICATION_FACTOR, 1, Short.MAX_VALUE),
                new Bounds(ConfigKeys.NUM_STREAM_THREADS, 1, Integer.MAX_VALUE),
                new Bounds(ConfigKeys.COMMIT_INTERVAL_MS, 0, Long.MAX_VALUE));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.integers().between(-10, 70000).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789+- .e\t").ofMaxLength(22),
                Arbitraries.of("", " ", "2147483648", "9223372036854775808", "-0", "+8080", "0x1F", "1_000"));
    }
}
