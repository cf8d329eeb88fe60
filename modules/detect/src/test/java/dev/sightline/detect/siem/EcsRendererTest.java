package dev.sightline.detect.siem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcsRendererTest {
    private final EcsRenderer renderer = new EcsRenderer(SiemProduct.sightline("0.1.0"));

    @Test
    void anAlertIsAnEcsAlertDocument() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(renderer.render(SampleAlerts.egress().build()));
        assertThat(doc.get("@timestamp").asText()).isEqualTo("2026-11-27T09:40:01Z");
        assertThat(doc.at("/ecs/version").asText()).isEqualTo("9.4.0");
        assertThat(doc.at("/event/kind").asText()).isEqualTo("alert");
        assertThat(doc.at("/event/severity").asInt()).isEqualTo(4);
        assertThat(doc.at("/event/risk_score").asDouble()).isEqualTo(82.0);
        assertThat(doc.at("/event/reason").asText()).isEqualTo("PCI data went to a tool not approved for it");
        assertThat(doc.at("/rule/id").asText()).isEqualTo("sensitive-egress");
        assertThat(doc.at("/rule/ruleset").asText()).isEqualTo(EcsRenderer.RULESET);
        assertThat(doc.at("/rule/version").asText()).isEqualTo("2");
        assertThat(doc.at("/user/name").asText()).isEqualTo("alice@corp.example");
        assertThat(doc.at("/destination/domain").asText()).isEqualTo(SampleAlerts.HOST);
        assertThat(doc.at("/source/ip").asText()).isEqualTo(SampleAlerts.CLIENT_IP);
        assertThat(doc.at("/source/bytes").asLong()).isEqualTo(2_097_152L);
        assertThat(doc.at("/labels/iso42001_controls").asText()).isEqualTo("A.4.3,A.7.5,A.9.4");
        assertThat(doc.at("/labels/masked_findings").asText()).contains(SampleAlerts.MASKED_CARD);
        doc.get("labels").forEach(label -> assertThat(label.isTextual()).as("ECS labels are keywords").isTrue());
    }

    @Test
    void alertsWrittenBeforeTheHostFieldKeepTheirHostAttribute() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(renderer.render(SampleAlerts.egress().setHost(null)
                .setAttributes(Map.of("host", "api.example-ai.test")).build()));
        assertThat(doc.at("/destination/domain").asText()).isEqualTo("api.example-ai.test");
    }

    @Test
    void absentValuesAreLeftOut() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(renderer.render(SampleAlerts.bare()));
        assertThat(doc.has("user")).isFalse();
        assertThat(doc.has("destination")).isFalse();
        assertThat(doc.has("source")).isFalse();
        assertThat(doc.at("/event/reason").asText()).isEqualTo("Upload volume far above baseline");
    }
}
