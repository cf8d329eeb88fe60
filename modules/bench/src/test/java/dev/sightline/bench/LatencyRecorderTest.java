package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    @Test
    void percentilesOfKnownValuesInMilliseconds() {
        LatencyRecorder recorder = new LatencyRecorder("test");
        for (int ms = 1; ms <= 100; ms++) {
            recorder.record(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        LatencyRecorder.Summary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Ms()).isCloseTo(50, within(0.1));
        assertThat(summary.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(summary.maxMs()).isCloseTo(100, within(0.1));
        assertThat(summary.describe()).isEqualTo("test: n=100 p50=50.0 ms p99=99.0 ms max=100.0 ms");
    }

    @Test
    void summariesAccumulateAcrossCalls() {
        LatencyRecorder recorder = new LatencyRecorder("test");
        recorder.record(TimeUnit.MILLISECONDS.toNanos(5));
        recorder.summary();
        recorder.record(TimeUnit.MILLISECONDS.toNanos(7));

        assertThat(recorder.summary().count()).isEqualTo(2);
    }

    @Test
    void valuesOutsideTheRangeAreClampedNotRejected() {
        LatencyRecorder recorder = new LatencyRecorder("test");
        recorder.record(-5);
        recorder.record(TimeUnit.HOURS.toNanos(2));

        LatencyRecorder.Summary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.maxMs()).isCloseTo(TimeUnit.MINUTES.toMillis(10), within(600.0));
    }

    @Test
    void describesAnEmptyRecorder() {
        assertThat(new LatencyRecorder("alerts").summary().describe()).isEqualTo("alerts: no samples");
    }
}
