package dev.sightline.detect;

import java.time.Duration;
import java.time.Instant;

/**
 * Windows are tumbling and aligned to the epoch, so that every instance computes the same window (and alert id)
 * for the same event, whatever order events arrive in.
 */
public final class DetectionWindow {
    private DetectionWindow() {
    }

    public static Instant start(Instant time, Duration window) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size) * size);
    }
}
