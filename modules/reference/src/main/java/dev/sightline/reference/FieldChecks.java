package dev.sightline.reference;

import dev.sightline.ingest.UserNames;
import dev.sightline.model.DataClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads typed values out of {@link RawRecord}s: each method returns the valid value(s) and reports every invalid one
 * with its record and field. Messages do not repeat identity values (names, e-mail addresses): the line says which.
 */
final class FieldChecks {
    static final int MAX_ID_LENGTH = 256;
    static final int MAX_TEXT_LENGTH = 4096;
    /** The classes of the finding taxonomy; OTHER is what readers make of unknown symbols, not a class to assign. */
    private static final Set<DataClass> ASSIGNABLE = EnumSet.complementOf(EnumSet.of(DataClass.OTHER));
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<String, Boolean> FLAGS = Map.ofEntries(
            Map.entry("true", true), Map.entry("yes", true), Map.entry("y", true), Map.entry("1", true),
            Map.entry("enabled", true), Map.entry("active", true),
            Map.entry("false", false), Map.entry("no", false), Map.entry("n", false), Map.entry("0", false),
            Map.entry("disabled", false), Map.entry("inactive", false));

    private final Problems problems;
    private final Map<String, String> domainSuffixes;

    FieldChecks(Problems problems, ImportOptions options) {
        this.problems = problems;
        this.domainSuffixes = options.domainSuffixes();
    }

    Optional<String> id(RawRecord record, String field) {
        return record.text(field).filter(v -> plain(record, field, v, MAX_ID_LENGTH));
    }

    Optional<String> text(RawRecord record, String field) {
        return record.text(field).filter(v -> plain(record, field, v, MAX_TEXT_LENGTH));
    }

    List<String> texts(RawRecord record, String field) {
        return record.list(field).stream().filter(v -> plain(record, field, v, MAX_TEXT_LENGTH)).toList();
    }

    /** A user id normalized as the ingest parsers write it ({@code CORP\frank} with the configured suffixes). */
    Optional<String> userId(RawRecord record, String field) {
        return record.text(field).flatMap(raw -> userId(record, field, raw));
    }

    /** User ids, normalized, duplicates removed. */
    List<String> userIds(RawRecord record, String field, UnaryOperator<String> prepare) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String raw : record.list(field)) {
            userId(record, field, prepare.apply(raw)).ifPresent(ids::add);
        }
        return new ArrayList<>(ids);
    }

    private Optional<String> userId(RawRecord record, String field, String raw) {
        if (!plain(record, field, raw, MAX_ID_LENGTH)) {
            return Optional.empty();
        }
        Optional<String> id = UserNames.normalize(raw, domainSuffixes)
                .filter(n -> n.chars().noneMatch(Character::isWhitespace));
        if (id.isEmpty()) {
            problems.add(record, field, "not a user id (a UPN, an e-mail address or DOMAIN\\name, without spaces)");
        }
        return id;
    }

    /** A Microsoft Purview label GUID, lower-cased as audit records write it; braces are dropped. */
    Optional<String> guid(RawRecord record, String field) {
        return record.text(field).flatMap(raw -> {
            String s = raw.startsWith("{") && raw.endsWith("}") ? raw.substring(1, raw.length() - 1) : raw;
            if (GUID.matcher(s).matches()) {
                return Optional.of(s.toLowerCase(Locale.ROOT));
            }
            problems.add(record, field, "not a label GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
            return Optional.empty();
        });
    }

    /** Data classes by name ({@code PII}, {@code source-code}, {@code Source Code}). */
    Set<DataClass> dataClasses(RawRecord record, String field) {
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        for (String text : record.list(field)) {
            String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            Optional<DataClass> c = ASSIGNABLE.stream().filter(d -> d.name().equals(wanted)).findFirst();
            if (c.isPresent()) {
                classes.add(c.get());
            } else {
                problems.add(record, field, "unknown data class '" + shorten(text) + "' (allowed: "
                        + ASSIGNABLE.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        return classes;
    }

    /** A yes/no value; {@code absent} when the field is blank. */
    boolean flag(RawRecord record, String field, boolean absent) {
        Optional<String> text = record.text(field);
        if (text.isEmpty()) {
            return absent;
        }
        Boolean value = FLAGS.get(text.get().toLowerCase(Locale.ROOT));
        if (value == null) {
            problems.add(record, field, "expected true/false (or yes/no, 1/0, enabled/disabled), not '"
                    + shorten(text.get()) + "'");
            return absent;
        }
        return value;
    }

    static List<DataClass> sorted(Set<DataClass> classes) {
        return Arrays.stream(DataClass.values()).filter(classes::contains).toList();
    }

    /** Enumeration values are echoed so that a typo shows; long ones are cut. */
    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private boolean plain(RawRecord record, String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            problems.add(record, field, "longer than " + maxLength + " characters");
            return false;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(record, field, "contains a control character");
            return false;
        }
        return true;
    }
}
