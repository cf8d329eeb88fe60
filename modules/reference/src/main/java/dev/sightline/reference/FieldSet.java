package dev.sightline.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fields of one import format and the names they are accepted under. Column and key names compare after
 * normalization — case, camelCase, spaces, dashes and dots do not matter: {@code Asset ID}, {@code assetId},
 * {@code asset-id} and {@code ASSET_ID} all name {@code asset_id}.
 */
final class FieldSet {
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]+");

    private final List<Field> fields;
    private final Map<String, Field> byName = new HashMap<>();

    FieldSet(List<Field> fields) {
        this.fields = List.copyOf(fields);
        for (Field field : fields) {
            register(field.name(), field);
            field.aliases().forEach(alias -> register(alias, field));
        }
    }

    private void register(String name, Field field) {
        if (byName.put(normalize(name), field) != null) {
            throw new IllegalArgumentException("field name '" + name + "' is used twice");
        }
    }

    static String normalize(String name) {
        String snake = CAMEL_HUMP.matcher(name.strip()).replaceAll("$1_$2");
        return SEPARATORS.matcher(snake).replaceAll("_").toLowerCase(Locale.ROOT);
    }

    Optional<Field> resolve(String name) {
        return Optional.ofNullable(byName.get(normalize(name)));
    }

    List<Field> fields() {
        return fields;
    }

    /** Every accepted name, for a message about an unknown one. */
    String describe() {
        return fields.stream().map(Field::describe).collect(Collectors.joining("; "));
    }
}
