package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an approval covers the organisation's own tenant, personal accounts, or either. */
public enum AccountType {
    CORPORATE, PERSONAL, ANY;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AccountType fromId(String raw) {
        String wanted = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        for (AccountType a : values()) {
            if (a.id().equals(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown account type '" + raw + "' (allowed: corporate, personal, any)");
    }

    boolean covers(AccountType actual) {
        return this == ANY || this == actual;
    }
}
