package dev.sightline.pipeline.compliance;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distinct keys seen within a rolling event-time window, exact up to {@code capacity} keys. Past the capacity the key
 * updated longest ago is forgotten first, so the count is then a lower bound — the memory stays fixed either way.
 *
 * <p>Why exact and not a sketch: the pipeline's input is keyed by user, so each instance sees a disjoint set of
 * users and the sum over instances is exact too; a HyperLogLog would trade that for memory we do not need at the
 * sizes Sightline targets (100k users).
 */
final class RollingDistinct {
    private final long windowMs;
    private final int capacity;
    /** Key -> newest event time; iteration order = order of the last update, oldest first. */
    private final LinkedHashMap<String, Long> lastSeen = new LinkedHashMap<>();

    RollingDistinct(long windowMs, int capacity) {
        if (windowMs <= 0 || capacity < 1) {
            throw new IllegalArgumentException("window and capacity must be positive: " + windowMs + ", " + capacity);
        }
        this.windowMs = windowMs;
        this.capacity = capacity;
    }

    synchronized void record(String key, long timeMs) {
        Long previous = lastSeen.remove(key);
        lastSeen.put(key, previous == null ? timeMs : Math.max(previous, timeMs));
        if (lastSeen.size() > capacity) {
            Iterator<String> oldest = lastSeen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Keys seen in {@code (nowMs - window, nowMs]}; forgets the older ones. */
    synchronized int count(long nowMs) {
        long horizon = nowMs - windowMs;
        // Entries are in update order, which follows event time except for late events: those stay a little longer.
        Iterator<Map.Entry<String, Long>> entries = lastSeen.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue() <= horizon) {
            entries.remove();
        }
        int count = 0;
        for (long time : lastSeen.values()) {
            if (time > horizon) {
                count++;
            }
        }
        return count;
    }
}
