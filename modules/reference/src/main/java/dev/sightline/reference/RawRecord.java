package dev.sightline.reference;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record as read from a CSV row or a JSON object, before validation: the values by canonical field name, each
 * with the name it was given under and where it stands.
 */
final class RawRecord {
    private static final String LIST_SEPARATOR = ";";

    /**
     * One value: {@code text} for a CSV cell or a JSON scalar, {@code items} for a JSON array (then text is null);
     * {@code givenAs} is the column or key name as written.
     */
    record Value(String text, List<String> items, String givenAs, long line, int column) {
    }

    private final String file;
    private final long line;
    private final Map<String, Value> values;

    RawRecord(String file, long line, Map<String, Value> values) {
        this.file = file;
        this.line = line;
        this.values = Map.copyOf(values);
    }

    String file() {
        return file;
    }

    long line() {
        return line;
    }

    Value value(String field) {
        return values.get(field);
    }

    /** The field's value, stripped; empty when absent or blank. */
    Optional<String> text(String field) {
        Value v = values.get(field);
        if (v == null || v.text() == null) {
            return Optional.empty();
        }
        String s = v.text().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The field's items, stripped, blank ones dropped, duplicates removed, in order; a text splits at {@code ;}. */
    List<String> list(String field) {
        Value v = values.get(field);
        if (v == null) {
            return List.of();
        }
        List<String> raw = v.items() != null ? v.items() : Arrays.asList(v.text().split(LIST_SEPARATOR, -1));
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String item : raw) {
            String s = item.strip();
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return List.copyOf(items);
    }
}
