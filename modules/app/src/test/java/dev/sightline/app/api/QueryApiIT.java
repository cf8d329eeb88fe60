package dev.sightline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.app.EmbeddedSettings;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AccountType;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.ToolMatch;
import dev.sightline.model.Topic;
import dev.sightline.model.UserContext;
import dev.sightline.pipeline.governance.GovernanceTopology;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of Sightline share the work (same application id, two partitions): every API answers the same,
 * complete, on either instance, whichever holds the data (the evidence route reading the topics instead); bad
 * parameters get 400, no token 401.
 */
@RealKafka
class QueryApiIT {
    private static final String MASKED_PREVIEW = "4111 **** **** 1111";
    private static final String TOKEN = "query-api-it-token-0123456789";
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final int USERS = 10;
    private static final int EVENTS_PER_USER = 4;
    private static final int EVENTS = USERS * EVENTS_PER_USER;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String scope = "query-api-it-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SightlineRuntime> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(SightlineRuntime::close);
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void everyInstanceAnswersEveryQueryCompletely(KafkaBroker broker, @TempDir Path stateA, @TempDir Path stateB)
            throws Exception {
        String applicationId = "query-api-it-" + UUID.randomUUID().toString().substring(0, 8) + "-v1";
        SightlineConfig configA = config(broker, stateA, applicationId);
        instances.add(SightlineRuntime.start(configA, SightlineRuntime.Mode.EMBEDDED));
        instances.add(SightlineRuntime.start(config(broker, stateB, applicationId), SightlineRuntime.Mode.EMBEDDED));
        produceEvents(broker, configA);

        // complete once both instances' stores hold all records, and every instance then answers the same
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                instances.stream().allMatch(i -> itemCount(i, "/api/audit?limit=1000") == EVENTS));

        for (String store : List.of(GovernanceTopology.AUDIT_INDEX_STORE, GovernanceTopology.INVENTORY_STORE)) {
            assertThat(instances.get(0).application().streams().streamsMetadataForStore(store))
                    .as("both instances hold part of " + store, store).hasSize(2);
        }
        for (SightlineRuntime instance : instances) {
            List<String> all = recordIds(get(instance, "/api/audit?limit=1000"));
            assertThat(all).hasSize(EVENTS).doesNotHaveDuplicates();
            assertThat(pagedRecordIds(instance, "/api/audit?limit=7")).containsExactlyElementsOf(all);

            JsonNode carol = get(instance, "/api/audit?user=user-3&class=pci");
            assertThat(carol.get("items")).hasSize(EVENTS_PER_USER)
                    .allSatisfy(item -> assertThat(item.get("user").asText()).isEqualTo("user-3"));
            assertThat(pagedRecordIds(instance, "/api/audit?user=user-3&limit=3")).containsExactlyElementsOf(
                    recordIds(carol));
            assertThat(itemCount(instance, "/api/audit?tool=claude&from=" + T0.plusSeconds(20) + "&limit=1000"))
                    .isEqualTo(EVENTS / 4); // claude: odd events; from the 20th second: the second half
            assertThat(get(instance, "/api/audit?user=nobody").get("items")).isEmpty();

            JsonNode inventory = get(instance, "/api/inventory");
            assertThat(inventory.get("items")).extracting(item -> item.get("toolId").asText())
                    .containsExactly("chatgpt", "claude");
            assertThat(get(instance, "/api/inventory/chatgpt").get("eventCount").asLong()).isEqualTo(EVENTS / 2);
            assertThat(get(instance, "/api/lineage?class=PCI").get("items"))
                    .extracting(item -> item.get("edgeId").asText()).containsExactly("class:PCI|chatgpt", "class:PCI|claude");
            assertThat(get(instance, "/api/lineage?tool=claude").get("items")).hasSize(1);
        }
        for (String path : List.of("/api/audit?limit=1000", "/api/audit?user=user-7", "/api/inventory",
                "/api/inventory/claude", "/api/lineage?class=PCI")) {
            assertThat(get(instances.get(0), path)).as(path).isEqualTo(get(instances.get(1), path));
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> itemCount(instances.get(0), "/api/alerts") > 0);
        JsonNode alerts = get(instances.get(0), "/api/alerts?severity=1");
        assertThat(get(instances.get(1), "/api/alerts?severity=1")).isEqualTo(alerts);
        String rule = alerts.get("items").get(0).get("ruleId").asText();
        assertThat(get(instances.get(1), "/api/alerts?rule=" + rule).get("items"))
                .allSatisfy(item -> assertThat(item.get("ruleId").asText()).isEqualTo(rule));

        assertEvidence();

        for (SightlineRuntime instance : instances) {
            for (String user : List.of("user-0", "user-5", "user-9")) {
                long started = System.nanoTime();
                get(instance, "/api/audit?user=" + user + "&from=" + T0 + "&to=" + T0.plusSeconds(3600));
                get(instance, "/api/audit?asset=none&class=PCI&limit=1000");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two audit queries")
                        .isLessThan(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void badParametersAreExplainedAndTheTokenIsRequired(KafkaBroker broker, @TempDir Path state) throws Exception {
        SightlineRuntime instance = SightlineRuntime.start(config(broker, state,
                "query-api-it-" + UUID.randomUUID().toString().substring(0, 8) + "-v1"), SightlineRuntime.Mode.EMBEDDED);
        instances.add(instance);
        Map<String, String> bad = Map.ofEntries(
                Map.entry("/api/audit?limit=0", "'limit' must be an integer from 1 to 1000"),
                Map.entry("/api/audit?from=yesterday", "'from' must be an ISO-8601 instant"),
                Map.entry("/api/audit?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "'from' must be before 'to'"),
                Map.entry("/api/audit?class=secretish", "'class' must be one of"),
                Map.entry("/api/audit?cursor=%21%21", "'cursor' is not a cursor"),
                Map.entry("/api/audit?password=x", "unknown parameter 'password'"),
                Map.entry("/api/alerts?severity=9", "'severity' must be an integer from 1 to 5"),
                Map.entry("/api/lineage?asset=a&class=PCI", "not both"),
                Map.entry("/api/evidence?format=csv", "'control' is required: one of A.4.2, A.4.3,"),
                Map.entry("/api/evidence?control=A.8.1", "'control' must be one of A.4.2, A.4.3,"),
                Map.entry("/api/evidence?control=A.9.2&format=html", "'format' must be one of JSON, CSV"),
                Map.entry("/api/evidence?control=A.9.2&from=2026-01-02&to=2026-01-01", "'from' must be before 'to'"),
                Map.entry("/api/evidence?control=A.9.2&from=2025-01-01&to=2026-11-01", "longer than 400 days"),
                Map.entry("/api/evidence?control=A.9.2&from=last+week", "'from' must be an ISO-8601 instant"));
        for (Map.Entry<String, String> request : bad.entrySet()) {
            HttpResponse<String> response = send(instance, request.getKey(), "Bearer " + TOKEN);
            assertThat(response.statusCode()).as(request.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).as(request.getKey())
                    .contains(request.getValue());
        }
        assertThat(send(instance, "/api/audit", null).statusCode()).isEqualTo(401);
        assertThat(send(instance, "/api/evidence?control=A.9.2", null).statusCode()).isEqualTo(401);
        assertThat(send(instance, "/api/evidence?control=A.9.2&format=csv", "Bearer not-the-token-0123456789")
                .statusCode()).isEqualTo(401);
        assertThat(send(instance, "/api/inventory", "Bearer not-the-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(send(instance, "/api/nothing", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        assertThat(send(instance, "/api/audit/more", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    /**
     * {@code /api/evidence} reads the topics, not the stores: either instance answers the whole period alone, the
     * same as the other, in JSON and CSV, with findings by type only (not even the masked preview).
     */
    private void assertEvidence() throws Exception {
        String path = "/api/evidence?control=A.4.3&from=2026-11-27&to=2026-11-28";
        // the topics hold what the stores show once the pipeline's transactions commit
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode first = withoutGeneratedAt(get(instances.get(0), path));
            assertThat(first.get("audit")).hasSize(EVENTS);
            assertThat(first.get("alerts")).isNotEmpty();
            assertThat(withoutGeneratedAt(get(instances.get(1), path))).isEqualTo(first);
        });
        JsonNode evidence = get(instances.get(1), path);
        assertThat(evidence.get("control").asText()).isEqualTo("A.4.3");
        assertThat(evidence.get("from").asText()).isEqualTo("2026-11-27T00:00:00Z");
        assertThat(evidence.get("to").asText()).isEqualTo("2026-11-28T00:00:00Z");
        JsonNode figures = evidence.get("figures");
        assertThat(figures.get("audited_interactions_with_sensitive_data").asInt()).isEqualTo(EVENTS);
        assertThat(figures.get("data_classes_sent").asText()).isEqualTo("PCI");
        assertThat(figures.get("tools_receiving_sensitive_data").asInt()).isEqualTo(2);
        assertThat(evidence.get("alerts")).allSatisfy(alert ->
                assertThat(alert.get("controls").asText().split(";")).contains("A.4.3"));
        assertThat(evidence.get("audit")).allSatisfy(record -> {
            assertThat(record.get("controls").asText().split(";")).contains("A.4.3");
            assertThat(record.get("finding_types").asText()).isEqualTo("CREDIT_CARD");
        });
        // not even the masked preview ("4111" alone can occur inside a hex hash)
        assertThat(evidence.toString()).doesNotContain(MASKED_PREVIEW, "****");

        HttpResponse<String> csv = send(instances.get(0), path + "&format=csv", "Bearer " + TOKEN);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
        assertThat(csv.body()).doesNotContain(MASKED_PREVIEW, "****");
        List<List<String>> sections = Arrays.stream(csv.body().split("\n\n"))
                .map(section -> List.of(section.strip().split("\n"))).toList();
        assertThat(sections).extracting(lines -> lines.get(0).substring(0, lines.get(0).indexOf(',', 8)))
                .containsExactly("section,control", "section,figure", "section,alert_id", "section,record_id");
        assertThat(sections.get(0)).hasSize(2);
        assertThat(sections.get(0).get(1)).startsWith("control,A.4.3,");
        assertThat(sections.get(1)).contains("figures,audited_interactions_with_sensitive_data," + EVENTS);
        assertThat(sections.get(2)).hasSize(1 + evidence.get("alerts").size());
        assertThat(sections.get(3)).hasSize(1 + EVENTS);
        assertThat(sections.get(3).subList(1, 1 + EVENTS)).allSatisfy(row -> assertThat(row).startsWith("audit,"));
    }

    private static JsonNode withoutGeneratedAt(JsonNode evidence) {
        ((ObjectNode) evidence).remove("generated_at");
        return evidence;
    }

    private SightlineConfig config(KafkaBroker broker, Path stateDir, String applicationId) {
        Map<String, String> settings = EmbeddedSettings.onSharedBroker(broker, scope, stateDir);
        settings.put(ConfigKeys.APPLICATION_ID.name(), applicationId);
        settings.put(ConfigKeys.HTTP_API_TOKEN.name(), TOKEN);
        return EmbeddedSettings.load(settings);
    }

    /** Card numbers sent to two unreviewed tools by ten users, one event a second: even events chatgpt, odd claude. */
    private void produceEvents(KafkaBroker broker, SightlineConfig config) {
        Serde<AiUsageEvent> serde = SightlineAvroSerde.forValue(AiUsageEvent.class,
                SchemaRegistryClients.create("mock://" + scope, Map.of()));
        String topic = config.topicName(Topic.AI_USAGE_ENRICHED);
        for (int i = 0; i < EVENTS; i++) {
            String user = "user-" + (i % USERS);
            String tool = i % 2 == 0 ? "chatgpt" : "claude";
            Instant at = T0.plusSeconds(i);
            AiUsageEvent event = AiUsageEvent.newBuilder().setEventId("e-" + i).setEventTime(at).setIngestTime(at)
                    .setSource(SourceCoordinates.newBuilder().setFormat("zscaler").setTopic("raw.proxy.zscaler")
                            .setPartition(0).setOffset((long) i).build())
                    .setSourceProduct("zscaler").setUser(user).setHost(tool + ".example")
                    .setProxyAction(ProxyAction.ALLOWED).setAccountType(AccountType.PERSONAL)
                    .setTool(ToolMatch.newBuilder().setToolId(tool).setName(tool).setVendor(tool + " Inc.")
                            .setSanction(SanctionStatus.UNREVIEWED).setRiskScore(40).build())
                    .setIdentity(UserContext.newBuilder().setDepartment("engineering").build())
                    .setFindings(List.of(Finding.newBuilder().setType("CREDIT_CARD").setDataClass(DataClass.PCI)
                            .setConfidence(0.99).setMaskedPreview(MASKED_PREVIEW).setValueHash("ab12").build()))
                    .setDataClasses(List.of(DataClass.PCI))
                    .build();
            broker.produce(topic, user.getBytes(StandardCharsets.UTF_8), serde.serializer().serialize(topic, event));
        }
    }

    private List<String> pagedRecordIds(SightlineRuntime instance, String path) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(instance, path + (cursor == null ? "" : "&cursor=" + cursor));
            ids.addAll(recordIds(page));
            cursor = page.get("nextCursor").isNull() ? null : URLEncoder.encode(page.get("nextCursor").asText(),
                    StandardCharsets.UTF_8);
        } while (cursor != null);
        return ids;
    }

    private static List<String> recordIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("recordId").asText()));
        return ids;
    }

    /** The number of items answered, -1 while the instance cannot answer (e.g. 503 during a rebalance). */
    private int itemCount(SightlineRuntime instance, String path) {
        try {
            HttpResponse<String> response = send(instance, path, "Bearer " + TOKEN);
            return response.statusCode() == 200 ? JSON.readTree(response.body()).get("items").size() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private JsonNode get(SightlineRuntime instance, String path) throws Exception {
        HttpResponse<String> response = send(instance, path, "Bearer " + TOKEN);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(SightlineRuntime instance, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.httpUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
