package dev.sightline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole application topology: every stage connects, and nothing in it has a generated name. */
class SightlineTopologyTest {
    private static final Pattern STORE = Pattern.compile("stores: \\[([^]]*)]");
    private final String scope = "sightline-topology-test";

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryClient.dropScope(scope);
    }

    private final SightlineConfig config = SightlineConfig.loader().environment(Map.of())
            .overrides(Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), "unused:9092")).load();

    @Test
    void theWholeTopologyHasOnlyExplicitNamesAndStarts() {
        Topology topology = topology();
        String description = topology.describe().toString();

        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-", "KSTREAM-SOURCE");
        Set<String> stores = new TreeSet<>();
        Matcher matcher = STORE.matcher(description);
        while (matcher.find()) {
            for (String store : matcher.group(1).split(",\\s*")) {
                if (!store.isBlank()) {
                    stores.add(store);
                }
            }
        }
        assertThat(stores).isNotEmpty().allSatisfy(store -> assertThat(store).matches("[a-z0-9]+(-[a-z0-9]+)*"));

        // the driver refuses a topology Kafka Streams would refuse at start (e.g. a generated internal name)
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties())) {
            assertThat(driver.producedTopicNames()).isEmpty();
        }
    }

    @Test
    void sourceTopicsAreWhatTheTopologyConsumesBesidesInternalAndReferenceTopics() {
        Set<String> consumed = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : topology().describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    source.topicSet().stream().filter(topic -> !topic.endsWith("-repartition")).forEach(consumed::add);
                }
            }
        }
        assertThat(SightlineTopology.sourceTopics(config)).containsExactlyInAnyOrderElementsOf(consumed);
    }

    /** Normalize and enrich share a task and an event object: the normalized topic must keep what enrich removes. */
    @Test
    void eventsTopicKeepsTheContentThatTheEnrichedTopicDrops() {
        String prompt = "Draft a reply to the customer about the delayed shipment";
        String message = "{\"id\":\"msg-1\",\"conversation_id\":\"c-1\",\"user_email\":\"tomas.berg@example.com\","
                + "\"workspace_id\":\"ws-1\",\"created_at\":1749715500,\"author\":{\"role\":\"user\"},"
                + "\"content\":{\"content_type\":\"text\",\"parts\":[\"" + prompt + "\"]}}";
        SchemaRegistryClient registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), properties())) {
            driver.createInputTopic(Topic.RAW_SAAS_OPENAI_COMPLIANCE.baseName(), new ByteArraySerializer(),
                    new ByteArraySerializer()).pipeInput(message.getBytes(StandardCharsets.UTF_8));

            AiUsageEvent normalized = readOne(driver, Topic.AI_USAGE, registry);
            AiUsageEvent enriched = readOne(driver, Topic.AI_USAGE_ENRICHED, registry);
            assertThat(normalized.getContent()).isEqualTo(prompt);
            assertThat(enriched.getEventId()).isEqualTo(normalized.getEventId());
            assertThat(enriched.getContent()).isNull();
        }
    }

    private static AiUsageEvent readOne(TopologyTestDriver driver, Topic topic, SchemaRegistryClient registry) {
        List<AiUsageEvent> values = driver.createOutputTopic(topic.baseName(), new StringDeserializer(),
                SightlineAvroSerde.forValue(AiUsageEvent.class, registry).deserializer()).readValuesToList();
        assertThat(values).as(topic.baseName()).hasSize(1);
        return values.get(0);
    }

    private Topology topology() {
        return SightlineTopology.build(config, SchemaRegistryClients.create("mock://" + scope, Map.of()),
                new SimpleMeterRegistry(), Clock.systemUTC(), ScannerSettings.from(config, true));
    }

    private Properties properties() {
        return DriverProperties.of(config);
    }
}
