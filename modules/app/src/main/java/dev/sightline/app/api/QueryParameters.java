package dev.sightline.app.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query string of an API request, checked: every parameter must be one the route knows and appear once, and each
 * typed accessor throws a 400 {@link ApiException} naming the parameter and what it accepts.
 */
final class QueryParameters {
    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** @param rawQuery the URI's raw (still encoded) query, or null */
    static QueryParameters parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!allowed.contains(name)) {
                    throw ApiException.badRequest("unknown parameter '" + printable(name) + "'; this route takes "
                            + String.join(", ", new TreeSet<>(allowed)));
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw ApiException.badRequest("parameter '" + name + "' given more than once");
                }
            }
        }
        return new QueryParameters(values);
    }

    /** The value, absent when the parameter is missing or empty. */
    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty());
    }

    /** ISO-8601 instant ({@code 2026-11-27T10:00:00Z}), day ({@code 2026-11-27}: its UTC midnight) or epoch milliseconds. */
    Optional<Instant> instant(String name) {
        return text(name).map(value -> {
            try {
                if (value.chars().allMatch(Character::isDigit) && value.length() <= 15) {
                    return Instant.ofEpochMilli(Long.parseLong(value));
                }
                return value.contains("T") ? Instant.parse(value)
                        : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("parameter '" + name + "' must be an ISO-8601 instant such as "
                        + "2026-11-27T10:00:00Z, a day such as 2026-11-27 (UTC midnight), or epoch milliseconds");
            }
        });
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ApiException.badRequest("parameter '" + name + "' must be an integer from " + min + " to " + max);
    }

    /** An enum constant by name, case-insensitive. */
    <E extends Enum<E>> Optional<E> enumeration(String name, Class<E> type) {
        return text(name).map(value -> {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("parameter '" + name + "' must be one of "
                        + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            }
        });
    }

    /** A time range {@code [from, to)}: both optional, from before to when both are given. */
    TimeRange timeRange() {
        Optional<Instant> from = instant("from");
        Optional<Instant> to = instant("to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ApiException.badRequest("'from' must be before 'to'");
        }
        return new TimeRange(from.orElse(Instant.EPOCH), to.orElse(Instant.ofEpochMilli(Long.MAX_VALUE)));
    }

    /** The half-open range {@code [from, to)}. */
    record TimeRange(Instant from, Instant to) {
        boolean contains(Instant time) {
            return !time.isBefore(from) && time.isBefore(to);
        }

        boolean overlaps(Instant first, Instant last) {
            return first.isBefore(to) && !last.isBefore(from);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the query string is not valid URL encoding");
        }
    }

    /** A parameter name as it may be echoed: short and without control characters. */
    private static String printable(String name) {
        String cleaned = name.codePoints().filter(c -> !Character.isISOControl(c))
                .limit(40).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() < name.length() ? cleaned + "..." : cleaned;
    }
}
