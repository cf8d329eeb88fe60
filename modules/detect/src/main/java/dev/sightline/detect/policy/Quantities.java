package dev.sightline.detect.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes and durations as people write them in a policy file. Malformed text is an empty result, never an exception. */
final class Quantities {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kmg]i?b|b)?");
    private static final Map<String, Long> SIZE_UNITS = Map.of(
            "b", 1L, "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30);

    private Quantities() {
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}, {@code 250ms} or ISO-8601 ({@code PT1H}) -> milliseconds. */
    static OptionalLong durationMillis(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration unit = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(1);
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return OptionalLong.of(unit.multipliedBy(n).toMillis());
        }
        try {
            return OptionalLong.of(Duration.parse(t.toUpperCase(Locale.ROOT)).toMillis());
        } catch (DateTimeParseException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code 10485760}, {@code 500KB}, {@code 10MiB} (case-insensitive) -> bytes. */
    static OptionalLong bytes(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long unit = m.group(2) == null ? 1L : SIZE_UNITS.get(m.group(2));
        try {
            return OptionalLong.of(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }
}
