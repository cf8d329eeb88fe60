package dev.sightline.pipeline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters of the SIEM output stage. The registry is passed in, never the global one. */
public final class SiemMetrics {
    /** Alerts delivered to SIEMs are event logs kept outside Sightline: evidence for A.6.2.8. */
    private static final String CONTROL = "A.6.2.8";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SiemMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void rendered(String format) {
        counters.computeIfAbsent(format, f -> Counter.builder(MetricNames.SIEM_RECORDS)
                .description("Alert records rendered for SIEMs, by format")
                .tag(MetricNames.TAG_FORMAT, f)
                .tag(MetricNames.TAG_CONTROL, CONTROL)
                .register(registry)).increment();
    }
}
