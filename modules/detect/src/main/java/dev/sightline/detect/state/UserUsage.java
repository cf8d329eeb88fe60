package dev.sightline.detect.state;

import java.time.Instant;

/** A user's bytes to AI tools in the current window, and the baseline of their past windows. */
public record UserUsage(Instant windowStart, long windowBytes, Ewma baseline) {
}
