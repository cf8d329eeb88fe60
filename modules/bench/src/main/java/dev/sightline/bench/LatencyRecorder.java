package dev.sightline.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of one path (raw record to enriched event, raw record to alert) in an HdrHistogram: recorded from the
 * consumer threads, read once at the end. Values are nanoseconds, tracked from 1 µs to 10 min with 3 significant
 * digits, so p99 is exact to 0.1 %.
 */
public final class LatencyRecorder {
    private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String name;
    private final Histogram histogram = new Histogram(1_000, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    private final Recorder recorder = new Recorder(1_000, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);

    public LatencyRecorder(String name) {
        this.name = name;
    }

    /** What was measured, in milliseconds. */
    public record Summary(String name, long count, double p50Ms, double p99Ms, double maxMs) {
        public String describe() {
            return count == 0 ? name + ": no samples"
                    : String.format(Locale.ROOT, "%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", name, count,
                    p50Ms, p99Ms, maxMs);
        }
    }

    /** Records one latency; values beyond the tracked range count as the range's maximum. Thread safe. */
    public void record(long nanos) {
        recorder.recordValue(Math.max(1_000, Math.min(nanos, HIGHEST_TRACKABLE_NANOS)));
    }

    /** Everything recorded so far. */
    public synchronized Summary summary() {
        histogram.add(recorder.getIntervalHistogram());
        return new Summary(name, histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(99)), millis(histogram.getMaxValue()));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
