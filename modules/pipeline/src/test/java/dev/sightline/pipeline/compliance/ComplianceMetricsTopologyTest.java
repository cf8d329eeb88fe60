package dev.sightline.pipeline.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.model.AccountType;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.DataClass;
import dev.sightline.model.EvidenceStrength;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.ToolMatch;
import dev.sightline.pipeline.DriverProperties;
import dev.sightline.pipeline.metrics.MetricNames;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComplianceMetricsTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant WALL_CLOCK = Instant.parse("2026-11-27T12:00:00Z");
    private static final ComplianceMetricsTopology.Settings TOPICS =
            new ComplianceMetricsTopology.Settings("events.ai-usage.enriched", "alerts");

    private final String scope = "compliance-test-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
    private final Serde<AiUsageEvent> eventSerde = SightlineAvroSerde.forValue(AiUsageEvent.class, registry);
    private final Serde<Alert> alertSerde = SightlineAvroSerde.forValue(Alert.class, registry);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, AiUsageEvent> events;
    private TestInputTopic<String, Alert> alerts;
    private int sequence;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void aiEventsAreCountedByToolCategorySanctionAndSourceWithCandidatesInOneBucket() {
        start(settings(1_000));
        events.pipeInput("alice", event("alice", T0, tool("chatgpt", SanctionStatus.SANCTIONED, false)));
        events.pipeInput("bob", event("bob", T0, tool("chatgpt", SanctionStatus.SANCTIONED, false)));
        events.pipeInput("bob", event("bob", T0, tool("api.unknown-llm.example", SanctionStatus.UNREVIEWED, true)));
        events.pipeInput("carol", event("carol", T0, null));

        assertThat(aiEvents("chatgpt", "chat", "sanctioned")).isEqualTo(2.0);
        assertThat(aiEvents("candidate", "candidate", "unreviewed")).isEqualTo(1.0);
        assertThat(meters.find(MetricNames.AI_EVENTS).counters()).hasSize(2);
        assertThat(meters.get(MetricNames.AI_EVENTS).tag(MetricNames.TAG_TOOL, "chatgpt").counter().getId()
                .getTag(MetricNames.TAG_CONTROL)).isEqualTo("A.9.2");
    }

    @Test
    void toolLabelsPastTheCapShareTheOtherBucket() {
        start(settings(1));
        events.pipeInput("alice", event("alice", T0, tool("chatgpt", SanctionStatus.SANCTIONED, false)));
        events.pipeInput("alice", event("alice", T0, tool("claude", SanctionStatus.SANCTIONED, false)));
        events.pipeInput("alice", event("alice", T0, tool("gemini", SanctionStatus.SANCTIONED, false)));

        assertThat(aiEvents("chatgpt", "chat", "sanctioned")).isEqualTo(1.0);
        assertThat(aiEvents("other", "chat", "sanctioned")).isEqualTo(2.0);
    }

    @Test
    void sensitiveEgressCountsEachDataClassOnceAndNotBlockedRequests() {
        start(settings(1_000));
        ToolMatch deepseek = tool("deepseek", SanctionStatus.UNSANCTIONED, false);
        AiUsageEvent twoClasses = event("alice", T0, deepseek);
        twoClasses.setDataClasses(List.of(DataClass.PII, DataClass.PII, DataClass.SECRET));
        AiUsageEvent blocked = event("bob", T0, deepseek);
        blocked.setDataClasses(List.of(DataClass.PCI));
        blocked.setProxyAction(ProxyAction.BLOCKED);
        events.pipeInput("alice", twoClasses);
        events.pipeInput("bob", blocked);

        assertThat(egress("PII", "deepseek")).isEqualTo(1.0);
        assertThat(egress("SECRET", "deepseek")).isEqualTo(1.0);
        assertThat(meters.find(MetricNames.SENSITIVE_EGRESS).tag(MetricNames.TAG_DATA_CLASS, "PCI").counter()).isNull();
        assertThat(meters.get(MetricNames.SENSITIVE_EGRESS).counters())
                .allSatisfy(c -> assertThat(c.getId().getTag(MetricNames.TAG_CONTROL)).isEqualTo("A.4.3"));
    }

    @Test
    void distinctUsersOfUnsanctionedToolsRollWithEventTime() {
        start(settings(1_000));
        ToolMatch deepseek = tool("deepseek", SanctionStatus.UNSANCTIONED, false);
        assertThat(unsanctionedUsers("unsanctioned")).isZero();
        events.pipeInput("alice", event("alice", T0, deepseek));
        events.pipeInput("bob", event("bob", T0.plusSeconds(60), deepseek));
        events.pipeInput("alice", event("alice", T0.plusSeconds(120), deepseek));
        events.pipeInput("carol", event("carol", T0, tool("chatgpt", SanctionStatus.SANCTIONED, false)));
        assertThat(unsanctionedUsers("unsanctioned")).isEqualTo(2.0);
        assertThat(unsanctionedUsers("unreviewed")).isZero();

        // a day later only the newest user is within the 24 h window
        events.pipeInput("dave", event("dave", T0.plus(Duration.ofHours(24)).plusSeconds(90), deepseek));
        assertThat(unsanctionedUsers("unsanctioned")).isEqualTo(2.0); // alice (T0+120 s) and dave
        events.pipeInput("dave", event("dave", T0.plus(Duration.ofHours(25)), deepseek));
        assertThat(unsanctionedUsers("unsanctioned")).isEqualTo(1.0);
    }

    @Test
    void theSanctionedShareIsTheRatioOfTheWindowAndNaNWithoutAiUse() {
        start(settings(1_000));
        assertThat(share()).isNaN();
        for (int i = 0; i < 3; i++) {
            events.pipeInput("alice", event("alice", T0, tool("chatgpt", SanctionStatus.SANCTIONED, false)));
        }
        events.pipeInput("bob", event("bob", T0, tool("deepseek", SanctionStatus.UNSANCTIONED, false)));
        events.pipeInput("bob", event("bob", T0, null)); // not AI use
        assertThat(share()).isEqualTo(0.75);

        events.pipeInput("bob", event("bob", T0.plus(Duration.ofHours(30)), tool("deepseek", SanctionStatus.UNSANCTIONED, false)));
        assertThat(share()).isZero();
    }

    @Test
    void toolsSeenAreCountedByStatus() {
        start(settings(1_000));
        events.pipeInput("alice", event("alice", T0, tool("chatgpt", SanctionStatus.SANCTIONED, false)));
        events.pipeInput("bob", event("bob", T0, tool("chatgpt", SanctionStatus.SANCTIONED, false)));
        events.pipeInput("bob", event("bob", T0, tool("deepseek", SanctionStatus.UNSANCTIONED, false)));
        events.pipeInput("bob", event("bob", T0, tool("api.x.example", SanctionStatus.UNREVIEWED, true)));

        assertThat(toolsSeen("sanctioned")).isEqualTo(1.0);
        assertThat(toolsSeen("unsanctioned")).isEqualTo(1.0);
        assertThat(toolsSeen("candidate")).isEqualTo(1.0);
        assertThat(toolsSeen("tolerated")).isZero();
        assertThat(toolsSeen("unreviewed")).isZero();
    }

    @Test
    void everyExpectedSourceHasALastSeenTimeFromTheStart() {
        start(settings(1_000));
        assertThat(lastSeen("squid")).isZero();
        assertThat(lastSeen("m365")).isZero();
        events.pipeInput("alice", event("alice", T0, null));
        assertThat(lastSeen("zscaler")).isEqualTo(WALL_CLOCK.getEpochSecond());
        assertThat(lastSeen("squid")).isZero();
        assertThat(meters.get(MetricNames.SOURCE_LAST_SEEN).gauges()).hasSize(3);
    }

    @Test
    void alertLagIsAHistogramFromTheNewestEvidenceToTheAlertByRule() {
        start(settings(1_000));
        alerts.pipeInput("a1", alert("sensitive-egress", AlertStatus.NEW, T0, T0.plusSeconds(3)));
        alerts.pipeInput("a1", alert("sensitive-egress", AlertStatus.UPDATED, T0.plusSeconds(10), T0.plusSeconds(11)));
        alerts.pipeInput("a1", alert("sensitive-egress", AlertStatus.CLOSED, T0, T0.plusSeconds(3600)));
        alerts.pipeInput("a2", null);

        Timer lag = meters.get(MetricNames.ALERT_LAG).tag(MetricNames.TAG_RULE, "sensitive-egress").timer();
        assertThat(lag.count()).isEqualTo(2);
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4_000.0);
        assertThat(lag.max(TimeUnit.MILLISECONDS)).isEqualTo(3_000.0);
        assertThat(lag.getId().getTag(MetricNames.TAG_CONTROL)).isEqualTo("A.6.2.6");
    }

    @Test
    void tappingStreamsAnotherStageReadsLeavesThatStageIntact() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, AiUsageEvent> enriched = builder.stream(TOPICS.enrichedTopic(),
                Consumed.with(Serdes.String(), eventSerde).withName("other-stage-source"));
        enriched.to("copy", Produced.with(Serdes.String(), eventSerde).withName("other-stage-sink"));
        KStream<String, Alert> alertStream = builder.stream(TOPICS.alertsTopic(),
                Consumed.with(Serdes.String(), alertSerde).withName("other-alerts-source"));
        topology(settings(1_000)).tap(enriched, alertStream);
        startDriver(builder.build());

        events.pipeInput("alice", event("alice", T0, tool("chatgpt", SanctionStatus.SANCTIONED, false)));
        assertThat(driver.createOutputTopic("copy", Serdes.String().deserializer(), eventSerde.deserializer())
                .readValuesToList()).hasSize(1);
        assertThat(aiEvents("chatgpt", "chat", "sanctioned")).isEqualTo(1.0);
    }

    @Test
    void everyProcessorIsNamedAndNothingIsWritten() {
        StreamsBuilder builder = new StreamsBuilder();
        topology(settings(1_000)).build(builder);
        Topology topology = builder.build();
        String description = topology.describe().toString();
        assertThat(description).doesNotContain("KSTREAM-");
        assertThat(description).contains(ComplianceMetricsTopology.EVENTS_SOURCE, ComplianceMetricsTopology.EVENTS_METRICS,
                ComplianceMetricsTopology.ALERTS_SOURCE, ComplianceMetricsTopology.ALERTS_METRICS);
        assertThat(description).doesNotContain("Sink:");
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new ComplianceMetrics.Settings(Duration.ofSeconds(5), 10, 10, Set.of()))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new ComplianceMetrics.Settings(Duration.ofHours(1), 0, 10, Set.of()))
                .hasMessageContaining("maxToolLabels");
        assertThat(ComplianceMetrics.windowLabel(Duration.ofHours(24))).isEqualTo("24h");
        assertThat(ComplianceMetrics.windowLabel(Duration.ofMinutes(90))).isEqualTo("90m");
    }

    private static ComplianceMetrics.Settings settings(int maxToolLabels) {
        return new ComplianceMetrics.Settings(Duration.ofHours(24), maxToolLabels, 1_000, Set.of("squid", "m365"));
    }

    private ComplianceMetricsTopology topology(ComplianceMetrics.Settings settings) {
        return new ComplianceMetricsTopology(TOPICS, eventSerde, alertSerde,
                new ComplianceMetrics(meters, settings, Clock.fixed(WALL_CLOCK, ZoneOffset.UTC)));
    }

    private void start(ComplianceMetrics.Settings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        topology(settings).build(builder);
        startDriver(builder.build());
    }

    private void startDriver(Topology topology) {
        driver = new TopologyTestDriver(topology, DriverProperties.standalone("compliance-test"), T0);
        events = driver.createInputTopic(TOPICS.enrichedTopic(), new StringSerializer(), eventSerde.serializer());
        alerts = driver.createInputTopic(TOPICS.alertsTopic(), new StringSerializer(), alertSerde.serializer());
    }

    private double aiEvents(String tool, String category, String sanction) {
        return meters.get(MetricNames.AI_EVENTS).tag(MetricNames.TAG_TOOL, tool).tag(MetricNames.TAG_CATEGORY, category)
                .tag(MetricNames.TAG_SANCTION, sanction).tag(MetricNames.TAG_SOURCE, "zscaler").counter().count();
    }

    private double egress(String dataClass, String tool) {
        return meters.get(MetricNames.SENSITIVE_EGRESS).tag(MetricNames.TAG_DATA_CLASS, dataClass)
                .tag(MetricNames.TAG_TOOL, tool).counter().count();
    }

    private double unsanctionedUsers(String sanction) {
        return meters.get(MetricNames.UNSANCTIONED_USERS).tag(MetricNames.TAG_SANCTION, sanction).gauge().value();
    }

    private double share() {
        return meters.get(MetricNames.SANCTIONED_SHARE).tag(MetricNames.TAG_WINDOW, "24h").gauge().value();
    }

    private double toolsSeen(String status) {
        return meters.get(MetricNames.TOOLS_SEEN).tag(MetricNames.TAG_STATUS, status).gauge().value();
    }

    private double lastSeen(String source) {
        return meters.get(MetricNames.SOURCE_LAST_SEEN).tag(MetricNames.TAG_SOURCE, source).gauge().value();
    }

    private AiUsageEvent event(String user, Instant at, ToolMatch tool) {
        sequence++;
        return AiUsageEvent.newBuilder().setEventId("e-" + sequence).setEventTime(at).setIngestTime(at)
                .setSource(SourceCoordinates.newBuilder().setFormat("zscaler").setTopic("raw.proxy.zscaler")
                        .setPartition(0).setOffset((long) sequence).build())
                .setSourceProduct("zscaler").setUser(user).setHost("host.example")
                .setProxyAction(ProxyAction.ALLOWED).setAccountType(AccountType.CORPORATE).setTool(tool)
                .build();
    }

    private static ToolMatch tool(String id, SanctionStatus sanction, boolean candidate) {
        return ToolMatch.newBuilder().setToolId(id).setName(id).setCategory(candidate ? null : "chat")
                .setSanction(sanction).setCandidate(candidate).build();
    }

    private static Alert alert(String rule, AlertStatus status, Instant lastSeen, Instant createdAt) {
        return Alert.newBuilder().setAlertId("a-" + rule).setRuleId(rule).setRuleVersion(1).setTitle("t")
                .setDescription("d").setSeverity(7).setRiskScore(70).setConfidence(0.9)
                .setEvidenceStrength(EvidenceStrength.values()[0]).setStatus(status).setAccountType(AccountType.CORPORATE)
                .setEventCount(1).setFirstSeen(lastSeen).setLastSeen(lastSeen).setCreatedAt(createdAt)
                .setRecommendedAction("review").build();
    }
}
