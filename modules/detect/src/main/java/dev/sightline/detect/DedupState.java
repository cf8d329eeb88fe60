package dev.sightline.detect;

import dev.sightline.model.Alert;
import java.time.Instant;

/**
 * What the deduplicator remembers about one alert id: the alert as merged so far, when (in event time) and at what
 * count it was last written, and whether a merged change is still waiting to be written.
 */
public record DedupState(Alert alert, Instant lastEmittedAt, long emittedCount, boolean pending) {
}
