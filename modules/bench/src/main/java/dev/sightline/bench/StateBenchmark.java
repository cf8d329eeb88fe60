package dev.sightline.bench;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataAsset;
import dev.sightline.model.Identity;
import dev.sightline.model.Policy;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.StreamsApplication;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.pipeline.governance.GovernanceTopology;
import dev.sightline.reference.ReferenceData;
import dev.sightline.reference.SimulatedOrganisation;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.simulator.SimulationSettings;
import dev.sightline.simulator.TrafficSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * How the application's state grows with users x tools: the whole {@link SightlineTopology} under
 * {@link TopologyTestDriver} (real RocksDB stores in a state directory, the application's own streams settings incl.
 * the bounded RocksDB memory), the simulated organisation's reference data with U identities, then synthetic
 * enriched events ({@link EnrichedUses}) in which every user uses each of the first T catalog tools K times over a
 * working week of event time. The driver's wall clock and the application's clock follow event time, so wall-clock
 * punctuations (throttled emits, the audit-index sweep) run as often as they would in production. The driver commits
 * after every record (live: every 100 ms), which is what limits its rate.
 *
 * <p>Prints progress at every tenth of the events and at the end: rate, heap live after a forced GC, peak heap,
 * peak RSS and the state directory per store. Last line:
 * {@code state_users=<U> state_tools=<T> live_heap_mib=<n> state_dir_mib=<n>}. What the driver captures of the
 * output and changelog topics is discarded as it goes (it would otherwise be held in memory: a harness effect).
 */
public final class StateBenchmark {
    static final Duration SPAN = Duration.ofDays(5);
    /** Progress lines: ten in a run. */
    private static final int REPORTS = 10;
    /**
     * The driver's wall clock moves in steps of this much event time: the shortest wall-clock punctuation interval
     * (governance's emit interval), so every punctuation still fires as often as live, without the driver's commit
     * of every store that each step costs for each event.
     */
    static final Duration WALL_CLOCK_STEP = GovernanceTopology.Settings.DEFAULT_EMIT_INTERVAL;
    /** Lines of the live heap's class histogram printed at the end. */
    private static final int HISTOGRAM_LINES = 15;
    /** How often the driver's captured output is dropped; it holds every produced record until read. */
    private static final int DRAIN_EVERY = 2_000;
    private static final double MIB = 1024.0 * 1024.0;

    private final StateBenchSettings settings;
    private final PrintStream out;
    private final Map<String, Long> outputCounts = new TreeMap<>();
    private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new HashMap<>();
    private final AtomicLong nowMs = new AtomicLong();
    /** Heap in use, sampled at every drain. */
    private long peakHeapUsed;

    private StateBenchmark(StateBenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        StateBenchSettings settings;
        try {
            settings = StateBenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(settings, System.out);
    }

    public static void run(StateBenchSettings settings, PrintStream out) throws IOException {
        new StateBenchmark(settings, out).run();
    }

    private void run() throws IOException {
        Path stateDir = Files.createTempDirectory("sightline-statebench-");
        String scope = "statebench-" + UUID.randomUUID();
        Instant start = Instant.now().minus(SPAN).truncatedTo(ChronoUnit.HOURS);
        nowMs.set(start.toEpochMilli());
        SightlineConfig config = SightlineConfig.loader().overrides(Map.of(
                ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), "unused:9092",
                ConfigKeys.SCHEMA_REGISTRY_URL.name(), MockSchemaRegistryClient.URL_PREFIX + scope,
                ConfigKeys.STATE_DIR.name(), stateDir.toString())).load();
        SchemaRegistryClient registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of());
        Clock clock = new FollowingClock(nowMs);
        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config));
        try (TopologyTestDriver driver = new TopologyTestDriver(SightlineTopology.build(config, registry,
                new SimpleMeterRegistry(), clock, ScannerSettings.from(config, true)), props, start)) {
            ReferenceData reference = SimulatedOrganisation.referenceData(new TrafficSimulator(
                    SimulationSettings.defaults().withSeed(settings.seed()).withUsers(settings.users())).users(), clock);
            if (reference.tools().size() < settings.tools()) {
                throw new IllegalArgumentException("the shipped catalog has " + reference.tools().size()
                        + " tools, fewer than --tools " + settings.tools());
            }
            List<AiTool> tools = reference.tools().subList(0, settings.tools());
            publish(driver, config, registry, reference, tools);
            out.printf(Locale.ROOT, "bench state: %d users x %d tools x %d uses = %d events over %d days of event "
                            + "time from %s, seed %d, RocksDB budget %d MiB, state dir %s%n", settings.users(),
                    settings.tools(), settings.usesPerPair(), settings.events(), SPAN.toDays(), start, settings.seed(),
                    config.get(ConfigKeys.STATE_MEMORY_MB).orElseThrow(), stateDir);
            report("reference data loaded", 0, 0, stateDir);
            feed(driver, config, registry, reference.identities(), tools, start, stateDir);
        } finally {
            PipelineBenchmark.deleteQuietly(stateDir);
            MockSchemaRegistryClient.dropScope(scope);
        }
    }

    private void publish(TopologyTestDriver driver, SightlineConfig config, SchemaRegistryClient registry,
                         ReferenceData reference, List<AiTool> tools) {
        pipe(driver, config, registry, Topic.REF_AI_TOOLS, AiTool.class, tools, AiTool::getId);
        pipe(driver, config, registry, Topic.REF_IDENTITIES, Identity.class, reference.identities(),
                Identity::getUserId);
        pipe(driver, config, registry, Topic.REF_DATA_ASSETS, DataAsset.class, reference.assets(), DataAsset::getId);
        pipe(driver, config, registry, Topic.REF_POLICIES, Policy.class, reference.policy().stream().toList(),
                Policy::getId);
    }

    private static <T extends SpecificRecord> void pipe(TopologyTestDriver driver, SightlineConfig config,
                                                        SchemaRegistryClient registry, Topic topic, Class<T> type,
                                                        List<T> records, Function<T, String> key) {
        TestInputTopic<String, T> input = driver.createInputTopic(config.topicName(topic), new StringSerializer(),
                SightlineAvroSerde.forValue(type, registry).serializer());
        records.forEach(record -> input.pipeInput(key.apply(record), record));
    }

    private void feed(TopologyTestDriver driver, SightlineConfig config, SchemaRegistryClient registry,
                      List<Identity> identities, List<AiTool> tools, Instant start, Path stateDir) {
        TestInputTopic<String, AiUsageEvent> enriched = driver.createInputTopic(
                config.topicName(Topic.AI_USAGE_ENRICHED), new StringSerializer(),
                SightlineAvroSerde.forValue(AiUsageEvent.class, registry).serializer());
        EnrichedUses uses = new EnrichedUses(identities, tools, settings.usesPerPair(), start, SPAN, settings.seed());
        long began = System.nanoTime();
        long fed = 0;
        long reportEvery = Math.max(1, uses.events() / REPORTS);
        while (uses.hasNext()) {
            EnrichedUses.Use use = uses.next();
            long eventMs = use.event().getEventTime().toEpochMilli();
            long behind = eventMs - nowMs.get();
            if (behind >= WALL_CLOCK_STEP.toMillis()) { // wall clock follows event time: punctuations as live
                nowMs.set(eventMs);
                driver.advanceWallClockTime(Duration.ofMillis(behind));
            }
            enriched.pipeInput(use.user(), use.event(), use.event().getEventTime());
            fed++;
            if (fed % DRAIN_EVERY == 0) {
                drain(driver);
            }
            if (fed % reportEvery == 0 && uses.hasNext()) {
                report("progress", fed, System.nanoTime() - began, stateDir);
            }
        }
        drain(driver);
        long elapsed = System.nanoTime() - began;
        out.printf(Locale.ROOT, "records produced (drained): %s%n", outputCounts);
        Result result = report("end", fed, elapsed, stateDir);
        Map<String, Long> stores = StoreSizes.of(stateDir);
        stores.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(store -> out.printf(Locale.ROOT, "  %-45s %10.1f MiB  %6.1f bytes/pair%n", store.getKey(),
                        store.getValue() / MIB, (double) store.getValue() / settings.pairs()));
        out.printf(Locale.ROOT, "per pair: state dir %.1f bytes, live heap %.1f bytes (whole JVM, incl. reference "
                + "data and the driver)%n", (double) result.stateBytes() / settings.pairs(),
                (double) result.liveHeap() / settings.pairs());
        out.printf("live heap by class (GC.class_histogram, top %d):%n%s", HISTOGRAM_LINES, classHistogram());
        out.printf(Locale.ROOT, "state_users=%d state_tools=%d live_heap_mib=%.0f state_dir_mib=%.0f%n",
                settings.users(), settings.tools(), result.liveHeap() / MIB, result.stateBytes() / MIB);
    }

    /** Reads (and forgets) what the driver captured of every produced topic, counting records per topic. */
    private void drain(TopologyTestDriver driver) {
        for (String topic : driver.producedTopicNames()) {
            TestOutputTopic<byte[], byte[]> output = outputs.computeIfAbsent(topic, name ->
                    driver.createOutputTopic(name, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
            long size = output.getQueueSize();
            for (long i = 0; i < size; i++) {
                output.readRecord();
            }
            outputCounts.merge(topic, size, Long::sum);
        }
        peakHeapUsed = Math.max(peakHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** The first lines of the JVM's class histogram of live objects (it collects first), as jcmd prints it. */
    private static String classHistogram() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return text.toString().lines().limit(HISTOGRAM_LINES + 3L).map(line -> "  " + line + "\n")
                    .reduce("", String::concat);
        } catch (JMException e) {
            return "  (no histogram: " + e.getMessage() + ")\n";
        }
    }

    record Result(long liveHeap, long stateBytes) {
    }

    private Result report(String what, long fed, long elapsedNanos, Path stateDir) {
        long live = ResourceMeter.liveHeapAfterGc();
        long state = StoreSizes.total(StoreSizes.of(stateDir));
        long rss = ResourceMeter.peakRss(Path.of("/proc/self/status")).orElse(-1L);
        out.printf(Locale.ROOT, "%s: %d events (%.1f %%) in %.0f s = %.0f events/s; live heap after GC %.0f MiB, "
                        + "peak heap used %.0f MiB, peak RSS %.0f MiB, state dir %.1f MiB%n", what, fed,
                100.0 * fed / settings.events(), elapsedNanos / 1e9, fed / Math.max(elapsedNanos / 1e9, 1e-9),
                live / MIB, Math.max(peakHeapUsed, live) / MIB, rss / MIB, state / MIB);
        return new Result(live, state);
    }

    /** The application's clock: event time, as the harness advances it (a live deployment lags it by seconds). */
    private static final class FollowingClock extends Clock {
        private final AtomicLong millis;

        FollowingClock(AtomicLong millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
