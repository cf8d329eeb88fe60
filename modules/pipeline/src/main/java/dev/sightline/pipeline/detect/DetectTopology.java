package dev.sightline.pipeline.detect;

import dev.sightline.detect.ActivePolicy;
import dev.sightline.detect.DetectionRule;
import dev.sightline.detect.rules.ApprovalDriftRule;
import dev.sightline.detect.rules.BlockedAttemptsRule;
import dev.sightline.detect.rules.NewAiToolRule;
import dev.sightline.detect.rules.SensitiveEgressRule;
import dev.sightline.detect.rules.ShadowAiRule;
import dev.sightline.detect.rules.UploadAnomalyRule;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.Policy;
import dev.sightline.pipeline.ToolUses;
import dev.sightline.pipeline.metrics.DetectMetrics;
import dev.sightline.pipeline.reference.DecodedTable;
import dev.sightline.pipeline.reference.ReferenceStores;
import dev.sightline.pipeline.reference.RuleReferences;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * events.ai-usage.enriched -> alerts (key = alert id), in three sub-topologies by the key each rule's state needs:
 * <ul>
 *   <li>per user (the input's key): shadow AI, sensitive egress, approval drift, blocked attempts;</li>
 *   <li>per tool, through the repartition topic of {@link ToolUses} (shared with governance): new AI tool, whose "seen tools" memory must be
 *       organisation-wide — one owner per tool id gives that without a global store written by every task;</li>
 *   <li>per department, through {@value #BY_DEPARTMENT}: upload anomaly, so that a department's baseline has one
 *       owner (a user's events all go to their department's partition).</li>
 * </ul>
 * Each part deduplicates its own alerts (alert ids never cross parts). The policy in force ({@code sightline.policy.id}
 * on ref.policies) and the catalog are global stores. All state is persistent (RocksDB), changelogged and bounded:
 * window stores by retention, key-value stores by a stream-time expiry sweep. Every name is explicit.
 */
public final class DetectTopology {
    public static final String SOURCE = "detect-enriched-source";
    public static final String POLICIES_SOURCE = "detect-policies-source";
    public static final String POLICIES_STORE = "detect-policies-global-store";
    public static final String TOOLS_SOURCE = "detect-ai-tools-source";
    public static final String TOOLS_STORE = "detect-ai-tools-global-store";

    public static final String USER_RULES = "detect-user-rules";
    public static final String USER_ALERTS_STORE = "detect-user-alerts-store";
    public static final String USER_PENDING_STORE = "detect-user-pending-store";
    public static final String BLOCKED_ATTEMPTS_STORE = "detect-blocked-attempts-store";
    public static final String USER_SINK = "detect-user-alerts-sink";

    public static final String TOOL_RULES = "detect-tool-rules";
    public static final String SEEN_TOOLS_STORE = "detect-seen-tools-store";
    public static final String TOOL_ALERTS_STORE = "detect-tool-alerts-store";
    public static final String TOOL_PENDING_STORE = "detect-tool-pending-store";
    public static final String TOOL_SINK = "detect-tool-alerts-sink";

    public static final String UPLOAD_FILTER = "detect-upload-filter";
    public static final String KEY_BY_DEPARTMENT = "detect-key-by-department";
    public static final String BY_DEPARTMENT = "detect-events-by-department";
    public static final String UPLOAD_RULES = "detect-upload-rules";
    public static final String USER_USAGE_STORE = "detect-user-usage-store";
    public static final String DEPARTMENT_BASELINES_STORE = "detect-department-baselines-store";
    public static final String UPLOAD_ALERTS_STORE = "detect-upload-alerts-store";
    public static final String UPLOAD_PENDING_STORE = "detect-upload-pending-store";
    public static final String UPLOAD_SINK = "detect-upload-alerts-sink";

    /** A tool unused for this long is forgotten: its next use is "new" again (a tool that came back is news). */
    static final Duration SEEN_TOOLS_RETENTION = Duration.ofDays(400);
    /** Baselines of users and departments without uploads for this long are dropped. */
    static final Duration BASELINE_RETENTION = Duration.ofDays(30);
    /** Dedup state outlives the longest window by as much again, for late events of that window. */
    static final Duration ALERT_RETENTION = ActivePolicy.MAX_WINDOW.multipliedBy(2);

    /**
     * @param policyId         the policy of ref.policies in force (config {@code sightline.policy.id}, default {@code default})
     * @param updateInterval   at most one UPDATED record per alert per interval, unless the count doubles or the
     *                         alert gets graver (AlertDeduplicator)
     */
    public record Settings(String enrichedTopic, String alertsTopic, String policiesTopic, String toolsTopic,
                           String policyId, Duration updateInterval) {
        public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofMinutes(1);

        public Settings {
            Objects.requireNonNull(enrichedTopic, "enrichedTopic");
            Objects.requireNonNull(alertsTopic, "alertsTopic");
            Objects.requireNonNull(policiesTopic, "policiesTopic");
            Objects.requireNonNull(toolsTopic, "toolsTopic");
            if (policyId == null || policyId.isBlank()) {
                throw new IllegalArgumentException("policyId must not be blank");
            }
            if (updateInterval == null || updateInterval.isNegative() || updateInterval.isZero()) {
                throw new IllegalArgumentException("updateInterval must be positive, was " + updateInterval);
            }
        }
    }

    private final Settings settings;
    private final Serde<AiUsageEvent> eventSerde;
    private final Serde<Alert> alertSerde;
    private final Serde<Policy> policySerde;
    private final Serde<AiTool> toolSerde;
    private final DetectMetrics metrics;
    private final Clock clock;

    public DetectTopology(Settings settings, Serde<AiUsageEvent> eventSerde, Serde<Alert> alertSerde,
                          Serde<Policy> policySerde, Serde<AiTool> toolSerde, DetectMetrics metrics, Clock clock) {
        this.settings = settings;
        this.eventSerde = eventSerde;
        this.alertSerde = alertSerde;
        this.policySerde = policySerde;
        this.toolSerde = toolSerde;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Reads the enriched topic through a source of its own and registers the catalog's global store
     * {@value #TOOLS_STORE}: for a topology where no other stage does either.
     */
    public RuleReferences build(StreamsBuilder builder) {
        KStream<String, AiUsageEvent> enriched = builder.stream(settings.enrichedTopic(),
                Consumed.with(Serdes.String(), eventSerde).withName(SOURCE));
        return build(builder, enriched, ToolUses.byTool(enriched, eventSerde), catalog(builder));
    }

    /** Registers the catalog's global store {@value #TOOLS_STORE}, for a topology where no other stage does. */
    public DecodedTable<AiTool> catalog(StreamsBuilder builder) {
        DecodedTable<AiTool> catalog = new DecodedTable<>();
        ReferenceStores.register(builder, settings.toolsTopic(), TOOLS_SOURCE, TOOLS_STORE, toolSerde, catalog);
        return catalog;
    }

    /**
     * @param events  the enriched events, keyed by user
     * @param byTool  the same events' tool uses keyed by tool id ({@link ToolUses}), shared with governance
     * @param catalog ref.ai-tools as another stage's global store holds it (a topic can feed only one global store)
     * @return the policy in force and the catalog as the rules read them, for later stages that need the same
     */
    public RuleReferences build(StreamsBuilder builder, KStream<String, AiUsageEvent> events,
                                KStream<String, AiUsageEvent> byTool, DecodedTable<AiTool> catalog) {
        DecodedTable<Policy> policies = new DecodedTable<>();
        ReferenceStores.register(builder, settings.policiesTopic(), POLICIES_SOURCE, POLICIES_STORE, policySerde,
                policies);
        var references = new RuleReferences(policies, catalog, settings.policyId());

        // Per user: the input is keyed by user already.
        addDedupStores(builder, USER_ALERTS_STORE, USER_PENDING_STORE);
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(BLOCKED_ATTEMPTS_STORE,
                BlockedAttemptsRule.MAX_COUNT_WINDOW.multipliedBy(2), BlockedAttemptsRule.MAX_COUNT_WINDOW, false),
                Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        events.process(() -> new DetectProcessor(stores -> List.<DetectionRule>of(new ShadowAiRule(),
                                new SensitiveEgressRule(), new ApprovalDriftRule(),
                                new BlockedAttemptsRule(StoreBackedState.counter(stores.store(BLOCKED_ATTEMPTS_STORE)))),
                        new DetectProcessor.DedupStores(USER_ALERTS_STORE, USER_PENDING_STORE), references, Map.of(),
                        settings.updateInterval(), metrics, clock),
                        Named.as(USER_RULES), USER_ALERTS_STORE, USER_PENDING_STORE, BLOCKED_ATTEMPTS_STORE)
                .to(settings.alertsTopic(), Produced.with(Serdes.String(), alertSerde).withName(USER_SINK));

        // Per tool: one owner per tool id for the organisation-wide first-use memory.
        addDedupStores(builder, TOOL_ALERTS_STORE, TOOL_PENDING_STORE);
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(SEEN_TOOLS_STORE), Serdes.String(), StateSerdes.toolSighting())
                .withCachingEnabled());
        byTool.process(() -> new DetectProcessor(stores -> List.<DetectionRule>of(
                                new NewAiToolRule(StoreBackedState.seenTools(stores.store(SEEN_TOOLS_STORE)))),
                        new DetectProcessor.DedupStores(TOOL_ALERTS_STORE, TOOL_PENDING_STORE), references,
                        Map.of(SEEN_TOOLS_STORE, SEEN_TOOLS_RETENTION), settings.updateInterval(), metrics, clock),
                        Named.as(TOOL_RULES), TOOL_ALERTS_STORE, TOOL_PENDING_STORE, SEEN_TOOLS_STORE)
                .to(settings.alertsTopic(), Produced.with(Serdes.String(), alertSerde).withName(TOOL_SINK));

        // Per department: one owner per department baseline.
        addDedupStores(builder, UPLOAD_ALERTS_STORE, UPLOAD_PENDING_STORE);
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(USER_USAGE_STORE), Serdes.String(), StateSerdes.userUsage())
                .withCachingEnabled());
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(DEPARTMENT_BASELINES_STORE), Serdes.String(), StateSerdes.ewma())
                .withCachingEnabled());
        events.filter((key, event) -> event != null && event.getTool() != null && event.getBytesOut() != null
                        && event.getBytesOut() > 0, Named.as(UPLOAD_FILTER))
                .selectKey((key, event) -> UploadAnomalyRule.departmentKey(event), Named.as(KEY_BY_DEPARTMENT))
                .repartition(Repartitioned.with(Serdes.String(), eventSerde).withName(BY_DEPARTMENT))
                .process(() -> new DetectProcessor(uploadRules(),
                        new DetectProcessor.DedupStores(UPLOAD_ALERTS_STORE, UPLOAD_PENDING_STORE), references,
                        Map.of(USER_USAGE_STORE, BASELINE_RETENTION, DEPARTMENT_BASELINES_STORE, BASELINE_RETENTION),
                        settings.updateInterval(), metrics, clock),
                        Named.as(UPLOAD_RULES), UPLOAD_ALERTS_STORE, UPLOAD_PENDING_STORE, USER_USAGE_STORE,
                        DEPARTMENT_BASELINES_STORE)
                .to(settings.alertsTopic(), Produced.with(Serdes.String(), alertSerde).withName(UPLOAD_SINK));
        return references;
    }

    private static Function<DetectProcessor.StoreLookup, List<DetectionRule>> uploadRules() {
        return stores -> List.of(new UploadAnomalyRule(StoreBackedState.baselines(stores.store(USER_USAGE_STORE),
                stores.store(DEPARTMENT_BASELINES_STORE), stores::streamTimeMs)));
    }

    private void addDedupStores(StreamsBuilder builder, String alertsStore, String pendingStore) {
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(alertsStore, ALERT_RETENTION,
                ActivePolicy.MAX_WINDOW, false), Serdes.String(), StateSerdes.dedupState(alertSerde, alertsStore))
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(pendingStore),
                Serdes.String(), Serdes.Long())
                .withCachingEnabled());
    }
}
