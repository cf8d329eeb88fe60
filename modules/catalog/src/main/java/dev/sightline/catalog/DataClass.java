package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** The data classes of the finding taxonomy (ARCHITECTURE.md) that an approval may allow. */
public enum DataClass {
    PII, PCI, PHI, SECRET, SOURCE_CODE, CLASSIFIED_ASSET;

    @JsonCreator
    public static DataClass fromId(String raw) {
        String wanted = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DataClass d : values()) {
            if (d.name().equals(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown data class '" + raw
                + "' (allowed: PII, PCI, PHI, SECRET, SOURCE_CODE, CLASSIFIED_ASSET)");
    }
}
