package dev.sightline.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sightline.app.EmbeddedSettings;
import dev.sightline.app.reference.DemoReferenceData;
import dev.sightline.app.runtime.SchemaRegistries;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.app.runtime.TrafficFeeder;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.simulator.SimulationSettings;
import dev.sightline.simulator.TrafficSimulator;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric a Grafana panel or a Prometheus alerting rule queries exists in a real scrape of the running
 * application fed with simulated traffic (and one unreadable record, so that dead letters exist too).
 */
@RealKafka
class DashboardMetricsIT {
    private static final Path DEPLOY = Path.of("../../deploy");
    /** Series Prometheus makes itself for every target: never in an application's scrape. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");
    /** The compliance stage's processor (ComplianceMetricsTopology.EVENTS_METRICS in modules/pipeline). */
    private static final String COMPLIANCE_PROCESSOR = "compliance-events-metrics";
    private static final Pattern SAMPLE_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    private final String registryScope = "dashboards-it-" + UUID.randomUUID();
    private SightlineRuntime runtime;
    private TrafficFeeder traffic;

    @AfterEach
    void stop() {
        if (traffic != null) {
            traffic.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        MockSchemaRegistryClient.dropScope(registryScope);
    }

    @Test
    void everyQueriedMetricIsInTheScrape(KafkaBroker broker, @TempDir Path stateDir) throws Exception {
        Map<String, Set<String>> queried = queriedMetrics();
        assertThat(queried).as("metrics queried by dashboards and rules").isNotEmpty();

        SightlineConfig config = EmbeddedSettings.load(EmbeddedSettings.onSharedBroker(broker, registryScope,
                stateDir));
        assumeTrue(complianceStageWired(config), "the compliance metrics stage is not wired into SightlineTopology yet");

        double rate = 300;
        TrafficSimulator simulator = new TrafficSimulator(SimulationSettings.defaults().withSeed(11)
                .withClock(Instant.now(), rate));
        runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.EMBEDDED);
        DemoReferenceData.tables(simulator.users(), Clock.systemUTC()).publish(config);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> runtime.application().state() == KafkaStreams.State.RUNNING);
        broker.produce(config.topicName(Topic.RAW_PROXY_SQUID), null,
                "this is no log line".getBytes(StandardCharsets.UTF_8));
        traffic = new TrafficFeeder(simulator, config.kafkaClientProperties(),
                record -> config.topicName(record.topic()), rate).start();

        HttpClient http = HttpClient.newHttpClient();
        Set<String> missing = new TreeSet<>();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            String scrape = http.send(HttpRequest.newBuilder(URI.create(runtime.httpUrl() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Set<String> present = sampleNames(scrape);
            missing.clear();
            queried.forEach((name, where) -> {
                if (!present.contains(name)) {
                    missing.add(name + " (queried by " + where + ")");
                }
            });
            return missing.isEmpty();
        });
        assertThat(missing).as("queried metrics absent from the scrape").isEmpty();
    }

    /** metric name -> the files and panels or rules that query it. */
    static Map<String, Set<String>> queriedMetrics() throws Exception {
        Map<String, Set<String>> queried = new TreeMap<>();
        try (var files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode panel : new ObjectMapper().readTree(file.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        record(queried, target.path("expr").asText(),
                                file.getFileName() + ": " + panel.path("title").asText());
                    }
                }
            }
        }
        JsonNode rules = new YAMLMapper().readTree(DEPLOY.resolve("prometheus/alerts.yml").toFile());
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                record(queried, rule.path("expr").asText(), "alerts.yml: " + rule.path("alert").asText());
            }
        }
        PROMETHEUS_SERIES.forEach(queried::remove);
        return queried;
    }

    private static void record(Map<String, Set<String>> queried, String expression, String where) {
        PromQl.metricNames(expression).forEach(name -> queried.computeIfAbsent(name, n -> new TreeSet<>()).add(where));
    }

    private static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher samples = SAMPLE_NAME.matcher(scrape);
        while (samples.find()) {
            names.add(samples.group(1));
        }
        return names;
    }

    private static boolean complianceStageWired(SightlineConfig config) {
        return SightlineTopology.build(config, SchemaRegistries.client(config), new SimpleMeterRegistry(),
                Clock.systemUTC(), ScannerSettings.from(config, true)).describe().toString().contains(COMPLIANCE_PROCESSOR);
    }
}
