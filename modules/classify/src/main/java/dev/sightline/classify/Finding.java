package dev.sightline.classify;

import java.util.Objects;

/**
 * One sensitive span. Offsets are Unicode code points, end exclusive. The raw value is never held:
 * only a masked preview and a keyed hash (HMAC-SHA256, hex) for correlation.
 */
public record Finding(FindingType type, int start, int end, double confidence, String maskedPreview, String keyedHash) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maskedPreview, "maskedPreview");
        Objects.requireNonNull(keyedHash, "keyedHash");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for " + type);
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence out of (0, 1] for " + type + ": " + confidence);
        }
    }

    public DataClass dataClass() {
        return type.dataClass();
    }
}
