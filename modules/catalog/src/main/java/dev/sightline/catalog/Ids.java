package dev.sightline.catalog;

import java.util.Locale;

/** Shared parsing of the catalog's kebab-case enum identifiers, with the YAML 1.1 boolean spellings folded in. */
final class Ids {
    private Ids() {
    }

    /** Lower-cases and strips an identifier; YAML parsers may hand {@code yes}/{@code no} over as {@code true}/{@code false}. */
    static String canonical(String raw) {
        String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (id) {
            case "yes", "y", "on" -> "true";
            case "n", "off" -> "false";
            default -> id;
        };
    }
}
