package dev.sightline.pipeline.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.detect.rules.ApprovalDriftRule;
import dev.sightline.detect.rules.BlockedAttemptsRule;
import dev.sightline.detect.rules.NewAiToolRule;
import dev.sightline.detect.rules.SensitiveEgressRule;
import dev.sightline.detect.rules.ShadowAiRule;
import dev.sightline.detect.rules.UploadAnomalyRule;
import dev.sightline.model.AccountType;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.Approval;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.Policy;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.ToolMatch;
import dev.sightline.model.ToolRule;
import dev.sightline.model.Topic;
import dev.sightline.model.UserContext;
import dev.sightline.pipeline.DriverProperties;
import dev.sightline.pipeline.ToolUses;
import dev.sightline.pipeline.metrics.DetectMetrics;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DetectTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final long MIB = 1 << 20;

    private final String scope = "detect-test-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private SchemaRegistryClient registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, AiUsageEvent> events;
    private TestInputTopic<String, Policy> policies;
    private TestInputTopic<String, AiTool> tools;
    private TestOutputTopic<String, Alert> alerts;
    private int sequence;

    @BeforeEach
    void start() throws Exception {
        registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
        driver = new TopologyTestDriver(topology(), DriverProperties.standalone("detect-test"), T0);
        events = driver.createInputTopic(Topic.AI_USAGE_ENRICHED.baseName(), new StringSerializer(), serde(AiUsageEvent.class).serializer());
        policies = driver.createInputTopic(Topic.REF_POLICIES.baseName(), new StringSerializer(), serde(Policy.class).serializer());
        tools = driver.createInputTopic(Topic.REF_AI_TOOLS.baseName(), new StringSerializer(), serde(AiTool.class).serializer());
        alerts = driver.createOutputTopic(Topic.ALERTS.baseName(), new StringDeserializer(), serde(Alert.class).deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
        MockSchemaRegistryClient.dropScope(scope);
    }

    private Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        new DetectTopology(new DetectTopology.Settings(Topic.AI_USAGE_ENRICHED.baseName(), Topic.ALERTS.baseName(),
                Topic.REF_POLICIES.baseName(), Topic.REF_AI_TOOLS.baseName(), ConfigKeys.POLICY_ID.defaultValue().orElseThrow(),
                Duration.ofMinutes(5)),
                serde(AiUsageEvent.class), serde(Alert.class), serde(Policy.class), serde(AiTool.class),
                new DetectMetrics(meters), Clock.fixed(T0, ZoneOffset.UTC)).build(builder);
        return builder.build();
    }

    private <T extends org.apache.avro.specific.SpecificRecord> org.apache.kafka.common.serialization.Serde<T> serde(Class<T> type) {
        return SightlineAvroSerde.forValue(type, registry);
    }

    // ---- shadow AI ----

    @Test
    void shadowAiRaisesOneAlertPerUserAndToolAndUpdatesItsCount() {
        for (int i = 0; i < 5; i++) {
            send(use("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 40), T0.plusSeconds(i)));
        }
        List<Alert> shadow = rule(ShadowAiRule.ID);
        assertThat(shadow).extracting(Alert::getAlertId).containsOnly(shadow.get(0).getAlertId());
        assertThat(shadow.get(0).getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(shadow).extracting(Alert::getEventCount).as("written at counts 1, 2 and 4; 3 and 5 held")
                .containsExactly(1L, 2L, 4L);
        assertThat(meters.find("sightline.alerts").tag("rule", ShadowAiRule.ID).tag("status", "NEW").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.find("sightline.alerts").tag("rule", ShadowAiRule.ID).tag("status", "UPDATED").counter().count())
                .isEqualTo(2.0);

        // The held count is flushed once stream time passes the update interval.
        send(use("bob", tool("other-tool", SanctionStatus.SANCTIONED, 10), T0.plus(Duration.ofMinutes(6))));
        assertThat(rule(ShadowAiRule.ID)).singleElement().satisfies(a -> {
            assertThat(a.getEventCount()).isEqualTo(5);
            assertThat(a.getStatus()).isEqualTo(AlertStatus.UPDATED);
        });
    }

    @Test
    void aNewSuppressionWindowStartsANewAlert() {
        send(use("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 40), T0));
        send(use("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 40), T0.plus(Duration.ofDays(1))));
        assertThat(rule(ShadowAiRule.ID)).extracting(Alert::getStatus).containsExactly(AlertStatus.NEW, AlertStatus.NEW);
    }

    @Test
    void aPolicyArrivingLateDecidesFromThenOn() {
        ToolMatch deepseek = tool("deepseek", SanctionStatus.UNREVIEWED, 60);
        send(use("alice", deepseek, T0));
        assertThat(rule(ShadowAiRule.ID)).singleElement().satisfies(a -> {
            assertThat(a.getSeverity()).isEqualTo(2);
            assertThat(a.getPolicyVersion()).isNull();
        });

        policies.pipeInput("default", policy(7, List.of(ToolRule.newBuilder().setToolId("deepseek")
                .setStatus(SanctionStatus.SANCTIONED).build())), T0);
        send(use("bob", deepseek, T0.plusSeconds(10)));
        assertThat(rule(ShadowAiRule.ID)).as("sanctioned by the policy now").isEmpty();

        policies.pipeInput("other-policy", policy(1, List.of()), T0);
        send(use("carol", deepseek, T0.plusSeconds(20)));
        assertThat(rule(ShadowAiRule.ID)).as("only the configured policy id counts").isEmpty();
    }

    // ---- sensitive egress ----

    @Test
    void sensitiveDataToAnUnapprovedToolIsEgressWithMaskedFindingsOnly() {
        AiUsageEvent event = use("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 40), T0);
        event.setFindings(List.of(Finding.newBuilder().setType("CREDIT_CARD").setDataClass(DataClass.PCI)
                .setConfidence(0.99).setMaskedPreview("4111 **** **** 1111").setValueHash("ab12").build()));
        event.setDataClasses(List.of(DataClass.PCI));
        send(event);
        assertThat(rule(SensitiveEgressRule.ID)).singleElement().satisfies(a -> {
            assertThat(a.getFindings()).extracting(Finding::getMaskedPreview).containsExactly("4111 **** **** 1111");
            assertThat(a.getDataClasses()).containsExactly(DataClass.PCI);
            assertThat(a.getControls()).containsExactly("A.4.3", "A.7.5", "A.9.4");
        });
    }

    @Test
    void dataWithinTheApprovalIsNotEgress() {
        policies.pipeInput("default", policy(1, List.of(sanctioned("copilot",
                Approval.newBuilder().setId("A-1").setDataClasses(List.of(DataClass.SOURCE_CODE)).build()))), T0);
        AiUsageEvent event = use("alice", tool("copilot", SanctionStatus.UNREVIEWED, 20), T0);
        event.setDataClasses(List.of(DataClass.SOURCE_CODE));
        send(event);
        assertThat(alerts.readValuesToList()).extracting(Alert::getRuleId).doesNotContain(SensitiveEgressRule.ID,
                ApprovalDriftRule.ID, ShadowAiRule.ID);
    }

    // ---- approval drift ----

    @Test
    void aPersonalAccountOnAnApprovedToolIsDrift() {
        policies.pipeInput("default", policy(2, List.of(sanctioned("copilot",
                Approval.newBuilder().setId("A-1").setDepartments(List.of("engineering")).build()))), T0);
        AiUsageEvent event = use("alice", tool("copilot", SanctionStatus.SANCTIONED, 20), T0);
        event.setAccountType(AccountType.PERSONAL);
        send(event);
        assertThat(rule(ApprovalDriftRule.ID)).singleElement().satisfies(a -> {
            assertThat(a.getAttributes()).containsEntry("approvalId", "A-1");
            assertThat(a.getSeverity()).isEqualTo(4);
            assertThat(a.getPolicyVersion()).isEqualTo(2);
        });
    }

    @Test
    void aTermsChangeReportedByTheCatalogAfterTheApprovalIsDrift() {
        policies.pipeInput("default", policy(2, List.of(sanctioned("copilot",
                Approval.newBuilder().setId("A-1").build()))), T0);
        send(use("alice", tool("copilot", SanctionStatus.SANCTIONED, 20), T0));
        assertThat(rule(ApprovalDriftRule.ID)).isEmpty();

        tools.pipeInput("copilot", AiTool.newBuilder().setId("copilot").setName("Copilot").setCatalogVersion("2026.11")
                .setTermsChangedAt(T0.plusSeconds(30)).setUpdatedAt(T0).build(), T0);
        send(use("alice", tool("copilot", SanctionStatus.SANCTIONED, 20), T0.plusSeconds(60)));
        assertThat(rule(ApprovalDriftRule.ID)).singleElement().satisfies(a -> {
            assertThat(a.getCatalogVersion()).isEqualTo("2026.11");
            assertThat(a.getAttributes()).containsKey("termsChangedAt");
        });
    }

    // ---- blocked attempts ----

    @Test
    void repeatedBlockedAttemptsRaiseAnAlertFromTheThreshold() {
        ToolMatch chatgpt = tool("chatgpt", SanctionStatus.UNSANCTIONED, 40);
        for (int i = 0; i < 4; i++) {
            send(blocked(use("alice", chatgpt, T0.plusSeconds(i))));
        }
        assertThat(rule(BlockedAttemptsRule.ID)).isEmpty();
        send(blocked(use("alice", chatgpt, T0.plusSeconds(5))));
        assertThat(rule(BlockedAttemptsRule.ID)).singleElement()
                .satisfies(a -> assertThat(a.getAttributes()).containsEntry("attempts", "5"));
    }

    @Test
    void blockedAttemptsAreCountedPerWindow() {
        ToolMatch chatgpt = tool("chatgpt", SanctionStatus.UNSANCTIONED, 40);
        for (int i = 0; i < 3; i++) {
            send(blocked(use("alice", chatgpt, T0.plusSeconds(i))));
            send(blocked(use("alice", chatgpt, T0.plus(Duration.ofMinutes(15)).plusSeconds(i))));
        }
        assertThat(rule(BlockedAttemptsRule.ID)).as("3 + 3 in two windows, threshold 5").isEmpty();
    }

    // ---- new AI tool ----

    @Test
    void theFirstUseOfAToolAnywhereIsReportedOnce() {
        ToolMatch claude = tool("claude", SanctionStatus.SANCTIONED, 30);
        send(use("alice", claude, T0));
        send(use("bob", claude, T0.plusSeconds(1)));
        send(use("carol", tool("gemini", SanctionStatus.SANCTIONED, 30), T0.plusSeconds(2)));
        assertThat(rule(NewAiToolRule.ID)).extracting(Alert::getToolId).containsExactly("claude", "gemini");
    }

    @Test
    void candidateServicesAreReportedAsTheyAreUsed() {
        ToolMatch candidate = ToolMatch.newBuilder(tool("candidate:llm.example", SanctionStatus.UNREVIEWED, 0))
                .setCandidate(true).build();
        send(use("alice", candidate, T0));
        assertThat(rule(NewAiToolRule.ID)).singleElement()
                .satisfies(a -> assertThat(a.getTitle()).startsWith("Candidate AI service"));
    }

    // ---- upload anomaly ----

    @Test
    void anUploadFarAboveTheUsersAndDepartmentsBaselineIsAnomalous() {
        ToolMatch chatgpt = tool("chatgpt", SanctionStatus.SANCTIONED, 30);
        for (int hour = 0; hour < 5; hour++) {
            send(upload(use("alice", chatgpt, T0.plus(Duration.ofHours(hour))), 5 * MIB));
            send(upload(use("bob", chatgpt, T0.plus(Duration.ofHours(hour))), 6 * MIB));
        }
        assertThat(rule(UploadAnomalyRule.ID)).isEmpty();
        send(upload(use("alice", chatgpt, T0.plus(Duration.ofHours(5))), 300 * MIB));
        assertThat(rule(UploadAnomalyRule.ID)).singleElement().satisfies(a -> {
            assertThat(a.getUser()).isEqualTo("alice");
            assertThat(a.getToolId()).isNull();
        });
    }

    // ---- naming ----

    @Test
    void everyProcessorStoreAndInternalTopicIsNamedExplicitly() {
        String description = topology().describe().toString();
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description).contains(DetectTopology.SOURCE, DetectTopology.USER_RULES, DetectTopology.TOOL_RULES,
                DetectTopology.UPLOAD_RULES, ToolUses.BY_TOOL, DetectTopology.BY_DEPARTMENT,
                DetectTopology.USER_ALERTS_STORE, DetectTopology.SEEN_TOOLS_STORE, DetectTopology.POLICIES_STORE,
                DetectTopology.BLOCKED_ATTEMPTS_STORE, DetectTopology.DEPARTMENT_BASELINES_STORE);
    }

    // ---- helpers ----

    private void send(AiUsageEvent event) {
        events.pipeInput(event.getUser(), event, event.getEventTime());
    }

    private List<Alert> rule(String ruleId) {
        List<Alert> out = new ArrayList<>();
        for (Alert alert : alerts.readValuesToList()) {
            if (alert.getRuleId().equals(ruleId)) {
                out.add(alert);
            }
        }
        return out;
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

    private static AiUsageEvent blocked(AiUsageEvent event) {
        event.setProxyAction(ProxyAction.BLOCKED);
        return event;
    }

    private static AiUsageEvent upload(AiUsageEvent event, long bytes) {
        event.setBytesOut(bytes);
        return event;
    }

    private static ToolMatch tool(String id, SanctionStatus sanction, int risk) {
        return ToolMatch.newBuilder().setToolId(id).setName(id).setSanction(sanction).setRiskScore(risk).build();
    }

    private static ToolRule sanctioned(String toolId, Approval approval) {
        return ToolRule.newBuilder().setToolId(toolId).setStatus(SanctionStatus.SANCTIONED)
                .setApprovals(List.of(approval)).build();
    }

    private static Policy policy(int version, List<ToolRule> rules) {
        return Policy.newBuilder().setId("default").setVersion(version).setToolRules(rules)
                .setImportedAt(T0.minus(Duration.ofDays(1))).build();
    }
}
