package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A yes/no fact that may not be known. */
public enum Ternary implements Knowable {
    YES, NO, UNKNOWN;

    @JsonCreator
    public static Ternary fromId(String raw) {
        return switch (Ids.canonical(raw)) {
            case "true" -> YES;
            case "false", "no" -> NO;
            case "unknown" -> UNKNOWN;
            default -> throw new IllegalArgumentException("expected true, false or unknown, not '" + raw + "'");
        };
    }

    @JsonValue
    public String id() {
        return switch (this) {
            case YES -> "true";
            case NO -> "false";
            case UNKNOWN -> "unknown";
        };
    }

    @Override
    public boolean known() {
        return this != UNKNOWN;
    }
}
