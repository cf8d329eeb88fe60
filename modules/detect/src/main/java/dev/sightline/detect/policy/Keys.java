package dev.sightline.detect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Typed reads of a YAML tree that record a {@link PolicyProblem} with the key's path instead of failing, so that one
 * pass over the document finds every problem. A failed read returns empty (or an empty collection).
 */
final class Keys {
    private final List<PolicyProblem> problems;

    Keys(List<PolicyProblem> problems) {
        this.problems = problems;
    }

    /** The fields of a map, in document order; unknown keys and missing required keys are problems. */
    Map<String, JsonNode> object(JsonNode node, String path, Set<String> known, Set<String> required) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (!node.isObject()) {
            problem(path, "expected a map with " + sorted(known));
            return fields;
        }
        node.fields().forEachRemaining(field -> {
            if (known.contains(field.getKey())) {
                fields.put(field.getKey(), field.getValue());
            } else {
                problem(child(path, field.getKey()), unknown("key", field.getKey(), known));
            }
        });
        required.stream().sorted().filter(key -> !fields.containsKey(key))
                .forEach(key -> problem(child(path, key), "missing required key"));
        return fields;
    }

    /** The entries of a map whose keys are names chosen by the author (tool ids, rule ids); absent = none. */
    Map<String, JsonNode> entries(JsonNode node, String path) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return entries;
        }
        if (!node.isObject()) {
            problem(path, "expected a map");
            return entries;
        }
        node.fields().forEachRemaining(field -> entries.put(field.getKey(), field.getValue()));
        return entries;
    }

    /** The items of a list; absent = none. */
    List<JsonNode> list(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "expected a list");
            return List.of();
        }
        return StreamSupport.stream(node.spliterator(), false).toList();
    }

    /** A list of non-blank strings, duplicates dropped. */
    List<String> texts(JsonNode node, String path) {
        List<JsonNode> items = list(node, path);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            text(items.get(i), path + "[" + i + "]").filter(t -> !texts.contains(t)).ifPresent(texts::add);
        }
        return texts;
    }

    /** A non-blank scalar, stripped. */
    Optional<String> text(JsonNode node, String path) {
        if (!node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            problem(path, "expected a non-blank text");
            return Optional.empty();
        }
        return Optional.of(node.asText().strip());
    }

    Optional<String> matching(JsonNode node, String path, Pattern pattern, String allowed) {
        Optional<String> text = text(node, path);
        if (text.isPresent() && !pattern.matcher(text.get()).matches()) {
            problem(path, "must be 1 to 128 characters: " + allowed);
            return Optional.empty();
        }
        return text;
    }

    Optional<Integer> integer(JsonNode node, String path, int min, int max) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            problem(path, max == Integer.MAX_VALUE ? "not a whole number of at least " + min
                    : "not a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(node.asInt());
    }

    /** One of {@code allowed}, compared ignoring case; returns the allowed spelling. */
    Optional<String> choice(JsonNode node, String path, List<String> allowed) {
        return text(node, path).flatMap(t -> oneOf(t.toLowerCase(java.util.Locale.ROOT), path, allowed, "value"));
    }

    Optional<String> oneOf(String value, String path, Collection<String> allowed, String what) {
        if (allowed.contains(value)) {
            return Optional.of(value);
        }
        problem(path, unknown(what, value, allowed));
        return Optional.empty();
    }

    Optional<LocalDate> date(JsonNode node, String path) {
        Optional<String> text = text(node, path);
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            problem(path, "not a date (yyyy-MM-dd)");
            return Optional.empty();
        }
    }

    private void problem(String path, String message) {
        problems.add(new PolicyProblem(path, message));
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** "unknown key 'sanctoin' (did you mean 'sanction'? allowed: ...)". */
    private static String unknown(String what, String value, Collection<String> allowed) {
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, value.length() / 3));
        Optional<String> nearest = allowed.stream()
                .filter(candidate -> distance.apply(value, candidate) >= 0)
                .min(Comparator.comparingInt((String candidate) -> distance.apply(value, candidate))
                        .thenComparing(Comparator.naturalOrder()));
        return "unknown " + what + " '" + value + "' ("
                + nearest.map(n -> "did you mean '" + n + "'? ").orElse("") + "allowed: " + sorted(allowed) + ")";
    }

    private static String sorted(Collection<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }
}
