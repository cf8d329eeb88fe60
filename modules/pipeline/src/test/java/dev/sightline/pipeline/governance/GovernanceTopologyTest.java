package dev.sightline.pipeline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.detect.rules.SensitiveEgressRule;
import dev.sightline.detect.rules.ShadowAiRule;
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AccountType;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.Approval;
import dev.sightline.model.AuditOutcome;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import dev.sightline.model.LineageSourceKind;
import dev.sightline.model.Policy;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.ToolMatch;
import dev.sightline.model.ToolRule;
import dev.sightline.model.Topic;
import dev.sightline.model.UserContext;
import dev.sightline.pipeline.DriverProperties;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.ToolUses;
import dev.sightline.pipeline.detect.DetectTopology;
import dev.sightline.pipeline.metrics.DetectMetrics;
import dev.sightline.pipeline.metrics.GovernanceMetrics;
import dev.sightline.pipeline.reference.RuleReferences;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroDeserializer;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Governance wired as in the application: next to detection, sharing its source topic and global stores. */
class GovernanceTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration EMIT_INTERVAL = Duration.ofSeconds(30);

    private final String scope = "governance-test-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private SchemaRegistryClient registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, AiUsageEvent> events;
    private TestInputTopic<String, Policy> policies;
    private TestOutputTopic<String, byte[]> audit;
    private TestOutputTopic<String, InventoryEntry> inventory;
    private TestOutputTopic<String, LineageEdge> lineage;
    private TestOutputTopic<String, Alert> alerts;
    private int sequence;

    @BeforeEach
    void start() throws Exception {
        registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
        driver = new TopologyTestDriver(topology(), DriverProperties.standalone("governance-test"), T0);
        events = driver.createInputTopic(Topic.AI_USAGE_ENRICHED.baseName(), new StringSerializer(),
                serde(AiUsageEvent.class).serializer());
        policies = driver.createInputTopic(Topic.REF_POLICIES.baseName(), new StringSerializer(),
                serde(Policy.class).serializer());
        audit = driver.createOutputTopic(Topic.AUDIT.baseName(), new StringDeserializer(), new ByteArrayDeserializer());
        inventory = driver.createOutputTopic(Topic.INVENTORY.baseName(), new StringDeserializer(),
                serde(InventoryEntry.class).deserializer());
        lineage = driver.createOutputTopic(Topic.LINEAGE.baseName(), new StringDeserializer(),
                serde(LineageEdge.class).deserializer());
        alerts = driver.createOutputTopic(Topic.ALERTS.baseName(), new StringDeserializer(), serde(Alert.class).deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
        MockSchemaRegistryClient.dropScope(scope);
    }

    private Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        // wired as the application wires them: one source and one by-tool repartition for both stages
        KStream<String, AiUsageEvent> enriched = builder.stream(Topic.AI_USAGE_ENRICHED.baseName(),
                Consumed.with(Serdes.String(), serde(AiUsageEvent.class)).withName(SightlineTopology.ENRICHED_SOURCE));
        KStream<String, AiUsageEvent> byTool = ToolUses.byTool(enriched, serde(AiUsageEvent.class));
        DetectTopology detect = new DetectTopology(new DetectTopology.Settings(Topic.AI_USAGE_ENRICHED.baseName(),
                Topic.ALERTS.baseName(), Topic.REF_POLICIES.baseName(), Topic.REF_AI_TOOLS.baseName(), "default",
                Duration.ofMinutes(5)),
                serde(AiUsageEvent.class), serde(Alert.class), serde(Policy.class), serde(AiTool.class),
                new DetectMetrics(meters), clock);
        RuleReferences references = detect.build(builder, enriched, byTool, detect.catalog(builder));
        new GovernanceTopology(new GovernanceTopology.Settings(Topic.AUDIT.baseName(), Topic.INVENTORY.baseName(),
                Topic.LINEAGE.baseName(), EMIT_INTERVAL),
                serde(AiUsageEvent.class), serde(AuditRecord.class), serde(InventoryEntry.class), serde(LineageEdge.class),
                new GovernanceMetrics(meters), clock).build(builder, enriched, byTool, references);
        return builder.build();
    }

    private <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
        return SightlineAvroSerde.forValue(type, registry);
    }

    // ---- audit trail ----

    @Test
    void auditsDataAndUnapprovedToolsWithTheirOutcome() {
        policies.pipeInput("default", policy(sanctioned("copilot", "carol", DataClass.SOURCE_CODE)), T0);
        send(use("alice", tool("copilot"), T0)); // sanctioned, no data: not audited
        AiUsageEvent code = use("alice", tool("copilot"), T0.plusSeconds(1));
        code.setDataClasses(List.of(DataClass.SOURCE_CODE));
        send(code); // within the approval: audited, allowed
        AiUsageEvent card = withCard(use("bob", tool("chatgpt"), T0.plusSeconds(2)));
        send(card); // unreviewed tool and a card number: alerted
        AiUsageEvent blocked = use("bob", tool("deepseek"), T0.plusSeconds(3));
        blocked.setProxyAction(ProxyAction.BLOCKED);
        send(blocked);
        AiUsageEvent notAi = use("bob", tool("x"), T0.plusSeconds(4));
        notAi.setTool(null);
        send(notAi);

        List<AuditRecord> records = auditRecords().stream().map(TestRecord::value).toList();
        assertThat(records).extracting(AuditRecord::getEventId)
                .containsExactly(code.getEventId(), card.getEventId(), blocked.getEventId());
        assertThat(records).extracting(AuditRecord::getOutcome)
                .containsExactly(AuditOutcome.ALLOWED, AuditOutcome.ALERTED, AuditOutcome.BLOCKED);

        AuditRecord alerted = records.get(1);
        List<String> alertIds = alerts.readValuesToList().stream()
                .filter(a -> a.getRuleId().equals(ShadowAiRule.ID) || a.getRuleId().equals(SensitiveEgressRule.ID))
                .map(Alert::getAlertId).toList();
        assertThat(alerted.getAlertIds()).as("the ids the detect stage gives").containsExactlyInAnyOrderElementsOf(alertIds)
                .hasSize(2);
        assertThat(alerted.getControls()).startsWith("A.6.2.8").contains("A.4.3", "A.7.5", "A.9.2", "A.10.3")
                .doesNotHaveDuplicates();
        assertThat(alerted.getUser()).isEqualTo("bob");
        assertThat(alerted.getDepartment()).isEqualTo("engineering");
        assertThat(alerted.getSanction()).isEqualTo(SanctionStatus.UNREVIEWED);
        assertThat(alerted.getDataClasses()).containsExactly(DataClass.PCI);
        assertThat(alerted.getFindings()).extracting(Finding::getMaskedPreview).containsExactly("4111 **** **** 1111");
        assertThat(alerted.getSource()).isEqualTo(card.getSource());
        assertThat(alerted.getRecordId()).isEqualTo("audit:" + card.getEventId());
        assertThat(records.get(0).getControls()).containsExactly("A.6.2.8", "A.4.3", "A.7.5");
        assertThat(meters.find("sightline.audit.records").tag("outcome", "alerted").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theChainIsGapFreeLinkedAndVerifiable() {
        for (int i = 0; i < 6; i++) {
            send(withCard(use("user-" + i, tool("chatgpt"), T0.plusSeconds(i))));
        }
        List<TestRecord<String, AuditRecord>> records = auditRecords();
        assertThat(records).extracting(r -> r.value().getSequence()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(records.get(0).value().getPreviousHash()).isEmpty();
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).value().getPreviousHash()).isEqualTo(records.get(i - 1).value().getHash());
        }
        assertThat(records).extracting(TestRecord::key).as("key = user id")
                .containsExactly("user-0", "user-1", "user-2", "user-3", "user-4", "user-5");
        assertThat(records).extracting(TestRecord::timestamp).as("Kafka timestamp = recordedAt")
                .containsOnly(T0.toEpochMilli());
        assertThat(verify(records).intact()).isTrue();
    }

    @Test
    void aTamperedRecordFailsVerification() {
        for (int i = 0; i < 4; i++) {
            send(withCard(use("alice", tool("chatgpt"), T0.plusSeconds(i))));
        }
        List<TestRecord<String, AuditRecord>> records = auditRecords();
        records.get(1).value().setUser("mallory");
        AuditChainVerifier.Report report = verify(records);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditChainVerifier.Kind.ALTERED);
            assertThat(p.sequence()).isEqualTo(1);
        });
    }

    // ---- inventory ----

    @Test
    void inventoryAggregatesUseAndIsRateLimited() {
        policies.pipeInput("default", policy(sanctioned("copilot", "carol", DataClass.SOURCE_CODE)), T0);
        send(use("alice", tool("copilot"), T0));
        assertThat(inventory.readValuesToList()).as("a new tool is written at once").singleElement().satisfies(e -> {
            assertThat(e.getSanction()).isEqualTo(SanctionStatus.SANCTIONED);
            assertThat(e.getOwner()).isEqualTo("carol");
            assertThat(e.getEventCount()).isEqualTo(1);
        });

        AiUsageEvent sales = use("bob", tool("copilot"), T0.plusSeconds(5));
        sales.getIdentity().setDepartment("sales");
        send(sales);
        send(use("alice", tool("copilot"), T0.minusSeconds(60)));
        AiUsageEvent blocked = use("dave", tool("copilot"), T0.plusSeconds(9));
        blocked.setProxyAction(ProxyAction.BLOCKED);
        send(blocked);
        assertThat(inventory.readValuesToList()).as("counters wait for the interval").isEmpty();

        driver.advanceWallClockTime(EMIT_INTERVAL);
        assertThat(inventory.readKeyValuesToMap()).containsOnlyKeys("copilot").extractingByKey("copilot").satisfies(e -> {
            assertThat(e.getEventCount()).isEqualTo(3);
            assertThat(e.getDistinctUsers()).isEqualTo(2);
            assertThat(e.getDistinctDepartments()).isEqualTo(2);
            assertThat(e.getDepartments()).containsExactly("engineering", "sales");
            assertThat(e.getFirstSeen()).isEqualTo(T0.minusSeconds(60));
            assertThat(e.getLastSeen()).isEqualTo(T0.plusSeconds(5));
        });
        driver.advanceWallClockTime(EMIT_INTERVAL);
        assertThat(inventory.readValuesToList()).as("nothing pending, nothing written").isEmpty();

        AiUsageEvent code = use("alice", tool("copilot"), T0.plusSeconds(20));
        code.setDataClasses(List.of(DataClass.SOURCE_CODE));
        send(code);
        assertThat(inventory.readValuesToList()).as("a new data class is written at once").singleElement()
                .satisfies(e -> assertThat(e.getDataClasses()).containsExactly(DataClass.SOURCE_CODE));
    }

    @Test
    void inventoryListsAtMostFiftyDepartmentsButCountsThemAll() {
        IntStream.range(0, 55).forEach(i -> {
            AiUsageEvent event = use("u" + i, tool("chatgpt"), T0.plusSeconds(i));
            event.getIdentity().setDepartment(String.format("dept-%02d", i));
            send(event);
        });
        driver.advanceWallClockTime(EMIT_INTERVAL);
        InventoryEntry entry = inventory.readKeyValuesToMap().get("chatgpt");
        assertThat(entry.getDistinctDepartments()).isEqualTo(55);
        assertThat(entry.getDistinctUsers()).isEqualTo(55);
        assertThat(entry.getDepartments()).hasSize(InventoryProcessor.DEPARTMENTS_LISTED).isSorted()
                .startsWith("dept-00").endsWith("dept-49");
        assertThat(entry.getCandidate()).isFalse();
        assertThat(entry.getOwner()).as("no owner for an unreviewed tool").isNull();
    }

    // ---- lineage ----

    @Test
    void lineageEdgesFromAssetsAndFoundClassesWithABoundedUserSample() {
        for (int i = 0; i < 25; i++) {
            AiUsageEvent event = withCard(use("u" + i, tool("chatgpt"), T0.plusSeconds(i)));
            event.setAssets(List.of(AccessedAsset.newBuilder().setId("doc-1").setName("payroll.xlsx")
                    .setAssetId("hr-payroll").setDataClasses(List.of(DataClass.PII)).build()));
            send(event);
        }
        assertThat(lineage.readKeyValuesToList()).extracting(kv -> kv.key).as("new edges at once")
                .containsExactly("asset:hr-payroll|chatgpt", "class:PCI|chatgpt");
        driver.advanceWallClockTime(EMIT_INTERVAL);
        Map<String, LineageEdge> edges = lineage.readKeyValuesToMap();
        assertThat(edges.get("asset:hr-payroll|chatgpt")).satisfies(e -> {
            assertThat(e.getSourceKind()).isEqualTo(LineageSourceKind.ASSET);
            assertThat(e.getAssetName()).isEqualTo("payroll.xlsx");
            assertThat(e.getEventCount()).isEqualTo(25);
            assertThat(e.getDistinctUsers()).isEqualTo(25);
            assertThat(e.getUsers()).hasSize(LineageProcessor.USERS_LISTED).startsWith("u0");
            assertThat(e.getFirstSeen()).isEqualTo(T0);
            assertThat(e.getLastSeen()).isEqualTo(T0.plusSeconds(24));
        });
        assertThat(edges.get("class:PCI|chatgpt")).satisfies(e -> {
            assertThat(e.getSourceKind()).isEqualTo(LineageSourceKind.DATA_CLASS);
            assertThat(e.getDataClass()).isEqualTo(DataClass.PCI);
            assertThat(e.getEventCount()).isEqualTo(25);
        });
    }

    @Test
    void theAuditIndexHoldsEachUsersRecordsInEventTimeOrderWithinRetention() {
        send(withCard(use("bob", tool("chatgpt"), T0.plusSeconds(5))));
        send(withCard(use("alice", tool("chatgpt"), T0.plusSeconds(1))));
        send(withCard(use("bob", tool("chatgpt"), T0.plusSeconds(2))));
        send(withCard(use("bob", tool("chatgpt"), T0.minus(GovernanceTopology.Settings.DEFAULT_AUDIT_RETENTION)
                .minusSeconds(1)))); // audited, but older than the index keeps

        KeyValueStore<Bytes, byte[]> index = driver.getKeyValueStore(GovernanceTopology.AUDIT_INDEX_STORE);
        var decoder = serde(AuditRecord.class).deserializer();
        List<AuditRecord> bob = new ArrayList<>();
        try (var range = index.range(AuditIndex.lowerBound("bob", 0), AuditIndex.upperBound("bob", Long.MAX_VALUE))) {
            range.forEachRemaining(entry -> bob.add(decoder.deserialize(Topic.AUDIT.baseName(), entry.value)));
        }
        assertThat(bob).extracting(AuditRecord::getEventTime).containsExactly(T0.plusSeconds(2), T0.plusSeconds(5));
        assertThat(auditRecords()).hasSize(4);
    }

    // ---- naming ----

    @Test
    void everyProcessorStoreAndInternalTopicIsNamedExplicitly() {
        String description = topology().describe().toString();
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description).contains(GovernanceTopology.AUDIT_CHAIN, GovernanceTopology.AUDIT_CHAIN_STORE,
                GovernanceTopology.AUDIT_SINK, ToolUses.FILTER, ToolUses.KEY_BY_TOOL, ToolUses.BY_TOOL,
                GovernanceTopology.INVENTORY, GovernanceTopology.INVENTORY_STORE,
                GovernanceTopology.INVENTORY_MEMBERS_STORE, GovernanceTopology.INVENTORY_PENDING_STORE,
                GovernanceTopology.INVENTORY_SINK, GovernanceTopology.LINEAGE_EDGES, GovernanceTopology.BY_EDGE,
                GovernanceTopology.LINEAGE, GovernanceTopology.LINEAGE_STORE, GovernanceTopology.LINEAGE_MEMBERS_STORE,
                GovernanceTopology.LINEAGE_PENDING_STORE, GovernanceTopology.LINEAGE_SINK,
                GovernanceTopology.AUDIT_INDEX, GovernanceTopology.AUDIT_INDEX_STORE);
    }

    // ---- helpers ----

    private List<TestRecord<String, AuditRecord>> auditRecords() {
        Serde<AuditRecord> serde = serde(AuditRecord.class);
        return audit.readRecordsToList().stream().map(r -> new TestRecord<>(r.key(),
                serde.deserializer().deserialize(Topic.AUDIT.baseName(), r.value()), r.headers(), r.timestamp())).toList();
    }

    /** Through the wire format and the writer schema, as the verify command reads them. */
    private AuditChainVerifier.Report verify(List<TestRecord<String, AuditRecord>> records) {
        Serde<AuditRecord> serde = serde(AuditRecord.class);
        var generic = new SightlineAvroDeserializer<>(registry, GenericRecord.class);
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (int i = 0; i < records.size(); i++) {
            byte[] bytes = serde.serializer().serialize(Topic.AUDIT.baseName(), records.get(i).value());
            verifier.accept(0, i, generic.deserialize(Topic.AUDIT.baseName(), bytes));
        }
        return verifier.report();
    }

    private void send(AiUsageEvent event) {
        events.pipeInput(event.getUser(), event, event.getEventTime());
    }

    private AiUsageEvent use(String user, ToolMatch tool, Instant at) {
        sequence++;
        return AiUsageEvent.newBuilder().setEventId("e-" + sequence).setEventTime(at).setIngestTime(at)
                .setSource(SourceCoordinates.newBuilder().setFormat("zscaler").setTopic("raw.proxy.zscaler")
                        .setPartition(0).setOffset((long) sequence).build())
                .setSourceProduct("zscaler").setUser(user).setHost(tool.getToolId() + ".example")
                .setProxyAction(ProxyAction.ALLOWED).setAccountType(AccountType.CORPORATE).setTool(tool)
                .setIdentity(UserContext.newBuilder().setDepartment("engineering").build())
                .build();
    }

    private static AiUsageEvent withCard(AiUsageEvent event) {
        event.setFindings(List.of(Finding.newBuilder().setType("CREDIT_CARD").setDataClass(DataClass.PCI)
                .setConfidence(0.99).setMaskedPreview("4111 **** **** 1111").setValueHash("ab12").build()));
        event.setDataClasses(List.of(DataClass.PCI));
        return event;
    }

    private static ToolMatch tool(String id) {
        return ToolMatch.newBuilder().setToolId(id).setName(id).setVendor(id + " Inc.").setSanction(SanctionStatus.UNREVIEWED)
                .setRiskScore(40).build();
    }

    private static ToolRule sanctioned(String toolId, String owner, DataClass allowed) {
        return ToolRule.newBuilder().setToolId(toolId).setStatus(SanctionStatus.SANCTIONED)
                .setApprovals(List.of(Approval.newBuilder().setId("A-1").setOwner(owner)
                        .setDataClasses(List.of(allowed)).build())).build();
    }

    private static Policy policy(ToolRule... rules) {
        return Policy.newBuilder().setId("default").setVersion(1).setToolRules(List.of(rules))
                .setImportedAt(T0.minus(Duration.ofDays(1))).build();
    }
}
