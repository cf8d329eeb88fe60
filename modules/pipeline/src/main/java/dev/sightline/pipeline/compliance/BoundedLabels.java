package dev.sightline.pipeline.compliance;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a label's values to a fixed number so that a metric's series cannot grow without bound: the first
 * {@code max} distinct values are used as they are, every later one reads {@value #OTHER}.
 */
final class BoundedLabels {
    static final String OTHER = "other";

    private final int max;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    BoundedLabels(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.max = max;
    }

    /** The value itself while there is room (or it was admitted before), else {@value #OTHER}. */
    String label(String value) {
        if (value == null || value.isBlank()) {
            return OTHER;
        }
        if (admitted.contains(value)) {
            return value;
        }
        // Concurrent threads may admit a few values past max: the bound is max + stream threads, still fixed.
        if (admitted.size() < max) {
            admitted.add(value);
            return value;
        }
        return OTHER;
    }
}
