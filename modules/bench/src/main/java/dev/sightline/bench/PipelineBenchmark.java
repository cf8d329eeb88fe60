package dev.sightline.bench;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.RawTopic;
import dev.sightline.config.SightlineConfig;
import dev.sightline.embedded.EmbeddedKafka;
import dev.sightline.embedded.TopicDefinition;
import dev.sightline.embedded.TopicLayout;
import dev.sightline.embedded.TopicProvisioner;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.StreamsApplication;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.simulator.SimulationSettings;
import dev.sightline.simulator.TrafficSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code bench pipeline}: the whole Sightline pipeline against the ceiling of this machine, on the embedded broker.
 * <ol>
 *   <li>loads N simulated raw records (every format in the simulator's proportions, a share of prompts with content
 *       to scan) to the raw topics, after the reference tables;</li>
 *   <li>runs a byte-for-byte passthrough Kafka Streams application over them (raw topics to one sink topic) with the
 *       pipeline's own streams settings: the ceiling;</li>
 *   <li>runs the full pipeline from the same raw topics under a fresh application id;</li>
 *   <li>produces time-stamped records at half of the pipeline's measured rate and measures the latency from each
 *       record's production to its enriched event and to its alert;</li>
 *   <li>prints both rates, their ratio, the latencies, memory and state size, and as the last line
 *       {@code pipeline_eps=<n> passthrough_eps=<n> ratio=<r> p99_ms=<n>}.</li>
 * </ol>
 * Rates count raw records. Everything (broker, both applications, producer, probes) shares one JVM and the machine's
 * cores, so compare the ratio, not the absolute figures, between machines. Settings such as the commit interval come
 * from the environment (SIGHTLINE_*) as for the app.
 */
public final class PipelineBenchmark {
    static final String PASSTHROUGH_APPLICATION_ID = "sightline-bench-passthrough-v1";
    static final String PIPELINE_APPLICATION_ID = "sightline-bench-pipeline-v1";
    static final String PASSTHROUGH_SINK = "bench.passthrough";
    /** Event time of the loaded records advances at this rate, so that an hour or so of traffic ends before now. */
    private static final double LOAD_CLOCK_RATE = 500;
    private static final Duration LOAD_CLOCK_MARGIN = Duration.ofMinutes(15);
    /** After the last paced record, how long the probe keeps reading so that the tail is counted. */
    private static final Duration LATENCY_DRAIN = Duration.ofSeconds(5);

    private final BenchSettings settings;
    private final PrintStream out;

    private PipelineBenchmark(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        run(BenchArguments.parse(args), System.out);
    }

    /** Runs every phase and prints the figures; the result is also the last line printed. */
    public static BenchResult run(BenchSettings settings, PrintStream out) throws IOException, InterruptedException {
        return new PipelineBenchmark(settings, out).run();
    }

    private BenchResult run() throws IOException, InterruptedException {
        Path stateDir = Files.createTempDirectory("sightline-bench-state");
        String registryScope = "bench-" + UUID.randomUUID();
        try (ResourceMeter meter = new ResourceMeter(); EmbeddedKafka broker = EmbeddedKafka.start()) {
            SightlineConfig config = config(broker.bootstrapServers(), registryScope, stateDir, PIPELINE_APPLICATION_ID);
            header(config);
            SchemaRegistryClient registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of());
            try (Admin admin = Admin.create(new HashMap<>(config.kafkaClientProperties()))) {
                provision(admin, config);
                List<String> rawTopics = config.rawTopics().stream().map(t -> config.topicPrefix() + t.topic()).toList();
                SimulationSettings simulation = SimulationSettings.defaults().withSeed(settings.seed())
                        .withUsers(settings.users());
                TrafficSimulator loadTraffic = new TrafficSimulator(simulation.withClock(Instant.now()
                        .minusSeconds((long) (settings.events() / LOAD_CLOCK_RATE)).minus(LOAD_CLOCK_MARGIN),
                        LOAD_CLOCK_RATE));
                BenchReferenceData.publish(config.kafkaClientProperties(), config::topicName, registry,
                        loadTraffic.users(), Clock.systemUTC());
                try (RawTraffic raw = new RawTraffic(config.kafkaClientProperties(), config::topicName)) {
                    report(raw.load(loadTraffic, settings.events()));

                    double passthrough = passthrough(config(broker.bootstrapServers(), registryScope, stateDir,
                            PASSTHROUGH_APPLICATION_ID), admin, rawTopics);
                    Topology topology = SightlineTopology.build(config, registry, new SimpleMeterRegistry(),
                            Clock.systemUTC(), ScannerSettings.from(config, true));
                    try (StreamsApplication pipeline = new StreamsApplication(config, topology)) {
                        ThroughputRun.Measured measured = ThroughputRun.measure(pipeline, topology,
                                PIPELINE_APPLICATION_ID, admin, rawTopics);
                        double pipelineEps = measured.recordsPerSecond();
                        printRate("pipeline", measured);
                        out.printf("  dead letters: %d (errors.dead-letter)%n",
                                countRecords(config.kafkaClientProperties(), config.topicName(Topic.DEAD_LETTER)));
                        long stateBytes = ResourceMeter.directorySize(stateDir.resolve(PIPELINE_APPLICATION_ID));
                        LatencyProbe.Result latency = latency(config, registry, raw, simulation, pipelineEps);
                        return finish(new BenchResult(pipelineEps, passthrough, latency.newAlerts().p99Ms()), latency,
                                meter.memory(), stateBytes);
                    }
                }
            }
        } finally {
            MockSchemaRegistryClient.dropScope(registryScope);
            deleteQuietly(stateDir);
        }
    }

    private SightlineConfig config(String bootstrap, String registryScope, Path stateDir, String applicationId) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrap);
        overrides.put(ConfigKeys.SCHEMA_REGISTRY_URL.name(), MockSchemaRegistryClient.URL_PREFIX + registryScope);
        overrides.put(ConfigKeys.STATE_DIR.name(), stateDir.toString());
        overrides.put(ConfigKeys.TOPIC_PARTITIONS.name(), Integer.toString(settings.partitions()));
        overrides.put(ConfigKeys.NUM_STREAM_THREADS.name(), Integer.toString(settings.streamThreads()));
        overrides.put(ConfigKeys.APPLICATION_ID.name(), applicationId);
        return SightlineConfig.loader().overrides(overrides).load();
    }

    private void header(SightlineConfig config) {
        out.printf(Locale.ROOT, "bench pipeline: %d records, seed %d, %d users, %d partitions, %d stream thread(s), "
                        + "%s, commit interval %d ms, %d cores, max heap %d MiB%n",
                settings.events(), settings.seed(), settings.users(), settings.partitions(), settings.streamThreads(),
                config.processingGuarantee(), config.commitIntervalMs(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private void provision(Admin admin, SightlineConfig config) {
        TopicLayout layout = new TopicLayout(config.topicPrefix(), config.defaultPartitions(), config.replicationFactor());
        TopicProvisioner provisioner = new TopicProvisioner(admin);
        provisioner.provision(layout).requireConsistent();
        provisioner.provision(List.of(new TopicDefinition(PASSTHROUGH_SINK, config.defaultPartitions(),
                config.replicationFactor(), false))).requireConsistent();
    }

    private void report(RawTraffic.Loaded loaded) {
        double seconds = loaded.took().toNanos() / 1e9;
        out.printf(Locale.ROOT, "loaded %d raw records, %.1f MiB (mean %d bytes) in %.1f s: %.0f records/s%n",
                loaded.records(), loaded.bytes() / 1048576.0, loaded.bytes() / loaded.records(), seconds,
                loaded.records() / seconds);
        out.printf(Locale.ROOT, "  formats: %s%n", loaded.byFormat());
    }

    /** The ceiling: every raw record read and written again as bytes, under the pipeline's streams settings. */
    private double passthrough(SightlineConfig config, Admin admin, List<String> rawTopics) throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(rawTopics, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-raw-source"))
                .to(PASSTHROUGH_SINK, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-sink"));
        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config));
        Topology topology = builder.build(props);
        try (StreamsApplication passthrough = new StreamsApplication(config, topology)) {
            ThroughputRun.Measured measured = ThroughputRun.measure(passthrough, topology, PASSTHROUGH_APPLICATION_ID,
                    admin, rawTopics);
            printRate("passthrough", measured);
            return measured.recordsPerSecond();
        }
    }

    private void printRate(String name, ThroughputRun.Measured measured) {
        out.printf(Locale.ROOT, "%s: %d records in %.2f s = %.0f records/s (start-up to first commit %.1f s)%n", name,
                measured.records(), measured.span().toNanos() / 1e9, measured.recordsPerSecond(),
                measured.startUp().toNanos() / 1e9);
    }

    /** The committed records a topic holds, counted by reading it (end offsets would count transaction markers). */
    private static long countRecords(Map<String, Object> kafkaClientProperties, String topic) {
        Map<String, Object> props = new HashMap<>(kafkaClientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    /** Paced, time-stamped records at a fraction of the measured capacity, into the running pipeline. */
    private LatencyProbe.Result latency(SightlineConfig config, SchemaRegistryClient registry, RawTraffic raw,
                                        SimulationSettings simulation, double pipelineEps) throws InterruptedException {
        double rate = pipelineEps * settings.latencyFraction();
        // the same seed gives the same people (whose identities are published); event time follows the wall clock
        TrafficSimulator traffic = new TrafficSimulator(simulation.withClock(Instant.now(), rate));
        LatencyProbe probe = new LatencyProbe(config.kafkaClientProperties(), config.topicName(Topic.AI_USAGE_ENRICHED),
                config.topicName(Topic.ALERTS), SightlineAvroSerde.forValue(AiUsageEvent.class, registry).deserializer(),
                SightlineAvroSerde.forValue(Alert.class, registry).deserializer());
        try (probe) {
            long sent = raw.paced(traffic, rate, settings.latencyRun());
            Thread.sleep(LATENCY_DRAIN.toMillis());
            LatencyProbe.Result result = probe.stop();
            out.printf(Locale.ROOT, "latency at %.0f %% of capacity: %d records at %.0f records/s for %d s%n",
                    settings.latencyFraction() * 100, sent, rate, settings.latencyRun().toSeconds());
            return result;
        }
    }

    private BenchResult finish(BenchResult result, LatencyProbe.Result latency, ResourceMeter.Memory memory,
                               long stateBytes) {
        out.printf("  %s%n  %s%n  %s%n", latency.enriched().describe(), latency.newAlerts().describe(),
                latency.updatedAlerts().describe());
        if (latency.unresolvedAlerts() > 0) {
            out.printf("  %d alerts name no event of the latency run (held updates of earlier windows)%n",
                    latency.unresolvedAlerts());
        }
        out.printf(Locale.ROOT, "memory (whole JVM: broker + applications): peak heap used %d MiB, peak live after GC "
                        + "%d MiB, max heap %d MiB, peak RSS %s%n", memory.peakHeapUsed() >> 20,
                memory.peakLiveAfterGc() >> 20, memory.maxHeap() >> 20,
                memory.peakRss().map(rss -> (rss >> 20) + " MiB").orElse("n/a"));
        out.printf(Locale.ROOT, "pipeline state directory after the throughput run: %.1f MiB%n", stateBytes / 1048576.0);
        out.printf(Locale.ROOT, "ratio pipeline/passthrough: %.2f%n", result.ratio());
        out.println(result.lastLine());
        out.flush();
        return result;
    }

    static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans it eventually
        }
    }
}
