package dev.sightline.pipeline.compliance;

/**
 * The share of hits among all records of a rolling event-time window, kept in a fixed ring of time buckets so that
 * memory does not depend on the traffic. Records older than the window are ignored.
 */
final class RollingShare {
    private static final int BUCKETS = 24;

    private final long bucketMs;
    private final long[] bucketIds = new long[BUCKETS];
    private final long[] hits = new long[BUCKETS];
    private final long[] totals = new long[BUCKETS];

    RollingShare(long windowMs) {
        if (windowMs < BUCKETS) {
            throw new IllegalArgumentException("window must be at least " + BUCKETS + " ms, was " + windowMs);
        }
        this.bucketMs = windowMs / BUCKETS;
        java.util.Arrays.fill(bucketIds, Long.MIN_VALUE);
    }

    synchronized void record(long timeMs, boolean hit, long nowMs) {
        long id = Math.floorDiv(timeMs, bucketMs);
        if (id <= Math.floorDiv(nowMs, bucketMs) - BUCKETS) {
            return; // older than the window
        }
        int slot = (int) Math.floorMod(id, (long) BUCKETS);
        if (bucketIds[slot] != id) {
            if (bucketIds[slot] > id) {
                return; // the slot already holds a newer bucket: this record is outside the window
            }
            bucketIds[slot] = id;
            hits[slot] = 0;
            totals[slot] = 0;
        }
        totals[slot]++;
        if (hit) {
            hits[slot]++;
        }
    }

    /** Hits / total over the window ending at {@code nowMs}; NaN when the window holds no record. */
    synchronized double share(long nowMs) {
        long newest = Math.floorDiv(nowMs, bucketMs);
        long hitSum = 0;
        long totalSum = 0;
        for (int slot = 0; slot < BUCKETS; slot++) {
            if (bucketIds[slot] > newest - BUCKETS && bucketIds[slot] <= newest) {
                hitSum += hits[slot];
                totalSum += totals[slot];
            }
        }
        return totalSum == 0 ? Double.NaN : (double) hitSum / totalSum;
    }
}
