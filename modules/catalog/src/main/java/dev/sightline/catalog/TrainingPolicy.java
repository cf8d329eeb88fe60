package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a vendor trains its models on what users send, for one plan tier. */
public enum TrainingPolicy implements Knowable {
    /** Trains on user content and offers no opt-out. */
    TRAINS("trains"),
    /** Trains by default; the user or admin can switch it off. */
    OPT_OUT("opt-out"),
    /** Does not train unless the user or admin opts in. */
    OPT_IN("opt-in"),
    /** Does not train on user content. */
    NO("no"),
    UNKNOWN("unknown");

    private final String id;

    TrainingPolicy(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static TrainingPolicy fromId(String raw) {
        String wanted = Ids.canonical(raw);
        if (wanted.equals("false")) {
            return NO;
        }
        for (TrainingPolicy p : values()) {
            if (p.id.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("expected trains, opt-out, opt-in, no or unknown, not '" + raw + "'");
    }

    @Override
    public boolean known() {
        return this != UNKNOWN;
    }
}
