package dev.sightline.pipeline.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.classify.ScannerConfig;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.Activity;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataAsset;
import dev.sightline.model.DataClass;
import dev.sightline.model.HostMatchKind;
import dev.sightline.model.HostRule;
import dev.sightline.model.Identity;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.Topic;
import dev.sightline.model.ToolMatch;
import dev.sightline.pipeline.DriverProperties;
import dev.sightline.pipeline.StreamsApplication;
import dev.sightline.pipeline.metrics.EnrichMetrics;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
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

class EnrichTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final String AWS_KEY = "AKIAZ3MSJV4WWFJNAQXB";
    private static final String LABEL_GUID = "9fbde396-1a24-4c79-8edf-9254a0f35055";

    private final String scope = "enrich-test-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private SchemaRegistryClient registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, AiUsageEvent> events;
    private TestInputTopic<String, AiTool> tools;
    private TestInputTopic<String, Identity> identities;
    private TestInputTopic<String, DataAsset> assets;
    private TestOutputTopic<String, AiUsageEvent> enriched;

    @BeforeEach
    void start() {
        registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
        driver = new TopologyTestDriver(topology(), DriverProperties.of(config()), NOW);
        events = driver.createInputTopic(Topic.AI_USAGE.baseName(), new StringSerializer(), serde(AiUsageEvent.class).serializer());
        tools = driver.createInputTopic(Topic.REF_AI_TOOLS.baseName(), new StringSerializer(), serde(AiTool.class).serializer());
        identities = driver.createInputTopic(Topic.REF_IDENTITIES.baseName(), new StringSerializer(), serde(Identity.class).serializer());
        assets = driver.createInputTopic(Topic.REF_DATA_ASSETS.baseName(), new StringSerializer(), serde(DataAsset.class).serializer());
        enriched = driver.createOutputTopic(Topic.AI_USAGE_ENRICHED.baseName(), new StringDeserializer(),
                serde(AiUsageEvent.class).deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void matchesCatalogToolsByExactHostSuffixAndPath() {
        tools.pipeInput("chatgpt", tool("chatgpt", SanctionStatus.SANCTIONED, 40,
                rule("chatgpt.com", HostMatchKind.EXACT, null), rule("oaiusercontent.com", HostMatchKind.SUFFIX, null)));
        tools.pipeInput("codex", tool("codex", SanctionStatus.UNSANCTIONED, 70, rule("chatgpt.com", HostMatchKind.EXACT, "/codex")));

        assertThat(enrich(event("chatgpt.com", "/c/1")).getTool())
                .extracting(ToolMatch::getToolId, ToolMatch::getSanction, ToolMatch::getRiskScore, ToolMatch::getCandidate)
                .containsExactly("chatgpt", SanctionStatus.SANCTIONED, 40, false);
        assertThat(enrich(event("files.oaiusercontent.com", "/f")).getTool().getToolId()).isEqualTo("chatgpt");
        assertThat(enrich(event("oaiusercontent.com", "/")).getTool().getMatchedRule()).isEqualTo("oaiusercontent.com");
        ToolMatch codex = enrich(event("chatgpt.com", "/codex/tasks")).getTool();
        assertThat(codex.getToolId()).isEqualTo("codex");
        assertThat(codex.getMatchedRule()).isEqualTo("chatgpt.com/codex");
        assertThat(enrich(event("www.example.com", "/")).getTool()).isNull();
        assertThat(counter("sightline.events.enriched", "tool_match", "catalogued")).isEqualTo(4.0);
        assertThat(counter("sightline.events.enriched", "tool_match", "none")).isEqualTo(1.0);
    }

    @Test
    void flagsAnUncataloguedHostSpeakingAnAiApiAsCandidate() {
        AiUsageEvent event = event("llm.internal.example", "/v1/chat/completions");
        event.setMethod("POST");

        ToolMatch tool = enrich(event).getTool();
        assertThat(tool.getCandidate()).isTrue();
        assertThat(tool.getToolId()).isEqualTo("candidate:llm.internal.example");
        assertThat(tool.getSanction()).isEqualTo(SanctionStatus.UNREVIEWED);
        assertThat(tool.getMatchedRule()).startsWith("signature:openai_compatible");
        assertThat(counter("sightline.events.enriched", "tool_match", "candidate")).isEqualTo(1.0);
    }

    @Test
    void mapsASaasAuditEventWithoutHostToItsToolBySource() {
        tools.pipeInput("m365-copilot", tool("m365-copilot", SanctionStatus.SANCTIONED, 20));
        AiUsageEvent event = event(null, null);
        event.setSourceProduct("m365");

        assertThat(enrich(event).getTool().getToolId()).isEqualTo("m365-copilot");
    }

    @Test
    void joinsTheIdentityByUserIdAndByAlias() {
        identities.pipeInput("alice@corp.example", identity("alice@corp.example", "Finance", "CORP\\alice"));

        AiUsageEvent byId = event("chatgpt.com", "/");
        assertThat(enrich(byId).getIdentity().getDepartment()).isEqualTo("Finance");
        AiUsageEvent byAlias = event("chatgpt.com", "/");
        byAlias.setUser("corp\\alice");
        AiUsageEvent out = enrich(byAlias);
        assertThat(out.getIdentity().getGroups()).containsExactly("finance-all");
        assertThat(out.getIdentity().getManager()).isEqualTo("carol@corp.example");
        assertThat(out.getUser()).as("the user stays as the source wrote it").isEqualTo("corp\\alice");

        AiUsageEvent stranger = event("chatgpt.com", "/");
        stranger.setUser("mallory@elsewhere.example");
        assertThat(enrich(stranger).getIdentity()).isNull();
        assertThat(counter("sightline.enrich.unknown.users")).isEqualTo(1.0);
    }

    @Test
    void classifiesM365ResourcesBySensitivityLabelAndUploadsByFileName() {
        assets.pipeInput("finance-docs", DataAsset.newBuilder().setId("finance-docs").setName("Finance documents")
                .setSensitivityLabelId(LABEL_GUID).setSensitivityLabelName("Confidential")
                .setDataClasses(List.of(DataClass.PII)).setUpdatedAt(NOW).build());
        assets.pipeInput("payroll", DataAsset.newBuilder().setId("payroll").setName("Payroll exports")
                .setFileNamePatterns(List.of("payroll-*.xlsx")).setLabels(List.of("Restricted"))
                .setDataClasses(List.of(DataClass.PII)).setUpdatedAt(NOW).build());

        AiUsageEvent m365 = event(null, null);
        m365.setSourceProduct("m365");
        m365.setAssets(List.of(AccessedAsset.newBuilder().setId("doc-1").setType("File")
                .setSensitivityLabelId(LABEL_GUID.toUpperCase()).build()));
        AccessedAsset resource = enrich(m365).getAssets().get(0);
        assertThat(resource.getAssetId()).isEqualTo("finance-docs");
        assertThat(resource.getLabels()).containsExactly("Confidential");
        assertThat(resource.getDataClasses()).containsExactlyInAnyOrder(DataClass.PII, DataClass.CLASSIFIED_ASSET);

        AiUsageEvent upload = event("chatgpt.com", "/backend-api/files");
        upload.setActivity(Activity.UPLOAD);
        upload.setFileName("Payroll-2026-11.XLSX");
        AiUsageEvent out = enrich(upload);
        assertThat(out.getAssets()).singleElement().satisfies(asset -> {
            assertThat(asset.getAssetId()).isEqualTo("payroll");
            assertThat(asset.getType()).isEqualTo("Upload");
        });
        assertThat(out.getDataClasses()).containsExactlyInAnyOrder(DataClass.PII, DataClass.CLASSIFIED_ASSET);
    }

    @Test
    void scansTheContentThenDropsItSoTheRawValueIsInNoOutputByte() {
        TestOutputTopic<String, byte[]> raw = driver.createOutputTopic(Topic.AI_USAGE_ENRICHED.baseName(),
                new StringDeserializer(), new ByteArrayDeserializer());
        AiUsageEvent event = event("chatgpt.com", "/");
        event.setContent("please debug this: key " + AWS_KEY);
        events.pipeInput(event.getUser(), event);

        byte[] bytes = raw.readValue();
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(AWS_KEY).doesNotContain("please debug");
        AiUsageEvent out = serde(AiUsageEvent.class).deserializer().deserialize(Topic.AI_USAGE_ENRICHED.baseName(), bytes);
        assertThat(out.getContent()).isNull();
        assertThat(out.getContentTruncated()).isFalse();
        assertThat(out.getFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.getType()).isEqualTo("AWS_ACCESS_KEY_ID");
            assertThat(finding.getDataClass()).isEqualTo(DataClass.SECRET);
            assertThat(finding.getMaskedPreview()).isEqualTo("AKIA****AQXB");
            assertThat(finding.getValueHash()).hasSize(64);
            assertThat(finding.getEnd() - finding.getStart()).isEqualTo(AWS_KEY.length());
        });
        assertThat(out.getDataClasses()).containsExactly(DataClass.SECRET);
        assertThat(counter("sightline.findings", "type", "AWS_ACCESS_KEY_ID")).isEqualTo(1.0);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().toString()).doesNotContain(AWS_KEY));
    }

    @Test
    void referenceDataArrivingAfterAnEventEnrichesOnlyLaterEvents() {
        AiUsageEvent early = enrich(event("claude.ai", "/chat"));
        assertThat(early.getTool()).isNull();
        assertThat(early.getIdentity()).isNull();

        tools.pipeInput("claude", tool("claude", SanctionStatus.TOLERATED, 30, rule("claude.ai", HostMatchKind.EXACT, null)));
        identities.pipeInput("alice@corp.example", identity("alice@corp.example", "Finance"));

        AiUsageEvent late = enrich(event("claude.ai", "/chat"));
        assertThat(late.getTool().getToolId()).isEqualTo("claude");
        assertThat(late.getIdentity().getDepartment()).isEqualTo("Finance");
        assertThat(enriched.isEmpty()).as("the early event is not re-emitted").isTrue();
    }

    @Test
    void referenceUpdatesAndTombstonesTakeEffectWithoutRestart() {
        tools.pipeInput("claude", tool("claude", SanctionStatus.UNREVIEWED, 30, rule("claude.ai", HostMatchKind.EXACT, null)));
        identities.pipeInput("alice@corp.example", identity("alice@corp.example", "Finance"));
        assertThat(enrich(event("claude.ai", "/")).getTool().getSanction()).isEqualTo(SanctionStatus.UNREVIEWED);

        tools.pipeInput("claude", tool("claude", SanctionStatus.SANCTIONED, 25, rule("claude.ai", HostMatchKind.EXACT, null)));
        identities.pipeInput("alice@corp.example", identity("alice@corp.example", "Legal"));
        AiUsageEvent updated = enrich(event("claude.ai", "/"));
        assertThat(updated.getTool().getSanction()).isEqualTo(SanctionStatus.SANCTIONED);
        assertThat(updated.getTool().getRiskScore()).isEqualTo(25);
        assertThat(updated.getIdentity().getDepartment()).isEqualTo("Legal");

        tools.pipeInput("claude", (AiTool) null);
        identities.pipeInput("alice@corp.example", (Identity) null);
        AiUsageEvent deleted = enrich(event("claude.ai", "/"));
        assertThat(deleted.getTool()).isNull();
        assertThat(deleted.getIdentity()).isNull();
        assertThat(driver.getKeyValueStore(EnrichTopology.TOOLS_STORE).get("claude")).isNull();
    }

    @Test
    void aHostRuleClaimedByTwoToolsStaysWithTheFirstAndBreaksNothing() {
        tools.pipeInput("alpha", tool("alpha", SanctionStatus.SANCTIONED, 10, rule("shared.example.ai", HostMatchKind.EXACT, null)));
        tools.pipeInput("beta", tool("beta", SanctionStatus.UNSANCTIONED, 90,
                rule("shared.example.ai", HostMatchKind.EXACT, null), rule("beta.example.ai", HostMatchKind.EXACT, null),
                rule("bad..host", HostMatchKind.EXACT, null)));

        assertThat(enrich(event("shared.example.ai", "/")).getTool().getToolId()).isEqualTo("alpha");
        assertThat(enrich(event("beta.example.ai", "/")).getTool().getToolId()).isEqualTo("beta");
    }

    @Test
    void everyProcessorSourceSinkAndStoreIsNamedExplicitly() {
        String description = topology().describe().toString();
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description).contains(EnrichTopology.EVENTS_SOURCE, EnrichTopology.ENRICH, EnrichTopology.ENRICHED_SINK,
                EnrichTopology.TOOLS_STORE, EnrichTopology.IDENTITIES_STORE, EnrichTopology.ASSETS_STORE,
                EnrichTopology.TOOLS_SOURCE, EnrichTopology.IDENTITIES_SOURCE, EnrichTopology.ASSETS_SOURCE);
    }

    private AiUsageEvent enrich(AiUsageEvent event) {
        events.pipeInput(event.getUser(), event);
        return enriched.readValue();
    }

    private Topology topology() {
        EnrichTopology.Settings settings = new EnrichTopology.Settings(Topic.AI_USAGE.baseName(),
                Topic.AI_USAGE_ENRICHED.baseName(), Topic.REF_AI_TOOLS.baseName(), Topic.REF_IDENTITIES.baseName(),
                Topic.REF_DATA_ASSETS.baseName(), ScannerConfig.of("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)));
        StreamsBuilder builder = new StreamsBuilder();
        new EnrichTopology(settings, serde(AiUsageEvent.class), serde(AiTool.class), serde(Identity.class),
                serde(DataAsset.class), new EnrichMetrics(meters), Clock.fixed(NOW, ZoneOffset.UTC)).build(builder);
        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config()));
        return builder.build(props);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde(Class<T> type) {
        return SightlineAvroSerde.forValue(type, registry);
    }

    private static SightlineConfig config() {
        return SightlineConfig.loader().environment(Map.of())
                .overrides(Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), "unused:9092")).load();
    }

    private static AiUsageEvent event(String host, String path) {
        return AiUsageEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setEventTime(NOW).setIngestTime(NOW)
                .setSource(SourceCoordinates.newBuilder().setFormat("zscaler").build())
                .setSourceProduct("zscaler").setUser("alice@corp.example")
                .setHost(host).setUrlPath(path).setActivity(Activity.PROMPT)
                .build();
    }

    private static HostRule rule(String pattern, HostMatchKind kind, String pathPrefix) {
        return HostRule.newBuilder().setPattern(pattern).setMatchKind(kind).setPathPrefix(pathPrefix).build();
    }

    private static AiTool tool(String id, SanctionStatus sanction, int risk, HostRule... rules) {
        return AiTool.newBuilder().setId(id).setName(id.toUpperCase()).setVendor("Vendor of " + id).setCategory("chat")
                .setHostPatterns(List.of(rules)).setSanction(sanction).setRiskScore(risk).setUpdatedAt(NOW).build();
    }

    private static Identity identity(String user, String department, String... aliases) {
        return Identity.newBuilder().setUserId(user).setDepartment(department).setAliases(List.of(aliases))
                .setGroups(List.of("finance-all")).setManager("carol@corp.example").setUpdatedAt(NOW).build();
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
