package dev.sightline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.app.EmbeddedSettings;
import dev.sightline.app.reference.DemoReferenceData;
import dev.sightline.app.reference.ReferenceTables;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.Alert;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.StreamsApplication;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.simulator.SimulatedRecord;
import dev.sightline.simulator.SimulationSettings;
import dev.sightline.simulator.TrafficSimulator;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import dev.sightline.testkit.SchemaRegistryServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream application in a JVM of its own is killed with SIGKILL in the middle of a run and started again on the
 * same state directory. Read with read_committed, the output topics then hold exactly the events, enriched events and
 * dead letters of one uninterrupted run over the same input (computed with TopologyTestDriver), and the same alerts
 * (see {@link #assertAlertsMatch}): no record lost, none duplicated.
 */
@RealKafka
class CrashRecoveryIT {
    /** Simulated records: enough that the kill lands while the application is busy. */
    static final int RECORDS = 1500;
    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    static final List<String> GARBAGE = List.of("not a squid line", "", "\u0000\u0000\u0000", "1795805792.485 x y");
    /** Records on an Avro topic that no Avro reader accepts: wrong magic byte, unknown schema id, too short. */
    static final List<byte[]> HOSTILE_AVRO = List.of(new byte[] {1, 0, 0, 0, 1, 42}, new byte[] {0, 0, 0x0f, 0x42, 0x3f, 1},
            new byte[] {0, 7});
    static final String SCANNER_KEY = "crash-test-scanner-key-0123456789";

    private final SchemaRegistryServer registryServer = new SchemaRegistryServer();

    @AfterEach
    void stopRegistry() {
        registryServer.close();
    }

    @Test
    void aKilledApplicationResumesWithoutLosingOrDuplicatingRecords(KafkaBroker broker, @TempDir Path stateDir,
                                                                   @TempDir Path logs, @TempDir Path expectedStateDir)
            throws Exception {
        Map<String, String> overrides = settings(broker.bootstrapServers(), broker.topicPrefix(), stateDir);
        SightlineConfig config = EmbeddedSettings.load(overrides);
        broker.createTopics(1);
        TrafficSimulator simulator = simulator();
        ReferenceTables reference = DemoReferenceData.tables(simulator.users(), Clock.fixed(START, ZoneOffset.UTC));
        reference.publish(config);
        List<ProducerRecord<byte[], byte[]>> input = input(config, simulator);
        produce(broker.bootstrapServers(), input);

        Path log = logs.resolve("child.log");
        int killedAt;
        try (ChildProcess first = ChildProcess.start(overrides, log)) {
            String events = config.topicName(Topic.AI_USAGE);
            // kill once a fair part, but not all, is done: the restart must pick up in the middle
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> TopicReader.readRaw(client(broker), events).size() >= RECORDS / 30);
            first.kill();
            killedAt = TopicReader.readRaw(client(broker), events).size();
        }
        try (ChildProcess second = ChildProcess.start(overrides, log)) {
            Expected expected = Expected.of(config, reference, input, expectedStateDir);
            SchemaRegistryClient registry = registry(config);
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    TopicReader.readRaw(client(broker), config.topicName(Topic.AI_USAGE_ENRICHED)).size()
                            >= expected.enriched.size() + HOSTILE_AVRO.size()
                    && TopicReader.readRaw(client(broker), config.topicName(Topic.DEAD_LETTER)).size()
                            >= expected.deadLetters.size());
            // alerts come last in the chain: wait until every alert of the reference run is there
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(alerts(TopicReader.readAll(client(broker), config.topicName(Topic.ALERTS), registry,
                            Alert.class))).extracting(AlertRecord::alertId).containsAll(expected.alertIds()));
            List<AlertRecord> alerts = alerts(TopicReader.readAll(client(broker), config.topicName(Topic.ALERTS), registry,
                    Alert.class));
            assertAlertsMatch(alerts, expected.alerts);
            assertThat(eventIds(TopicReader.readAll(client(broker), config.topicName(Topic.AI_USAGE), registry,
                    AiUsageEvent.class))).containsExactlyInAnyOrderElementsOf(expected.events);
            assertThat(eventIds(TopicReader.readAll(client(broker), config.topicName(Topic.AI_USAGE_ENRICHED), registry,
                    AiUsageEvent.class, value -> HOSTILE_AVRO.stream().noneMatch(h -> Arrays.equals(h, value)))))
                    .containsExactlyInAnyOrderElementsOf(expected.enriched);
            assertThat(deadLetters(TopicReader.readAll(client(broker), config.topicName(Topic.DEAD_LETTER), registry,
                    DeadLetter.class))).containsExactlyInAnyOrderElementsOf(expected.deadLetters);
            for (Topic siem : List.of(Topic.ALERTS_OCSF, Topic.ALERTS_ECS, Topic.ALERTS_CEF)) {
                assertThat(TopicReader.readRaw(client(broker), config.topicName(siem))).hasSize(alerts.size());
            }
            System.out.printf("crash test: %d input records (%d raw, %d hostile Avro), killed after %d events, "
                            + "%d events, %d alerts, %d dead letters, lost 0, duplicated 0%n", input.size(),
                    input.size() - HOSTILE_AVRO.size(), HOSTILE_AVRO.size(), killedAt, expected.events.size(),
                    alerts.size(), expected.deadLetters.size());
        }
        assertThat(Files.readString(log)).contains("unreadable record");
    }

    /** The application's settings, for this JVM and for the child processes alike. */
    private Map<String, String> settings(String bootstrap, String prefix, Path stateDir) {
        // one partition per topic: the whole run has one order, so an uninterrupted reference run is comparable
        Map<String, String> settings = EmbeddedSettings.of(bootstrap, registryServer.url(), stateDir, 1);
        settings.put(ConfigKeys.TOPIC_PREFIX.name(), prefix);
        // internal topics are named after the application id: tests sharing the broker need their own
        settings.put(ConfigKeys.APPLICATION_ID.name(), prefix.replaceAll("\\.$", "") + "-v1");
        settings.put(ConfigKeys.SCANNER_HMAC_KEY.name(), SCANNER_KEY);
        return settings;
    }

    static TrafficSimulator simulator() {
        return new TrafficSimulator(SimulationSettings.defaults().withSeed(8).onlyFormat("squid").withClock(START, 5));
    }

    /** Simulated Squid lines with garbage lines and hostile Avro records mixed in, in production order. */
    static List<ProducerRecord<byte[], byte[]>> input(SightlineConfig config, TrafficSimulator simulator) {
        List<ProducerRecord<byte[], byte[]>> input = new ArrayList<>();
        String squid = config.topicName(Topic.RAW_PROXY_SQUID);
        List<SimulatedRecord> records = simulator.stream().limit(RECORDS).toList();
        for (int i = 0; i < records.size(); i++) {
            SimulatedRecord record = records.get(i);
            long timestamp = record.eventTime().toEpochMilli();
            input.add(new ProducerRecord<>(config.topicName(record.topic()), null, timestamp, record.key(), record.value()));
            if (i % (RECORDS / GARBAGE.size()) == 7) {
                input.add(new ProducerRecord<>(squid, null, timestamp, null,
                        GARBAGE.get(i / (RECORDS / GARBAGE.size())).getBytes(StandardCharsets.UTF_8)));
            }
            if (i % (RECORDS / HOSTILE_AVRO.size()) == 11) {
                // on the first Avro topic the application reads (normalize and enrich read raw bytes)
                input.add(new ProducerRecord<>(config.topicName(Topic.AI_USAGE_ENRICHED), null, timestamp,
                        "hostile".getBytes(StandardCharsets.UTF_8), HOSTILE_AVRO.get(i / (RECORDS / HOSTILE_AVRO.size()))));
            }
        }
        return input;
    }

    static void produce(String bootstrap, List<ProducerRecord<byte[], byte[]>> input) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : input) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    static Map<String, Object> client(KafkaBroker broker) {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    static SchemaRegistryClient registry(SightlineConfig config) {
        return SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of());
    }

    /** What identifies an alert record: a replayed write would repeat one of these. */
    record AlertRecord(String alertId, String status, long eventCount, String severity) {
    }

    /** A dead letter without its offsets (hostile records sit at different offsets in the reference run). */
    record DeadLetterRecord(String stage, String reasonCode, String rawSha256) {
    }

    static List<AlertRecord> alerts(List<Alert> alerts) {
        return alerts.stream().map(a -> new AlertRecord(a.getAlertId(), a.getStatus().name(), a.getEventCount(),
                String.valueOf(a.getSeverity()))).toList();
    }

    static List<String> eventIds(List<AiUsageEvent> events) {
        return events.stream().map(AiUsageEvent::getEventId).toList();
    }

    static List<DeadLetterRecord> deadLetters(List<DeadLetter> letters) {
        return letters.stream().map(d -> new DeadLetterRecord(d.getStage(), d.getReasonCode(), d.getRawSha256())).toList();
    }

    /**
     * Alerts are throttled: an update may be held and written later by a stream-time punctuation, whose schedule
     * starts again with the restarted instance, so the updates written between NEW and the latest may differ from an
     * uninterrupted run. What must hold: the same alerts, each NEW exactly once, no record written twice, and no
     * alert counting fewer events than in the uninterrupted run.
     */
    static void assertAlertsMatch(List<AlertRecord> actual, List<AlertRecord> reference) {
        assertThat(actual).as("no alert record written twice").doesNotHaveDuplicates();
        assertThat(actual.stream().map(AlertRecord::alertId).distinct())
                .containsExactlyInAnyOrderElementsOf(reference.stream().map(AlertRecord::alertId).distinct().toList());
        Map<String, Long> news = actual.stream().filter(a -> a.status().equals("NEW"))
                .collect(Collectors.groupingBy(AlertRecord::alertId, Collectors.counting()));
        assertThat(news).as("one NEW per alert").allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
        Map<String, Long> actualMax = maxEventCount(actual);
        maxEventCount(reference).forEach((id, count) ->
                assertThat(actualMax.get(id)).as("events counted by %s", id).isGreaterThanOrEqualTo(count));
    }

    private static Map<String, Long> maxEventCount(List<AlertRecord> alerts) {
        return alerts.stream().collect(Collectors.toMap(AlertRecord::alertId, AlertRecord::eventCount, Math::max));
    }

    /** The output of one uninterrupted run over the same input, from TopologyTestDriver. */
    record Expected(List<String> events, List<String> enriched, List<AlertRecord> alerts,
                    List<DeadLetterRecord> deadLetters) {

        List<String> alertIds() {
            return alerts.stream().map(AlertRecord::alertId).distinct().toList();
        }

        static Expected of(SightlineConfig clusterConfig, ReferenceTables reference,
                           List<ProducerRecord<byte[], byte[]>> input, Path stateDir) {
            Map<String, String> overrides = new HashMap<>();
            overrides.put(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), "unused:9092");
            overrides.put(ConfigKeys.TOPIC_PREFIX.name(), clusterConfig.topicPrefix());
            overrides.put(ConfigKeys.SCHEMA_REGISTRY_URL.name(), clusterConfig.schemaRegistryUrl());
            overrides.put(ConfigKeys.SCANNER_HMAC_KEY.name(), SCANNER_KEY);
            // the test driver loses handler dead letters in a transaction; the reference needs no transactions
            overrides.put(ConfigKeys.PROCESSING_GUARANTEE.name(), "at_least_once");
            // a directory of its own: the default one is shared with every other test driver on the machine, and
            // RocksDB's lock on it failed this test when another build ran at the same time
            overrides.put(ConfigKeys.STATE_DIR.name(), stateDir.toString());
            SightlineConfig config = SightlineConfig.loader().environment(Map.of()).overrides(overrides).load();
            SchemaRegistryClient registry = registry(config);
            Properties props = new Properties();
            props.putAll(StreamsApplication.streamsProperties(config));
            try (TopologyTestDriver driver = new TopologyTestDriver(SightlineTopology.build(config, registry,
                    new SimpleMeterRegistry(), Clock.systemUTC(), ScannerSettings.from(config, false)), props, START)) {
                pipeTable(driver, config, Topic.REF_AI_TOOLS, reference.tools(), dev.sightline.model.AiTool::getId, registry);
                pipeTable(driver, config, Topic.REF_IDENTITIES, reference.identities(),
                        dev.sightline.model.Identity::getUserId, registry);
                pipeTable(driver, config, Topic.REF_DATA_ASSETS, reference.assets(), dev.sightline.model.DataAsset::getId,
                        registry);
                reference.policy().ifPresent(p -> pipeTable(driver, config, Topic.REF_POLICIES, List.of(p),
                        dev.sightline.model.Policy::getId, registry));
                Map<String, TestInputTopic<byte[], byte[]>> topics = new HashMap<>();
                for (ProducerRecord<byte[], byte[]> record : input) {
                    topics.computeIfAbsent(record.topic(), t -> driver.createInputTopic(t, new ByteArraySerializer(),
                            new ByteArraySerializer())).pipeInput(record.key(), record.value(),
                            Instant.ofEpochMilli(record.timestamp()));
                }
                return new Expected(
                        eventIds(read(driver, config, Topic.AI_USAGE, AiUsageEvent.class, registry)),
                        eventIds(read(driver, config, Topic.AI_USAGE_ENRICHED, AiUsageEvent.class, registry)),
                        CrashRecoveryIT.alerts(read(driver, config, Topic.ALERTS, Alert.class, registry)),
                        CrashRecoveryIT.deadLetters(read(driver, config, Topic.DEAD_LETTER, DeadLetter.class, registry)));
            }
        }

        private static <T extends org.apache.avro.specific.SpecificRecord> void pipeTable(
                TopologyTestDriver driver, SightlineConfig config, Topic topic, List<T> records, Function<T, String> key,
                SchemaRegistryClient registry) {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) topic.valueType();
            var serializer = SightlineAvroSerde.forValue(type, registry).serializer();
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(config.topicName(topic), new ByteArraySerializer(),
                    new ByteArraySerializer());
            for (T record : records) {
                in.pipeInput(key.apply(record).getBytes(StandardCharsets.UTF_8),
                        serializer.serialize(config.topicName(topic), record), START);
            }
        }

        private static <T extends org.apache.avro.specific.SpecificRecord> List<T> read(
                TopologyTestDriver driver, SightlineConfig config, Topic topic, Class<T> type, SchemaRegistryClient registry) {
            return driver.createOutputTopic(config.topicName(topic), new StringDeserializer(),
                    SightlineAvroSerde.forValue(type, registry).deserializer()).readValuesToList();
        }
    }
}
