package dev.sightline.bench;

import java.time.Duration;

/**
 * What {@code bench pipeline} runs.
 *
 * @param events         raw records loaded for the throughput runs
 * @param seed           the traffic simulator's seed
 * @param partitions     partitions of every topic
 * @param streamThreads  stream threads of both applications
 * @param users          simulated people (and identities published)
 * @param latencyRun     how long records are produced at half capacity for the latency figures
 * @param latencyFraction the fraction of the measured pipeline capacity the latency run is paced at
 */
public record BenchSettings(int events, long seed, int partitions, int streamThreads, int users, Duration latencyRun,
                            double latencyFraction) {
    public static final int DEFAULT_EVENTS = 200_000;
    public static final long DEFAULT_SEED = 42L;
    /** As the demo's embedded stack: one JVM gains nothing from more tasks. */
    public static final int DEFAULT_PARTITIONS = 3;
    public static final int DEFAULT_USERS = 2_000;
    /** Long enough for about a hundred NEW alerts at this machine's half capacity. */
    public static final int DEFAULT_LATENCY_SECONDS = 45;
    /** The target is stated at half of the measured capacity. */
    public static final double HALF_CAPACITY = 0.5;

    public BenchSettings {
        requireAtLeast("events", events, 1_000);
        requireAtLeast("partitions", partitions, 1);
        requireAtLeast("streamThreads", streamThreads, 1);
        requireAtLeast("users", users, 1);
        if (latencyRun.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("latencyRun must be at least 5 s for a p99, got " + latencyRun);
        }
        if (!(latencyFraction > 0 && latencyFraction <= 1)) {
            throw new IllegalArgumentException("latencyFraction must lie in (0, 1], got " + latencyFraction);
        }
    }

    public static BenchSettings defaults() {
        return new BenchSettings(DEFAULT_EVENTS, DEFAULT_SEED, DEFAULT_PARTITIONS, 1, DEFAULT_USERS,
                Duration.ofSeconds(DEFAULT_LATENCY_SECONDS), HALF_CAPACITY);
    }

    private static void requireAtLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
    }
}
