package dev.sightline.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.app.evidence.EvidenceControl;
import dev.sightline.app.reference.ReferenceTables;
import dev.sightline.model.DataAsset;
import dev.sightline.model.DataClass;
import dev.sightline.model.Topic;
import dev.sightline.reference.CatalogRecords;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detection issue's end-to-end promise on a real broker: raw Squid, Zscaler and Microsoft 365 records in, OCSF
 * alerts out — and no raw sensitive value from the input in any topic the pipeline writes, nor in what its HTTP
 * server answers (metrics, health, the query API).
 */
@RealKafka
class RawToOcsfIT {
    private static final String CARD = "4929 5873 6458 4538";
    private static final String AWS_KEY = "AKIAZQ3DKXW7T5LPFM2C";
    private static final String CONFIDENTIAL_LABEL = "b4e9d1c7-6a2f-4c83-9e10-7f6a5b4c3d21";
    private static final List<Topic> OUTPUTS = List.of(Topic.AI_USAGE_ENRICHED, Topic.ALERTS, Topic.ALERTS_OCSF,
            Topic.ALERTS_ECS, Topic.ALERTS_CEF);

    private final ObjectMapper json = new ObjectMapper();
    private PipelineUnderTest pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void rawRecordsOfThreeSourcesBecomeOcsfAlertsWithoutLeakingValues(KafkaBroker broker, @TempDir Path stateDir)
            throws Exception {
        pipeline = PipelineUnderTest.configure(broker, stateDir, "raw-to-ocsf", Map.of());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        new ReferenceTables(CatalogRecords.load(Optional.empty(), Clock.systemUTC()), List.of(),
                List.of(confidentialLabel(now)), Optional.empty()).publish(pipeline.config());
        pipeline.start();

        pipeline.produce(Topic.RAW_PROXY_SQUID, now.getEpochSecond() + ".120    412 10.1.2.3 TCP_MISS/200 5120 POST "
                + "https://claude.ai/api/organizations/chat alice HIER_DIRECT/160.79.104.10 application/json");
        pipeline.produce(Topic.RAW_PROXY_ZSCALER, zscaler(now));
        pipeline.produce(Topic.RAW_SAAS_M365, m365(now));
        pipeline.awaitProcessed();

        List<JsonNode> findings = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : pipeline.readAll(Topic.ALERTS_OCSF)) {
            findings.add(json.readTree(record.value()));
        }
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.path("class_uid").asInt()).isEqualTo(2004);
            assertThat(finding.path("type_uid").asInt()).isEqualTo(200400 + finding.path("activity_id").asInt());
            assertThat(finding.path("metadata").path("product").path("name").asText()).isEqualTo("Sightline");
        });
        assertThat(findings).extracting(f -> f.path("finding_info").path("analytic").path("uid").asText() + " "
                        + f.path("evidences").path(0).path("actor").path("user").path("name").asText())
                .contains("shadow-ai alice", "sensitive-egress dana.whitfield@acme-corp.example",
                        "shadow-ai nina.alvarez@contoso-labs.example");
        assertThat(findings.toString()).contains("PCI", "SECRET", "CLASSIFIED_ASSET");

        for (Topic topic : OUTPUTS) {
            for (ConsumerRecord<byte[], byte[]> record : pipeline.readAll(topic)) {
                String bytes = new String(record.value(), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(topic.baseName()).doesNotContain(CARD, CARD.replace(" ", ""), AWS_KEY);
            }
        }
        for (String path : List.of("/metrics", "/health", "/api/inventory", "/api/audit", "/api/alerts")) {
            assertThat(pipeline.get(path)).as(path).isNotBlank().doesNotContain(CARD, CARD.replace(" ", ""), AWS_KEY);
        }
        for (EvidenceControl control : EvidenceControl.values()) {
            for (String format : List.of("json", "csv")) {
                String path = "/api/evidence?control=" + control.id() + "&format=" + format; // the last 30 days
                HttpResponse<String> evidence = pipeline.send(path);
                assertThat(evidence.statusCode()).as(path + ": " + evidence.body()).isEqualTo(200);
                assertThat(evidence.body()).as(path).doesNotContain(CARD, CARD.replace(" ", ""), AWS_KEY);
                if (control == EvidenceControl.A_4_3 && format.equals("json")) {
                    assertThat(json.readTree(evidence.body()).get("audit")).as("the values' records are in it")
                            .isNotEmpty();
                }
            }
        }
    }

    private static String zscaler(Instant time) {
        String datetime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(time);
        return "{\"sourcetype\":\"zscalernss-web\",\"event\":{\"datetime\":\"" + datetime + "\",\"event_id\":\"99001\","
                + "\"action\":\"Allowed\",\"requestsize\":\"2212\",\"responsesize\":\"3911\",\"requestmethod\":\"POST\","
                + "\"ClientIP\":\"10.20.1.44\",\"status\":\"200\",\"user\":\"Dana.Whitfield@Acme-Corp.example\","
                + "\"url\":\"chatgpt.com/backend-api/conversation\",\"hostname\":\"chatgpt.com\",\"appname\":\"ChatGPT\","
                + "\"prompt_req\":\"Please fix this charge: card " + CARD + ", and our deploy key is " + AWS_KEY
                + ".\",\"inst_level1_type\":\"ORG\",\"inst_level1_id\":\"org-8f3k2Lq\",\"inst_level1_name\":\"Acme Corp\"}}";
    }

    private static String m365(Instant time) {
        return "{\"CreationTime\":\"" + time.toString().replace("Z", "") + "\",\"Id\":\"" + UUID.randomUUID() + "\","
                + "\"Operation\":\"CopilotInteraction\",\"OrganizationId\":\"b7e4c2a1-5d3f-4a9e-8c21-0f6e9d2b3a44\","
                + "\"RecordType\":261,\"UserType\":0,\"Workload\":\"Copilot\",\"ClientIP\":\"203.0.113.24\","
                + "\"UserId\":\"Nina.Alvarez@contoso-labs.example\",\"CopilotEventData\":{\"AppHost\":\"Word\","
                + "\"AccessedResources\":[{\"Id\":\"7c1d2e3f-0a9b-48c7-9d6e-5f4a3b2c1d0e\",\"Name\":\"FY26-Budget.docx\","
                + "\"Type\":\"File\",\"Action\":\"Read\",\"SensitivityLabelId\":\"" + CONFIDENTIAL_LABEL + "\"}],"
                + "\"Messages\":[{\"Id\":\"1\",\"isPrompt\":true}]}}";
    }

    private static DataAsset confidentialLabel(Instant now) {
        return DataAsset.newBuilder().setId("purview-label-" + CONFIDENTIAL_LABEL).setName("Confidential")
                .setType("sensitivity-label").setUriPatterns(List.of()).setFileNamePatterns(List.of())
                .setLabels(List.of("Confidential")).setSensitivityLabelId(CONFIDENTIAL_LABEL)
                .setSensitivityLabelName("Confidential").setDataClasses(List.of(DataClass.CLASSIFIED_ASSET))
                .setOwner(null).setUpdatedAt(now).build();
    }
}
