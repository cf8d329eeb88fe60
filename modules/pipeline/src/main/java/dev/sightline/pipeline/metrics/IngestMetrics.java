package dev.sightline.pipeline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters of the normalize stage. The registry is passed in, never the global one. */
public final class IngestMetrics {
    /** Monitoring of the telemetry itself is evidence for ISO/IEC 42001 A.6.2.6 (operation and monitoring). */
    private static final String CONTROL = "A.6.2.6";

    private final MeterRegistry registry;
    /** Meter lookups by tags cost an allocation per record; the hot path reads this cache instead. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void parsed(String format, String sourceProduct) {
        outcome(format, "parsed");
        counter(MetricNames.EVENTS_NORMALIZED, "Normalized AI-usage events, by source product",
                MetricNames.TAG_SOURCE, sourceProduct).increment();
    }

    public void rejected(String format, String reasonCode) {
        outcome(format, "rejected");
        counter(MetricNames.DEAD_LETTERS, "Records sent to errors.dead-letter, by format and reason",
                MetricNames.TAG_FORMAT, format, MetricNames.TAG_REASON, reasonCode).increment();
    }

    public void skipped(String format) {
        outcome(format, "skipped");
    }

    private void outcome(String format, String outcome) {
        counter(MetricNames.INGEST_RECORDS, "Raw records read, by format and outcome",
                MetricNames.TAG_FORMAT, format, MetricNames.TAG_OUTCOME, outcome).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + '|' + String.join("|", tags), key -> Counter.builder(name)
                .description(description)
                .tags(tags)
                .tag(MetricNames.TAG_CONTROL, CONTROL)
                .register(registry));
    }
}
