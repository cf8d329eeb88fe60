package dev.sightline.pipeline.siem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.detect.siem.SiemProduct;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.DriverProperties;
import dev.sightline.pipeline.StreamsApplication;
import dev.sightline.pipeline.metrics.MetricNames;
import dev.sightline.pipeline.metrics.SiemMetrics;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SiemTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final String ALERT_ID = "shadow-ai|bob@corp.example|deepseek|2026-11-27T09:00:00Z";

    private final String scope = "siem-test-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void everyAlertRecordIsWrittenInEachFormatKeyedByAlertId() throws Exception {
        start(Map.of());
        alerts().pipeInput(ALERT_ID, alert(AlertStatus.NEW));
        alerts().pipeInput(ALERT_ID, alert(AlertStatus.UPDATED));

        List<KeyValue<String, String>> ocsf = output(Topic.ALERTS_OCSF);
        assertThat(ocsf).extracting(kv -> kv.key).containsExactly(ALERT_ID, ALERT_ID);
        JsonNode first = new ObjectMapper().readTree(ocsf.get(0).value);
        assertThat(first.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(first.get("type_uid").asInt()).isEqualTo(200401);
        assertThat(new ObjectMapper().readTree(ocsf.get(1).value).get("type_uid").asInt()).isEqualTo(200402);

        List<KeyValue<String, String>> ecs = output(Topic.ALERTS_ECS);
        assertThat(ecs).hasSize(2);
        assertThat(new ObjectMapper().readTree(ecs.get(0).value).at("/event/kind").asText()).isEqualTo("alert");

        List<KeyValue<String, String>> cef = output(Topic.ALERTS_CEF);
        assertThat(cef).hasSize(2);
        assertThat(cef.get(0).value).startsWith("CEF:0|Sightline|Sightline|test|shadow-ai|");

        for (Topic topic : List.of(Topic.ALERTS_OCSF, Topic.ALERTS_ECS, Topic.ALERTS_CEF)) {
            assertThat(meters.get(MetricNames.SIEM_RECORDS).tag(MetricNames.TAG_FORMAT, topic.baseName().substring(7))
                    .counter().count()).isEqualTo(2.0);
        }
    }

    @Test
    void onlyMaskedPreviewsAndHashesLeaveForTheSiem() {
        start(Map.of());
        alerts().pipeInput(ALERT_ID, alert(AlertStatus.NEW));
        for (Topic topic : List.of(Topic.ALERTS_OCSF, Topic.ALERTS_ECS, Topic.ALERTS_CEF)) {
            String value = output(topic).get(0).value;
            assertThat(value).as(topic.baseName()).contains("AKIA************MPLE", "5e3a9c");
        }
    }

    @Test
    void aSwitchedOffFormatIsNotWritten() {
        start(Map.of(ConfigKeys.SIEM_ECS_ENABLED.name(), "false"));
        alerts().pipeInput(ALERT_ID, alert(AlertStatus.NEW));
        assertThat(output(Topic.ALERTS_OCSF)).hasSize(1);
        assertThat(output(Topic.ALERTS_CEF)).hasSize(1);
        assertThat(driver.producedTopicNames()).doesNotContain(Topic.ALERTS_ECS.baseName());
    }

    @Test
    void withEveryFormatOffAlertsAreNotEvenRead() {
        Topology topology = topology(Map.of(ConfigKeys.SIEM_OCSF_ENABLED.name(), "false",
                ConfigKeys.SIEM_ECS_ENABLED.name(), "false", ConfigKeys.SIEM_CEF_ENABLED.name(), "false"));
        assertThat(topology.describe().subtopologies()).isEmpty();
    }

    @Test
    void tombstonesAreSkipped() {
        start(Map.of());
        alerts().pipeInput(ALERT_ID, null);
        assertThat(output(Topic.ALERTS_OCSF)).isEmpty();
    }

    @Test
    void aBadSwitchValueIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(Map.of(ConfigKeys.SIEM_CEF_ENABLED.name(), "yes")))
                .hasMessageContaining(ConfigKeys.SIEM_CEF_ENABLED.name());
    }

    @Test
    void everyProcessorAndSinkIsNamedExplicitly() {
        String description = topology(Map.of()).describe().toString();
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description).contains(SiemTopology.SOURCE, SiemTopology.SKIP_TOMBSTONES);
        for (SiemFormat format : SiemFormat.values()) {
            assertThat(description).contains(SiemTopology.renderName(format), SiemTopology.sinkName(format));
        }
    }

    private void start(Map<String, String> overrides) {
        driver = new TopologyTestDriver(topology(overrides), DriverProperties.of(config(overrides)), T0);
    }

    private Topology topology(Map<String, String> overrides) {
        StreamsBuilder builder = new StreamsBuilder();
        new SiemTopology(SiemTopology.Settings.from(config(overrides), SiemProduct.sightline("test")),
                SightlineAvroSerde.forValue(Alert.class, registry), new SiemMetrics(meters)).build(builder);
        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config(overrides)));
        return builder.build(props);
    }

    private static SightlineConfig config(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.put(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), "unused:9092");
        return SightlineConfig.loader().environment(Map.of()).overrides(all).load();
    }

    private TestInputTopic<String, Alert> alerts() {
        return driver.createInputTopic(Topic.ALERTS.baseName(), new StringSerializer(),
                SightlineAvroSerde.forValue(Alert.class, registry).serializer());
    }

    private List<KeyValue<String, String>> output(Topic topic) {
        return driver.createOutputTopic(topic.baseName(), new StringDeserializer(), new StringDeserializer())
                .readKeyValuesToList();
    }

    private static Alert alert(AlertStatus status) {
        return Alert.newBuilder()
                .setAlertId(ALERT_ID)
                .setRuleId("shadow-ai")
                .setTitle("Unsanctioned AI tool DeepSeek used")
                .setSeverity(3)
                .setStatus(status)
                .setUser("bob@corp.example")
                .setToolId("deepseek")
                .setToolName("DeepSeek")
                .setVendor("DeepSeek")
                .setDataClasses(new ArrayList<>(List.of(DataClass.SECRET)))
                .setFindings(new ArrayList<>(List.of(Finding.newBuilder().setType("AWS_ACCESS_KEY_ID")
                        .setDataClass(DataClass.SECRET).setMaskedPreview("AKIA************MPLE")
                        .setValueHash("5e3a9c").build())))
                .setEventCount(status == AlertStatus.NEW ? 1 : 4)
                .setFirstSeen(T0)
                .setLastSeen(T0.plusSeconds(60))
                .setCreatedAt(T0.plusSeconds(61))
                .setControls(new ArrayList<>(List.of("A.9.2", "A.10.3", "A.4.2")))
                .build();
    }
}
