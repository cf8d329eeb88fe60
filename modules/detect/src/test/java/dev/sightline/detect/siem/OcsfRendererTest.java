package dev.sightline.detect.siem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Validates the output against the OCSF 1.8.0 schema for class 2004 Detection Finding: the attributes the schema marks
 * required (base_event, finding, finding_info, metadata, analytic, observable, ai_model) and the allowed values of
 * every enum attribute the renderer writes. Lists taken from the schema's JSON definitions.
 */
class OcsfRendererTest {
    /** base_event: activity_id, category_uid, class_uid, metadata, severity_id, time, type_uid; finding: finding_info. */
    private static final List<String> REQUIRED = List.of(
            "activity_id", "category_uid", "class_uid", "metadata", "severity_id", "time", "type_uid", "finding_info");
    private static final List<String> REQUIRED_METADATA = List.of("product", "version");
    private static final List<String> REQUIRED_FINDING_INFO = List.of("uid");
    private static final List<String> REQUIRED_ANALYTIC = List.of("type_id");
    private static final List<String> REQUIRED_OBSERVABLE = List.of("name", "type_id");
    private static final List<String> REQUIRED_AI_MODEL = List.of("model_name", "ai_provider");
    /** evidences: at least one of these per evidence object. */
    private static final Set<String> EVIDENCE_AT_LEAST_ONE = Set.of("actor", "api", "connection_info", "data",
            "database", "databucket", "device", "dst_endpoint", "email", "file", "process", "query", "resources",
            "src_endpoint", "url", "user", "job", "script");
    private static final Map<String, Set<Integer>> ENUMS = Map.of(
            "activity_id", Set.of(0, 1, 2, 3, 99),
            "severity_id", Set.of(0, 1, 2, 3, 4, 5, 6, 99),
            "status_id", Set.of(0, 1, 2, 3, 4, 5, 6, 99),
            "confidence_id", Set.of(0, 1, 2, 3, 99),
            "risk_level_id", Set.of(0, 1, 2, 3, 4, 99));
    private static final Set<Integer> ANALYTIC_TYPE_IDS = Set.of(0, 1, 2, 3, 4, 99);
    private static final Set<Integer> DATA_CATEGORY_IDS = Set.of(0, 1, 2, 3, 4, 5, 6, 99);
    /** Observable type ids the renderer uses: 1 Hostname, 2 IP Address, 4 User Name, 8 Hash, 10 Resource UID. */
    private static final Set<Integer> OBSERVABLE_TYPE_IDS = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99);

    private final OcsfRenderer renderer = new OcsfRenderer(SiemProduct.sightline("0.1.0"));

    @Test
    void aNewAlertIsAValidCreateDetectionFinding() throws Exception {
        JsonNode f = validated(SampleAlerts.egress().build());

        assertThat(f.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(f.get("category_uid").asInt()).isEqualTo(2);
        assertThat(f.get("activity_id").asInt()).isEqualTo(1);
        assertThat(f.get("type_uid").asInt()).isEqualTo(200401);
        assertThat(f.get("time").asLong()).isEqualTo(SampleAlerts.CREATED.toEpochMilli());
        assertThat(f.get("severity_id").asInt()).isEqualTo(4);
        assertThat(f.get("status_id").asInt()).isEqualTo(1);
        assertThat(f.get("confidence_id").asInt()).isEqualTo(3);
        assertThat(f.get("is_alert").asBoolean()).isTrue();
        assertThat(f.get("message").asText()).isEqualTo("Card numbers sent to ChatGPT");
        assertThat(f.at("/metadata/version").asText()).isEqualTo("1.8.0");
        assertThat(f.at("/metadata/product/name").asText()).isEqualTo("Sightline");
        assertThat(f.at("/metadata/product/vendor_name").asText()).isEqualTo("Sightline");
        assertThat(f.at("/finding_info/uid").asText()).startsWith("sensitive-egress|alice");
        assertThat(f.at("/finding_info/analytic/uid").asText()).isEqualTo("sensitive-egress");
        assertThat(f.at("/finding_info/analytic/type_id").asInt()).isEqualTo(1);
        assertThat(f.at("/finding_info/first_seen_time").asLong()).isEqualTo(SampleAlerts.FIRST.toEpochMilli());
        assertThat(f.at("/finding_info/last_seen_time").asLong()).isEqualTo(SampleAlerts.LAST.toEpochMilli());
        assertThat(f.at("/evidences/0/actor/user/name").asText()).isEqualTo("alice@corp.example");
        assertThat(f.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo(SampleAlerts.CLIENT_IP);
        assertThat(f.at("/evidences/0/dst_endpoint/hostname").asText()).isEqualTo(SampleAlerts.HOST);
        assertThat(f.get("observables").findValuesAsText("value")).contains(SampleAlerts.CLIENT_IP, SampleAlerts.HOST);
        assertThat(f.at("/evidences/0/data/bytes_out").asLong()).isEqualTo(2_097_152L);
        assertThat(f.at("/evidences/0/data/findings/0/masked_preview").asText()).isEqualTo(SampleAlerts.MASKED_CARD);
        assertThat(f.at("/resources/1/uid").asText()).isEqualTo("asset-42");
        assertThat(f.at("/data_classification/category_id").asInt()).isEqualTo(3);
        assertThat(f.at("/ai_model/ai_provider").asText()).isEqualTo("OpenAI");
        assertThat(f.at("/metadata/labels").toString()).contains("iso42001:A.4.3");
        assertThat(f.at("/unmapped/policy_version").asInt()).isEqualTo(7);
    }

    @Test
    void statusDrivesActivityAndTypeUid() throws Exception {
        JsonNode updated = validated(SampleAlerts.egress().setStatus(AlertStatus.UPDATED).build());
        assertThat(updated.get("activity_id").asInt()).isEqualTo(2);
        assertThat(updated.get("type_uid").asInt()).isEqualTo(200402);
        JsonNode closed = validated(SampleAlerts.egress().setStatus(AlertStatus.CLOSED).build());
        assertThat(closed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(closed.get("type_uid").asInt()).isEqualTo(200403);
        assertThat(closed.get("is_alert").asBoolean()).isFalse();
    }

    @Test
    void anAlertWithoutOptionalValuesIsStillValid() throws Exception {
        JsonNode f = validated(SampleAlerts.bare());
        assertThat(f.has("ai_model")).isFalse();
        assertThat(f.has("data_classification")).isFalse();
        assertThat(f.at("/evidences/0").has("src_endpoint")).isFalse();
        assertThat(f.get("severity_id").asInt()).isEqualTo(3);
    }

    @Test
    void severityOutsideOneToFiveIsClamped() throws Exception {
        assertThat(validated(SampleAlerts.egress().setSeverity(9).build()).get("severity_id").asInt()).isEqualTo(5);
        assertThat(validated(SampleAlerts.egress().setSeverity(0).build()).get("severity_id").asInt()).isEqualTo(1);
    }

    private JsonNode validated(Alert alert) throws Exception {
        JsonNode f = new ObjectMapper().readTree(renderer.render(alert));
        assertThat(f.fieldNames()).toIterable().as("required attributes").containsAll(REQUIRED);
        assertThat(f.get("metadata").fieldNames()).toIterable().containsAll(REQUIRED_METADATA);
        assertThat(f.get("finding_info").fieldNames()).toIterable().containsAll(REQUIRED_FINDING_INFO);
        assertThat(f.at("/finding_info/analytic").fieldNames()).toIterable().containsAll(REQUIRED_ANALYTIC);
        assertThat(ANALYTIC_TYPE_IDS).contains(f.at("/finding_info/analytic/type_id").asInt());
        ENUMS.forEach((attribute, allowed) -> {
            if (f.has(attribute)) {
                assertThat(allowed).as(attribute).contains(f.get(attribute).asInt());
            }
        });
        assertThat(f.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(f.get("type_uid").asInt()).isEqualTo(2004 * 100 + f.get("activity_id").asInt());
        for (JsonNode evidence : f.get("evidences")) {
            assertThat(evidence.fieldNames()).toIterable().as("evidence").containsAnyElementsOf(EVIDENCE_AT_LEAST_ONE);
        }
        for (JsonNode observable : f.get("observables")) {
            assertThat(observable.fieldNames()).toIterable().containsAll(REQUIRED_OBSERVABLE);
            assertThat(OBSERVABLE_TYPE_IDS).contains(observable.get("type_id").asInt());
        }
        if (f.has("ai_model")) {
            assertThat(f.get("ai_model").fieldNames()).toIterable().containsAll(REQUIRED_AI_MODEL);
        }
        if (f.has("data_classification")) {
            assertThat(DATA_CATEGORY_IDS).contains(f.at("/data_classification/category_id").asInt());
        }
        assertThat(f.get("time").isIntegralNumber()).as("time is epoch ms").isTrue();
        return f;
    }
}
