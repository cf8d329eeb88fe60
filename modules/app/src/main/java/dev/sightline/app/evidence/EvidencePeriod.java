package dev.sightline.app.evidence;

import java.time.Instant;
import java.util.Objects;

/** The half-open period {@code [from, to)} an evidence export covers. */
public record EvidencePeriod(Instant from, Instant to) {
    public EvidencePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts: from " + from + ", to " + to);
        }
    }

    public boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    /** Whether {@code [first, last]} shares at least one instant with the period. */
    public boolean overlaps(Instant first, Instant last) {
        return first.isBefore(to) && !last.isBefore(from);
    }
}
