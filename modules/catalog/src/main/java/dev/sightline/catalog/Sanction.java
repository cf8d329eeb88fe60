package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The organisation's decision on a tool; {@link #UNREVIEWED} when its override file says nothing about it. */
public enum Sanction {
    SANCTIONED, TOLERATED, UNSANCTIONED, UNREVIEWED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Sanction fromId(String raw) {
        String wanted = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        for (Sanction s : values()) {
            if (s.id().equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sanction '" + raw
                + "' (allowed: sanctioned, tolerated, unsanctioned, unreviewed)");
    }
}
