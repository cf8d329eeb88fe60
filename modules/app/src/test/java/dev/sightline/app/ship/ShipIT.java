package dev.sightline.app.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.app.cli.SightlineCommand;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.Parsers;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.Topic;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroDeserializer;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * On a real broker: {@code sightline ship} feeds the running pipeline, resumes without loss or duplicates, survives a
 * crash between the broker's acknowledgement and the position write, and follows a growing, rotated and truncated file.
 */
@RealKafka
class ShipIT {
    private static final Path SQUID_LOG = Path.of("../../../shared/data/squid/access.log");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String registryScope = "ship-it-" + UUID.randomUUID();
    private SightlineRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        MockSchemaRegistryClient.dropScope(registryScope);
    }

    @Test
    void shipFeedsThePipelineAndAResumedShipmentAddsOnlyTheNewLines(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("sightline.properties"), String.join("\n",
                ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name() + "=" + broker.bootstrapServers(),
                ConfigKeys.TOPIC_PREFIX.name() + "=" + broker.topicPrefix(),
                ConfigKeys.APPLICATION_ID.name() + "=" + broker.applicationId(),
                ConfigKeys.TOPIC_PARTITIONS.name() + "=2",
                ConfigKeys.SCHEMA_REGISTRY_URL.name() + "=mock://" + registryScope,
                ConfigKeys.STATE_DIR.name() + "=" + dir.resolve("state"),
                ConfigKeys.HTTP_PORT.name() + "=0"));
        SightlineConfig sightline = SightlineConfig.loader().environment(Map.of()).file(config).load();
        runtime = SightlineRuntime.start(sightline, SightlineRuntime.Mode.EMBEDDED);
        Awaitility.await().atMost(TIMEOUT).until(() -> runtime.application().state() == KafkaStreams.State.RUNNING);

        List<String> squid = Files.readAllLines(SQUID_LOG);
        List<String> firstPart = withGarbage(squid.subList(0, 120), "garbage one", "GET / HTTP/1.1 not a log line");
        List<String> secondPart = withGarbage(squid.subList(120, squid.size()), "garbage three");
        Path log = dir.resolve("access.log");
        Files.write(log, firstPart);
        Path positions = dir.resolve("squid.position");
        String[] ship = {"ship", "--config", config.toString(), "--format", "squid", "--topic", "raw.proxy.squid",
                "--position-file", positions.toString(), "--source-id", "proxy-1", log.toString()};

        StringWriter err = new StringWriter();
        assertThat(execute(err, ship)).as(err::toString).isZero();
        assertThat(err.toString()).contains("sent " + firstPart.size() + " lines");

        Files.write(log, secondPart, StandardOpenOption.APPEND);
        err.getBuffer().setLength(0);
        assertThat(execute(err, ship)).as(err::toString).isZero();
        assertThat(err.toString()).contains("resuming at byte", "sent " + secondPart.size() + " lines");

        List<String> all = new ArrayList<>(firstPart);
        all.addAll(secondPart);
        String rawTopic = sightline.topicName(Topic.RAW_PROXY_SQUID);
        List<ConsumerRecord<byte[], byte[]>> raw = readToEnd(broker, rawTopic, new ByteArrayDeserializer());
        assertLinesShippedOnceInOrder(raw, all);
        assertThat(raw).allSatisfy(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("proxy-1");
            assertThat(ShipHeaders.read(record.headers(), ShipHeaders.FORMAT)).contains("squid");
            assertThat(ShipHeaders.read(record.headers(), ShipHeaders.FILE)).contains(log.toAbsolutePath().normalize().toString());
        });

        long parsedLines = expectedOutcomes(all, ParseOutcome.Parsed.class);
        long rejectedLines = expectedOutcomes(all, ParseOutcome.Rejected.class);
        assertThat(rejectedLines).isEqualTo(3);
        List<ConsumerRecord<String, AiUsageEvent>> events = consumeExactly(broker, sightline.topicName(Topic.AI_USAGE),
                AiUsageEvent.class, parsedLines);
        assertThat(events).extracting(r -> r.value().getHost()).contains("www.example.com");
        List<ConsumerRecord<String, DeadLetter>> letters = consumeExactly(broker, sightline.topicName(Topic.DEAD_LETTER),
                DeadLetter.class, rejectedLines);
        assertThat(letters).allSatisfy(letter -> assertThat(letter.value().getSource().getTopic()).isEqualTo(rawTopic));

        err.getBuffer().setLength(0);
        assertThat(execute(err, ship)).isZero();
        assertThat(err.toString()).contains("sent 0 lines");
        assertThat(readToEnd(broker, rawTopic, new ByteArrayDeserializer())).hasSize(all.size());
    }

    @Test
    void aMissingTopicIsAUsageError(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), "line\n");
        StringWriter err = new StringWriter();
        assertThat(execute(err, "ship", "--bootstrap-servers", broker.bootstrapServers(), "--format", "squid",
                "--topic", "raw.proxy.nowhere-" + UUID.randomUUID(), log.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void aCrashBetweenFlushAndPositionWriteNeitherLosesNorDuplicates(KafkaBroker broker, @TempDir Path dir) throws Exception {
        broker.createTopics(2);
        String topic = broker.topic(Topic.RAW_PROXY_SQUID);
        List<String> lines = Files.readAllLines(SQUID_LOG);
        Path log = Files.write(dir.resolve("access.log"), lines);
        Path positionPath = dir.resolve("pos.json");
        ShipSettings settings = ShipSettings.of(topic, "squid").withCommitLines(50).withCommitInterval(Duration.ofHours(1));

        AtomicInteger flushes = new AtomicInteger();
        assertThatThrownBy(() -> ship(broker, settings, positionPath, log, shipper -> shipper.afterFlush(() -> {
            if (flushes.incrementAndGet() == 2) {
                throw new SimulatedCrash(); // lines 51..100 are acknowledged, the position still says 50
            }
        }))).isInstanceOf(SimulatedCrash.class);
        PositionFile.Entry stale = PositionFile.open(positionPath).get(log.toAbsolutePath().normalize().toString()).orElseThrow();
        assertThat(stale.line()).isEqualTo(50);
        assertThat(readToEnd(broker, topic, new ByteArrayDeserializer())).hasSize(100);

        List<FileStatus> resumed = ship(broker, settings, positionPath, log, shipper -> { });
        assertThat(resumed.get(0).recovered()).isEqualTo(50);
        assertThat(resumed.get(0).linesSent()).isEqualTo(lines.size() - 100);
        assertThat(resumed.get(0).resumedAt()).isEqualTo(stale.offset());

        assertLinesShippedOnceInOrder(readToEnd(broker, topic, new ByteArrayDeserializer()), lines);
        PositionFile.Entry done = PositionFile.open(positionPath).get(log.toAbsolutePath().normalize().toString()).orElseThrow();
        assertThat(done.offset()).isEqualTo(Files.size(log));
        assertThat(done.linesSent()).isEqualTo(lines.size());
    }

    @Test
    void followShipsGrowthRotationAndTruncation(KafkaBroker broker, @TempDir Path dir) throws Exception {
        broker.createTopics();
        String topic = broker.topic(Topic.RAW_PROXY_SQUID);
        Path log = Files.writeString(dir.resolve("access.log"), "a1\na2\n");
        ShipSettings settings = ShipSettings.of(topic, "squid").withFollow(true).withPollInterval(Duration.ofMillis(20));
        try (var producer = ShipProducers.producer(Map.of("bootstrap.servers", broker.bootstrapServers()), 5, 16384);
             var consumer = ShipProducers.consumer(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Shipper shipper = new Shipper(settings, producer, consumer, PositionFile.open(dir.resolve("pos.json")),
                    ShipListener.SILENT, Clock.systemUTC());
            CompletableFuture<List<FileStatus>> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return shipper.ship(List.of(new ShipInput.File(log)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitValues(broker, topic, "a1", "a2");

            Files.writeString(log, "a3\na4-unfinish", StandardOpenOption.APPEND);
            awaitValues(broker, topic, "a1", "a2", "a3");
            Files.writeString(log, "ed\n", StandardOpenOption.APPEND);
            awaitValues(broker, topic, "a1", "a2", "a3", "a4-unfinished");

            // rotation: the writer appends a last line to the old file, then a new file takes the name
            Files.move(log, dir.resolve("access.log.1"), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve("access.log.1"), "a5\n", StandardOpenOption.APPEND);
            Files.writeString(log, "b1\n");
            awaitValues(broker, topic, "a1", "a2", "a3", "a4-unfinished", "a5", "b1");

            // copytruncate: the file is emptied in place and written again
            Files.writeString(log, "", StandardOpenOption.TRUNCATE_EXISTING);
            Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true); // let the shipper see it shrink
            Files.writeString(log, "c1\n", StandardOpenOption.APPEND);
            awaitValues(broker, topic, "a1", "a2", "a3", "a4-unfinished", "a5", "b1", "c1");

            shipper.stop();
            List<FileStatus> result = running.get(30, TimeUnit.SECONDS);
            assertThat(result.get(0).linesSent()).isEqualTo(7);
        }
    }

    private static void awaitValues(KafkaBroker broker, String topic, String... values) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(readToEnd(broker, topic, new ByteArrayDeserializer()))
                        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly(values));
    }

    private interface Setup {
        void apply(Shipper shipper);
    }

    private static List<FileStatus> ship(KafkaBroker broker, ShipSettings settings, Path positions, Path log,
                                         Setup setup) throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
        try (var producer = ShipProducers.producer(client, 5, 16384); var consumer = ShipProducers.consumer(client)) {
            Shipper shipper = new Shipper(settings, producer, consumer, PositionFile.open(positions), ShipListener.SILENT,
                    Clock.systemUTC());
            setup.apply(shipper);
            return shipper.ship(List.of(new ShipInput.File(log)));
        }
    }

    /** Every line exactly once, with its number in the header; per partition in line order. */
    private static void assertLinesShippedOnceInOrder(List<ConsumerRecord<byte[], byte[]>> records, List<String> lines) {
        List<String> byLine = new ArrayList<>(Collections.nCopies(lines.size(), (String) null));
        for (ConsumerRecord<byte[], byte[]> record : records) {
            int line = Integer.parseInt(ShipHeaders.read(record.headers(), ShipHeaders.LINE).orElseThrow());
            assertThat(byLine.get(line - 1)).as("line %d shipped twice", line).isNull();
            byLine.set(line - 1, new String(record.value(), StandardCharsets.UTF_8));
        }
        assertThat(byLine).isEqualTo(lines);
        records.stream().collect(Collectors.groupingBy(ConsumerRecord::partition)).values()
                .forEach(partition -> assertThat(partition).extracting(r -> Integer.parseInt(
                        ShipHeaders.read(r.headers(), ShipHeaders.LINE).orElseThrow())).isSorted());
        assertThat(records).extracting(r -> ShipHeaders.read(r.headers(), ShipHeaders.SHIP_ID).orElseThrow())
                .as("one shipment of one file").containsOnly(
                        ShipHeaders.read(records.get(0).headers(), ShipHeaders.SHIP_ID).orElseThrow());
    }

    private static List<String> withGarbage(List<String> lines, String... garbage) {
        List<String> mixed = new ArrayList<>(lines);
        for (int i = 0; i < garbage.length; i++) {
            mixed.add(Math.min(mixed.size(), 7 + 31 * i), garbage[i]);
        }
        return mixed;
    }

    /** What the normalize stage will make of the lines, from the same parser, so the test hard-codes no counts. */
    private static long expectedOutcomes(List<String> lines, Class<? extends ParseOutcome> kind) {
        RecordParser parser = Parsers.create("squid", ParserOptions.defaults());
        SourceCoordinates source = SourceCoordinates.newBuilder().setFormat("squid").build();
        return lines.stream()
                .flatMap(line -> parser.parse(new RawRecord(line.getBytes(StandardCharsets.UTF_8), source, Instant.now())).stream())
                .filter(kind::isInstance).count();
    }

    private static int execute(StringWriter err, String... args) {
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Reads every partition of the topic from its beginning to its current end. */
    private static <V> List<ConsumerRecord<byte[], V>> readToEnd(KafkaBroker broker, String topic, Deserializer<V> values) {
        try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    /** Waits for {@code count} records, then a little longer to see that no more (duplicates) follow. */
    private <T extends SpecificRecord> List<ConsumerRecord<String, T>> consumeExactly(KafkaBroker broker, String topic,
                                                                                  Class<T> type, long count) {
        var registry = SchemaRegistryClients.create("mock://" + registryScope, Map.of());
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ship-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new SightlineAvroDeserializer<>(registry, type))) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            long quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < quietUntil) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).hasSize((int) count);
        return records;
    }

    private static final class SimulatedCrash extends RuntimeException {
    }
}
