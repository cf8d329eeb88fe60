package dev.sightline.pipeline.governance;

import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import dev.sightline.pipeline.ToolUses;
import dev.sightline.pipeline.metrics.GovernanceMetrics;
import dev.sightline.pipeline.reference.RuleReferences;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * events.ai-usage.enriched -> the governance evidence, in three sub-topologies:
 * <ul>
 *   <li>audit.ai-data-access (key = the event's user key): one hash-chained {@link AuditRecord} per audited
 *       interaction ({@link AuditRecords} says which, and how the outcome is decided), written by
 *       {@value #AUDIT_CHAIN}. The chain of partition p has one writer, the task of input partition p, and its head
 *       is in {@value #AUDIT_CHAIN_STORE} (key = partition, changelogged), so it survives restarts and rebalances;
 *       exactly-once processing commits head and record together, so the chain has no gap. The Kafka timestamp of
 *       an audit record is its recordedAt, so that time-based seeks (the verifier's --from/--to) and retention
 *       follow the order of the chain. The same task also keeps each record in {@value #AUDIT_INDEX_STORE} for the
 *       query API ({@link AuditIndex}), for a configured retention in event time;</li>
 *   <li>ai.inventory (compacted, key = tool id), through the repartition topic of {@link ToolUses} (shared with
 *       detection);</li>
 *   <li>lineage.edges (compacted, key = edge id), through {@value #BY_EDGE}.</li>
 * </ul>
 * Blocked interactions are audited but add no inventory use and no lineage: nothing reached the tool. Inventory and
 * lineage are written rate-limited ({@link ThrottledAggregateProcessor}). All state is RocksDB, changelogged and
 * bounded: one chain head per partition; one entry per tool and per edge (the catalog, candidates and classification
 * table bound them) plus membership keys capped per tool/edge ({@link BoundedMembers}). Every name is explicit.
 *
 * <p>The policy and catalog are read as detection reads them, from global stores other stages register (a topic
 * feeds one global store only): {@link RuleReferences}.
 */
public final class GovernanceTopology {
    public static final String AUDIT_CHAIN = "governance-audit-chain";
    public static final String AUDIT_CHAIN_STORE = "governance-audit-chain-store";
    public static final String AUDIT_SINK = "governance-audit-sink";
    public static final String AUDIT_INDEX = "governance-audit-index";
    /** Audit records by user and event time for the query API; key layout in {@link AuditIndex}. */
    public static final String AUDIT_INDEX_STORE = "governance-audit-index-store";

    public static final String INVENTORY = "governance-inventory";
    public static final String INVENTORY_STORE = "governance-inventory-store";
    public static final String INVENTORY_MEMBERS_STORE = "governance-inventory-members-store";
    public static final String INVENTORY_PENDING_STORE = "governance-inventory-pending-store";
    public static final String INVENTORY_SINK = "governance-inventory-sink";

    public static final String LINEAGE_EDGES = "governance-lineage-edges";
    public static final String BY_EDGE = "governance-lineage-by-edge";
    public static final String LINEAGE = "governance-lineage";
    public static final String LINEAGE_STORE = "governance-lineage-store";
    public static final String LINEAGE_MEMBERS_STORE = "governance-lineage-members-store";
    public static final String LINEAGE_PENDING_STORE = "governance-lineage-pending-store";
    public static final String LINEAGE_SINK = "governance-lineage-sink";

    /**
     * @param emitInterval   at most one non-material update per inventory entry or lineage edge per interval
     * @param auditRetention how long (event time) {@value #AUDIT_INDEX_STORE} keeps an audit record; config
     *                       {@code sightline.audit.query.retention.days}
     */
    public record Settings(String auditTopic, String inventoryTopic, String lineageTopic, Duration emitInterval,
                           Duration auditRetention) {
        public static final Duration DEFAULT_EMIT_INTERVAL = Duration.ofSeconds(30);
        public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(400);

        /** With the default audit retention. */
        public Settings(String auditTopic, String inventoryTopic, String lineageTopic, Duration emitInterval) {
            this(auditTopic, inventoryTopic, lineageTopic, emitInterval, DEFAULT_AUDIT_RETENTION);
        }

        public Settings {
            Objects.requireNonNull(auditTopic, "auditTopic");
            Objects.requireNonNull(inventoryTopic, "inventoryTopic");
            Objects.requireNonNull(lineageTopic, "lineageTopic");
            if (emitInterval == null || emitInterval.isNegative() || emitInterval.isZero()) {
                throw new IllegalArgumentException("emitInterval must be positive, was " + emitInterval);
            }
            if (auditRetention == null || auditRetention.isNegative() || auditRetention.isZero()) {
                throw new IllegalArgumentException("auditRetention must be positive, was " + auditRetention);
            }
        }
    }

    private final Settings settings;
    private final Serde<AiUsageEvent> eventSerde;
    private final Serde<AuditRecord> auditSerde;
    private final Serde<InventoryEntry> inventorySerde;
    private final Serde<LineageEdge> lineageSerde;
    private final GovernanceMetrics metrics;
    private final Clock clock;

    public GovernanceTopology(Settings settings, Serde<AiUsageEvent> eventSerde, Serde<AuditRecord> auditSerde,
                              Serde<InventoryEntry> inventorySerde, Serde<LineageEdge> lineageSerde,
                              GovernanceMetrics metrics, Clock clock) {
        this.settings = settings;
        this.eventSerde = eventSerde;
        this.auditSerde = auditSerde;
        this.inventorySerde = inventorySerde;
        this.lineageSerde = lineageSerde;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param events     the enriched events, keyed by user
     * @param byTool     the same events' tool uses keyed by tool id ({@link ToolUses}), shared with detection
     * @param references the policy in force and the catalog, as detection reads them
     */
    public void build(StreamsBuilder builder, KStream<String, AiUsageEvent> events, KStream<String, AiUsageEvent> byTool,
                      RuleReferences references) {

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AUDIT_CHAIN_STORE),
                Serdes.Integer(), ChainHead.serde())
                .withCachingEnabled());
        KStream<String, ChainedAudit> audits = events.process(() -> new AuditChainProcessor(references, auditBytes(), metrics, clock),
                Named.as(AUDIT_CHAIN), AUDIT_CHAIN_STORE);
        audits.to(settings.auditTopic(), Produced.with(Serdes.String(), ChainedAudit.writeOnlySerde())
                .withStreamPartitioner(ChainedAudit.partitioner()).withName(AUDIT_SINK));
        // same task as the chain, so the index of a user lives where that user's partition is processed
        // values are the records' Avro bytes: the retention sweep reads only keys, the query API decodes what it returns
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AUDIT_INDEX_STORE),
                Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        audits.process(() -> new AuditIndexProcessor(settings.auditRetention(), clock),
                Named.as(AUDIT_INDEX), AUDIT_INDEX_STORE);

        var inventoryStores = aggregateStores(builder, INVENTORY_STORE, INVENTORY_MEMBERS_STORE,
                INVENTORY_PENDING_STORE, inventorySerde);
        byTool.process(() -> new InventoryProcessor(inventoryStores, references, settings.emitInterval(), metrics, clock),
                        Named.as(INVENTORY), INVENTORY_STORE, INVENTORY_MEMBERS_STORE, INVENTORY_PENDING_STORE)
                .to(settings.inventoryTopic(), Produced.with(Serdes.String(), inventorySerde).withName(INVENTORY_SINK));

        var lineageStores = aggregateStores(builder, LINEAGE_STORE, LINEAGE_MEMBERS_STORE, LINEAGE_PENDING_STORE,
                lineageSerde);
        events.flatMap((key, event) -> event == null ? List.of() : LineageEdges.of(event), Named.as(LINEAGE_EDGES))
                .repartition(Repartitioned.with(Serdes.String(), lineageSerde).withName(BY_EDGE))
                .process(() -> new LineageProcessor(lineageStores, settings.emitInterval(), metrics, clock),
                        Named.as(LINEAGE), LINEAGE_STORE, LINEAGE_MEMBERS_STORE, LINEAGE_PENDING_STORE)
                .to(settings.lineageTopic(), Produced.with(Serdes.String(), lineageSerde).withName(LINEAGE_SINK));
    }

    /** An audit record as the audit topic's bytes (same subject, same schema id), for the topic and the index. */
    private Function<AuditRecord, byte[]> auditBytes() {
        Serializer<AuditRecord> serializer = auditSerde.serializer();
        String topic = settings.auditTopic();
        return audit -> serializer.serialize(topic, audit);
    }

    private static <V> ThrottledAggregateProcessor.StoreNames aggregateStores(StreamsBuilder builder, String aggregates,
                                                                             String members, String pending,
                                                                             Serde<V> serde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(aggregates),
                Serdes.String(), serde)
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(members),
                Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(pending),
                Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        return new ThrottledAggregateProcessor.StoreNames(aggregates, members, pending);
    }
}
