package dev.sightline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.Topology;
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

    @Test
    void theWholeTopologyHasOnlyExplicitNamesAndStarts() {
        SightlineConfig config = SightlineConfig.loader().environment(Map.of())
                .overrides(Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), "unused:9092")).load();
        Topology topology = SightlineTopology.build(config, SchemaRegistryClients.create("mock://" + scope, Map.of()),
                new SimpleMeterRegistry(), Clock.systemUTC(), ScannerSettings.from(config, true));
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

        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config));
        // the driver refuses a topology Kafka Streams would refuse at start (e.g. a generated internal name)
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            assertThat(driver.producedTopicNames()).isEmpty();
        }
    }
}
