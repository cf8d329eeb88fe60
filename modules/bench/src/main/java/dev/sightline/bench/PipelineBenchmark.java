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
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
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
 *   <li>warms the JVM up: the whole pipeline over a copy of the load on topics of its own, not counted, then waits
 *       for the JIT to settle;</li>
 *   <li>runs a byte-for-byte passthrough Kafka Streams application over the loaded records (raw topics to one sink
 *       topic) with the pipeline's own streams settings: the ceiling;</li>
 *   <li>runs the full pipeline from the same raw topics under a fresh application id;</li>
 *   <li>produces time-stamped records at half of the pipeline's measured rate and measures the latency from each
 *       record's production to its enriched event and to its alert;</li>
 *   <li>prints both rates, their ratio, the CPU per raw record by thread group, the records written per raw record
 *       by topic, the stream thread's longest commit/process/punctuation, the latencies, memory and state size, and
 *       as the last line
 *       {@code pipeline_eps=<n> passthrough_eps=<n> ratio=<r> p99_ms=<n>}.</li>
 * </ol>
 * Rates count raw records. Everything (broker, both applications, producer, probes) shares one JVM and the machine's
 * cores, so compare the ratio, not the absolute figures, between machines. Settings such as the commit interval come
 * from the environment (SIGHTLINE_*) as for the app.
 */
public final class PipelineBenchmark {
    static final String PASSTHROUGH_APPLICATION_ID = "sightline-bench-passthrough-v1";
    static final String PIPELINE_APPLICATION_ID = "sightline-bench-pipeline-v1";
    static final String WARM_UP_APPLICATION_ID = "sightline-bench-warm-up-v1";
    /** The warm-up reads and writes topics of its own: the measured run must not see its output. */
    static final String WARM_UP_TOPIC_PREFIX = "bench-warm-up.";
    static final String PASSTHROUGH_SINK = "bench.passthrough";
    /** Event time of the loaded records advances at this rate, so that an hour or so of traffic ends before now. */
    private static final double LOAD_CLOCK_RATE = 500;
    private static final Duration LOAD_CLOCK_MARGIN = Duration.ofMinutes(15);
    /** The JIT counts as settled when it compiled for less than 5 % of such a stretch of time. */
    private static final Duration JIT_QUIET = Duration.ofSeconds(2);
    private static final Duration JIT_SETTLE_LIMIT = Duration.ofMinutes(1);
    /** After the last paced record, how long the probe keeps reading so that the tail is counted. */
    private static final Duration LATENCY_DRAIN = Duration.ofSeconds(5);
    private static final Set<String> STALLS = Set.of("commit-latency-max", "process-latency-max",
            "punctuate-latency-max");

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
                List<String> rawTopics = rawTopics(config);
                SimulationSettings simulation = SimulationSettings.defaults().withSeed(settings.seed())
                        .withUsers(settings.users());
                Instant loadStart = Instant.now().minusSeconds((long) (settings.events() / LOAD_CLOCK_RATE))
                        .minus(LOAD_CLOCK_MARGIN);
                Supplier<TrafficSimulator> loadTraffics = () -> new TrafficSimulator(
                        simulation.withClock(loadStart, LOAD_CLOCK_RATE));
                TrafficSimulator loadTraffic = loadTraffics.get();
                BenchReferenceData.publish(config.kafkaClientProperties(), config::topicName, registry,
                        loadTraffic.users(), Clock.systemUTC());
                try (RawTraffic raw = new RawTraffic(config.kafkaClientProperties(), config::topicName)) {
                    RawTraffic.Loaded loaded = raw.load(loadTraffic, settings.events());
                    report(loaded);

                    warmUp(config(broker.bootstrapServers(), registryScope, stateDir, WARM_UP_APPLICATION_ID,
                            WARM_UP_TOPIC_PREFIX), registry, admin, loadTraffics.get());
                    double passthrough = passthrough(config(broker.bootstrapServers(), registryScope, stateDir,
                            PASSTHROUGH_APPLICATION_ID), admin, rawTopics, loaded.records());
                    Topology topology = SightlineTopology.build(config, registry, new SimpleMeterRegistry(),
                            Clock.systemUTC(), ScannerSettings.from(config, true));
                    Map<String, Long> offsetsBefore = endOffsets(admin);
                    try (StreamsApplication pipeline = new StreamsApplication(config, topology)) {
                        Optional<ThreadCpu.Snapshot> cpuBefore = ThreadCpu.snapshot();
                        ThroughputRun.Measured measured = ThroughputRun.measure(pipeline, topology,
                                PIPELINE_APPLICATION_ID, admin, rawTopics);
                        double pipelineEps = measured.recordsPerSecond();
                        printRate("pipeline", measured);
                        printCpu(cpuBefore, loaded.records());
                        out.printf("  dead letters: %d (errors.dead-letter)%n",
                                countRecords(config.kafkaClientProperties(), config.topicName(Topic.DEAD_LETTER)));
                        printTopicOffsets(offsetsBefore, endOffsets(admin), loaded.records());
                        long stateBytes = ResourceMeter.directorySize(stateDir.resolve(PIPELINE_APPLICATION_ID));
                        LatencyProbe.Result latency = latency(config, registry, raw, simulation, pipelineEps);
                        printStreamThreadLatencies(pipeline);
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
        return config(bootstrap, registryScope, stateDir, applicationId, "");
    }

    private SightlineConfig config(String bootstrap, String registryScope, Path stateDir, String applicationId,
                                   String topicPrefix) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(ConfigKeys.TOPIC_PREFIX.name(), topicPrefix);
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
        new TopicProvisioner(admin).provision(layout).requireConsistent();
    }

    private void report(RawTraffic.Loaded loaded) {
        double seconds = loaded.took().toNanos() / 1e9;
        out.printf(Locale.ROOT, "loaded %d raw records, %.1f MiB (mean %d bytes) in %.1f s: %.0f records/s%n",
                loaded.records(), loaded.bytes() / 1048576.0, loaded.bytes() / loaded.records(), seconds,
                loaded.records() / seconds);
        out.printf(Locale.ROOT, "  formats: %s%n", loaded.byFormat());
    }

    /**
     * A whole pipeline run over a copy of the load (same records, topics of its own), not counted: on a cold JVM the
     * JIT compilers took ~40 % of both cores during the pipeline's measured run (per-thread CPU from /proc), so the
     * figures measured the JIT's warm-up rather than the pipeline, which a long-running application pays once.
     */
    private void warmUp(SightlineConfig config, SchemaRegistryClient registry, Admin admin, TrafficSimulator traffic)
            throws InterruptedException {
        provision(admin, config);
        BenchReferenceData.publish(config.kafkaClientProperties(), config::topicName, registry, traffic.users(),
                Clock.systemUTC());
        try (RawTraffic raw = new RawTraffic(config.kafkaClientProperties(), config::topicName)) {
            raw.load(traffic, settings.events());
        }
        Topology topology = SightlineTopology.build(config, registry, new SimpleMeterRegistry(), Clock.systemUTC(),
                ScannerSettings.from(config, true));
        try (StreamsApplication warmUp = new StreamsApplication(config, topology)) {
            printRate("warm-up (not counted)", ThroughputRun.measure(warmUp, topology, WARM_UP_APPLICATION_ID, admin,
                    rawTopics(config)));
        }
        awaitJitSettled();
    }

    /**
     * Waits until the JIT compilers' queue has drained (compilation time stops growing), at most a minute: on two
     * busy cores the compilers lag the warm-up, and their backlog would otherwise be paid in the measured runs.
     */
    private void awaitJitSettled() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long started = System.nanoTime();
        long before = jit.getTotalCompilationTime();
        long deadline = started + JIT_SETTLE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(JIT_QUIET.toMillis());
            long now = jit.getTotalCompilationTime();
            if (now - before < JIT_QUIET.toMillis() / 20) {
                break;
            }
            before = now;
        }
        out.printf(Locale.ROOT, "  JIT settled after %.1f s (compilation time so far %.1f s)%n",
                (System.nanoTime() - started) / 1e9, jit.getTotalCompilationTime() / 1e3);
    }

    private static List<String> rawTopics(SightlineConfig config) {
        return config.rawTopics().stream().map(t -> config.topicPrefix() + t.topic()).toList();
    }

    /** The ceiling: every raw record read and written again as bytes, under the pipeline's streams settings. */
    private double passthrough(SightlineConfig config, Admin admin, List<String> rawTopics, long rawRecords)
            throws InterruptedException {
        new TopicProvisioner(admin).provision(List.of(new TopicDefinition(PASSTHROUGH_SINK, config.defaultPartitions(),
                config.replicationFactor(), false))).requireConsistent();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(rawTopics, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-raw-source"))
                .to(PASSTHROUGH_SINK, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-sink"));
        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config));
        Topology topology = builder.build(props);
        try (StreamsApplication passthrough = new StreamsApplication(config, topology)) {
            Optional<ThreadCpu.Snapshot> cpuBefore = ThreadCpu.snapshot();
            ThroughputRun.Measured measured = ThroughputRun.measure(passthrough, topology, PASSTHROUGH_APPLICATION_ID,
                    admin, rawTopics);
            printRate("passthrough", measured);
            printCpu(cpuBefore, rawRecords);
            return measured.recordsPerSecond();
        }
    }

    /** The whole process's CPU since {@code before} (start-up included) per raw record, by thread group. */
    private void printCpu(Optional<ThreadCpu.Snapshot> before, long rawRecords) {
        before.flatMap(earlier -> ThreadCpu.snapshot().map(now -> now.perUnit(earlier, rawRecords, "raw record")))
                .ifPresent(line -> out.println("  " + line));
    }

    /**
     * The stream threads' own latency metrics over the last minute or so (Kafka Streams' sample window), i.e. the
     * latency run: where a stall of the thread comes from (a commit, a punctuation or a slow record). Poll latency is
     * left out: it includes waiting for input.
     */
    private void printStreamThreadLatencies(StreamsApplication application) {
        Map<String, Double> worst = new TreeMap<>();
        application.streams().metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-thread-metrics") && STALLS.contains(name.name())
                    && metric.metricValue() instanceof Double value && !value.isNaN()) {
                worst.merge(name.name().replace("-latency-max", ""), value, Math::max);
            }
        });
        StringBuilder line = new StringBuilder("  stream thread, longest in the latency run (ms):");
        worst.forEach((phase, ms) -> line.append(String.format(Locale.ROOT, " %s %.0f", phase, ms)));
        out.println(line);
    }

    private void printRate(String name, ThroughputRun.Measured measured) {
        out.printf(Locale.ROOT, "%s: %d records in %.2f s = %.0f records/s (start-up to first commit %.1f s)%n", name,
                measured.records(), measured.span().toNanos() / 1e9, measured.recordsPerSecond(),
                measured.startUp().toNanos() / 1e9);
    }

    /**
     * What each raw record cost the broker: how far the log end offset of every topic the pipeline wrote moved during
     * its run, per raw record. End offsets count transaction markers too (one per partition per commit).
     */
    private void printTopicOffsets(Map<String, Long> before, Map<String, Long> after, long rawRecords) {
        out.println("  records written per raw record, by topic (end offsets, so transaction markers included):");
        after.forEach((topic, offset) -> {
            long written = offset - before.getOrDefault(topic, 0L);
            if (written > 0 && !topic.startsWith("__") && !topic.equals(PASSTHROUGH_SINK)
                    && !topic.startsWith(WARM_UP_TOPIC_PREFIX) && !topic.startsWith(WARM_UP_APPLICATION_ID)) {
                out.printf(Locale.ROOT, "    %-80s %6.3f%n", topic, written / (double) rawRecords);
            }
        });
    }

    /** Every topic's end offset summed over its partitions. */
    private static Map<String, Long> endOffsets(Admin admin) throws InterruptedException {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            Map<String, Long> offsets = new TreeMap<>();
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().forEach((partition, info) -> offsets.merge(partition.topic(), info.offset(), Long::sum));
            return offsets;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the topics' end offsets", e.getCause());
        }
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
