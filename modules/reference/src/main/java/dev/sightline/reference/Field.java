package dev.sightline.reference;

import java.util.List;

/**
 * One field of an import format.
 *
 * @param name     the canonical (documented) name, snake_case
 * @param list     whether it holds a list: a JSON array, or text split at {@code ;} (in CSV and JSON alike)
 * @param required whether every record must give a non-blank value
 * @param aliases  other column or key names accepted for it (export tools name things differently)
 */
record Field(String name, boolean list, boolean required, List<String> aliases) {
    Field {
        aliases = List.copyOf(aliases);
    }

    static Field required(String name, String... aliases) {
        return new Field(name, false, true, List.of(aliases));
    }

    static Field text(String name, String... aliases) {
        return new Field(name, false, false, List.of(aliases));
    }

    static Field list(String name, String... aliases) {
        return new Field(name, true, false, List.of(aliases));
    }

    /** {@code name (alias, alias)} for messages. */
    String describe() {
        return aliases.isEmpty() ? name : name + " (or " + String.join(", ", aliases) + ")";
    }
}
