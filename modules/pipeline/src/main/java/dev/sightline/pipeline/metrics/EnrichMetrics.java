package dev.sightline.pipeline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters of the enrichment stage. The registry is passed in, never the global one. Tags never carry values. */
public final class EnrichMetrics {
    /** Enrichment coverage is evidence of operation and monitoring (ISO/IEC 42001 A.6.2.6). */
    private static final String MONITORING_CONTROL = "A.6.2.6";
    /** Findings are evidence of which data resources reach AI tools (ISO/IEC 42001 A.4.3). */
    private static final String DATA_RESOURCES_CONTROL = "A.4.3";

    /** How an event's destination was matched to an AI tool. */
    public enum ToolMatchOutcome {
        CATALOGUED, CANDIDATE, NONE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    /** Meter lookups by tags cost an allocation per record; the hot path reads this cache instead. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void enriched(ToolMatchOutcome outcome) {
        counter(MetricNames.EVENTS_ENRICHED, "Events enriched, by tool match outcome", MONITORING_CONTROL,
                MetricNames.TAG_TOOL_MATCH, outcome.tag()).increment();
    }

    public void unknownUser() {
        counter(MetricNames.UNKNOWN_USERS, "Events whose user is not in ref.identities", MONITORING_CONTROL).increment();
    }

    /** @param type a finding type of the taxonomy, never a value */
    public void finding(String type, String dataClass) {
        counter(MetricNames.FINDINGS, "Sensitive values found in content sent to AI tools, by type and data class",
                DATA_RESOURCES_CONTROL, MetricNames.TAG_FINDING_TYPE, type, MetricNames.TAG_DATA_CLASS, dataClass)
                .increment();
    }

    private Counter counter(String name, String description, String control, String... tags) {
        return counters.computeIfAbsent(name + '|' + String.join("|", tags), key -> Counter.builder(name)
                .description(description)
                .tags(tags)
                .tag(MetricNames.TAG_CONTROL, control)
                .register(registry));
    }
}
