package dev.sightline.detect.state;

import java.time.Instant;

/** Counts per key and tumbling window (the topology keeps them in a window store with a retention bound). */
public interface WindowCounter {
    /** The count so far, 0 when none. */
    long get(String key, Instant windowStart);

    void put(String key, Instant windowStart, long count);
}
