package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Independent attestations that lower a vendor's risk. */
public enum Certification {
    SOC2("soc2"), ISO27001("iso27001"), ISO42001("iso42001");

    private final String id;

    Certification(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Certification fromId(String raw) {
        String wanted = Ids.canonical(raw).replace("-", "").replace(" ", "");
        for (Certification c : values()) {
            if (c.id.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown certification '" + raw + "' (allowed: soc2, iso27001, iso42001)");
    }
}
