package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How people reach a tool: a user interface (web, desktop, plug-in), a programmatic API, or both. */
public enum Interface {
    UI, API, BOTH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Interface fromId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Interface i : values()) {
            if (i.id().equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown interface '" + id + "' (allowed: ui, api, both)");
    }
}
