package dev.sightline.pipeline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters of the detection stage. The registry is passed in, never the global one. */
public final class DetectMetrics {
    /** Rule failures are a monitoring gap: evidence for A.6.2.6 (operation and monitoring). */
    private static final String MONITORING_CONTROL = "A.6.2.6";

    private final MeterRegistry registry;
    /** Meter lookups by tags cost an allocation per record; the hot path reads this cache instead. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public DetectMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param controls the ISO/IEC 42001 controls of the rule, joined into one tag so series do not multiply */
    public void alertWritten(String ruleId, int severity, String status, List<String> controls) {
        counter(MetricNames.ALERTS, "Alert records written, by rule, severity and status",
                MetricNames.TAG_RULE, ruleId, MetricNames.TAG_SEVERITY, Integer.toString(severity),
                MetricNames.TAG_STATUS, status, MetricNames.TAG_CONTROL, String.join(",", controls)).increment();
    }

    public void ruleFailed(String ruleId) {
        counter(MetricNames.RULE_FAILURES, "Rule evaluations that failed, by rule",
                MetricNames.TAG_RULE, ruleId, MetricNames.TAG_CONTROL, MONITORING_CONTROL).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + '|' + String.join("|", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
