package dev.sightline.pipeline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters of the governance stage (audit trail, inventory, lineage). The registry is passed in. */
public final class GovernanceMetrics {
    private static final String EVENT_LOG_CONTROL = "A.6.2.8";
    private static final String INVENTORY_CONTROL = "A.4.2";
    private static final String DATA_RESOURCES_CONTROL = "A.4.3";

    private final MeterRegistry registry;
    /** Meter lookups by tags cost an allocation per record; the hot path reads this cache instead. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter inventoryUpdates;
    private final Counter lineageUpdates;

    public GovernanceMetrics(MeterRegistry registry) {
        this.registry = registry;
        inventoryUpdates = Counter.builder(MetricNames.INVENTORY_UPDATES).description("Inventory entries written")
                .tags(MetricNames.TAG_CONTROL, INVENTORY_CONTROL).register(registry);
        lineageUpdates = Counter.builder(MetricNames.LINEAGE_UPDATES).description("Lineage edges written")
                .tags(MetricNames.TAG_CONTROL, DATA_RESOURCES_CONTROL).register(registry);
    }

    public void auditRecordWritten(String outcome) {
        counter(MetricNames.AUDIT_RECORDS, "Hash-chained audit records written, by outcome",
                MetricNames.TAG_OUTCOME, outcome, MetricNames.TAG_CONTROL, EVENT_LOG_CONTROL).increment();
    }

    public void inventoryEntryWritten() {
        inventoryUpdates.increment();
    }

    public void lineageEdgeWritten() {
        lineageUpdates.increment();
    }

    public void distinctCountCapped(String aggregate) {
        counter(MetricNames.DISTINCT_CAPPED, "Members not counted because a distinct count reached its cap",
                MetricNames.TAG_AGGREGATE, aggregate).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + '|' + String.join("|", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
