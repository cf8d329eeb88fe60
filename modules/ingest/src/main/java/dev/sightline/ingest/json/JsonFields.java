package dev.sightline.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, lenient-where-safe access to fields of an untrusted JSON object. Scalars are read as text whatever their JSON
 * type (feeds such as Zscaler NSS quote every number); an object or array where a scalar belongs is a
 * {@link RecordException} naming the field. Values a format uses for "nothing" (e.g. {@code -}, {@code NA}) are passed
 * in as {@code absent} and read as empty.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The field as text; empty when missing, null, blank or one of {@code absent}. */
    public static Optional<String> text(JsonNode parent, String field, Set<String> absent) throws RecordException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw RecordException.badValue(field, "a scalar value");
        }
        String value = node.asText().strip();
        return value.isEmpty() || absent.contains(value) ? Optional.empty() : Optional.of(value);
    }

    public static Optional<String> text(JsonNode parent, String field) throws RecordException {
        return text(parent, field, Set.of());
    }

    public static String requiredText(JsonNode parent, String field) throws RecordException {
        return text(parent, field).orElseThrow(() -> RecordException.missing(field));
    }

    /** A non-negative whole number, from a JSON number or a numeric string; empty when absent. */
    public static Optional<Long> count(JsonNode parent, String field, Set<String> absent) throws RecordException {
        JsonNode node = parent.get(field);
        if (node != null && node.isNumber()) {
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
                throw RecordException.badValue(field, "a non-negative whole number");
            }
            return Optional.of(node.longValue());
        }
        Optional<String> text = text(parent, field, absent);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parseCount(text.get(), field));
    }

    private static long parseCount(String text, String field) throws RecordException {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw RecordException.badValue(field, "a non-negative whole number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw RecordException.badValue(field, "a non-negative whole number");
        }
    }

    /**
     * An HTTP status 100..599; empty when absent or 0 (proxies write 0 or 000 when no response was received).
     */
    public static Optional<Integer> httpStatus(JsonNode parent, String field, Set<String> absent)
            throws RecordException {
        Optional<Long> value = count(parent, field, absent);
        if (value.isEmpty() || value.get() == 0) {
            return Optional.empty();
        }
        if (value.get() < 100 || value.get() > 599) {
            throw RecordException.badValue(field, "an HTTP status code");
        }
        return Optional.of(value.get().intValue());
    }

    /** A child object; empty when missing or null; another type is a bad value. */
    public static Optional<JsonNode> object(JsonNode parent, String field) throws RecordException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw RecordException.badValue(field, "an object");
        }
        return Optional.of(node);
    }

    /** A child array; empty array node semantics are the caller's; missing or null gives an empty Optional. */
    public static Optional<JsonNode> array(JsonNode parent, String field) throws RecordException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw RecordException.badValue(field, "an array");
        }
        return Optional.of(node);
    }

    /** A boolean, from a JSON boolean or the strings true/false (any case); empty when absent. */
    public static Optional<Boolean> bool(JsonNode parent, String field) throws RecordException {
        JsonNode node = parent.get(field);
        if (node != null && node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        Optional<String> text = text(parent, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (text.get().equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        throw RecordException.badValue(field, "a boolean");
    }
}
