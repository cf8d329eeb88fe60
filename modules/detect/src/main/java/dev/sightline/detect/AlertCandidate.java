package dev.sightline.detect;

import dev.sightline.model.Alert;
import java.time.Instant;

/** A single-event alert about to be deduplicated, with the start of the window its id is aligned to. */
public record AlertCandidate(Alert alert, Instant windowStart) {
}
