package dev.sightline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.app.EmbeddedSettings;
import dev.sightline.app.reference.DemoReferenceData;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.SightlineConfig;
import dev.sightline.embedded.EmbeddedKafka;
import dev.sightline.model.Alert;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Topic;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults around the running application: the broker stops and comes back on the same address and data while records
 * flow; a new instance starts with its state directory wiped and rebuilds its state from the changelogs.
 */
class BrokerRestartIT {
    /** Aligned to the 30-minute counting window of blocked-attempts in the example policy. */
    private static final long WINDOW_START = 1_795_804_200L;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final String scope = "restart-it-" + UUID.randomUUID();
    private EmbeddedKafka broker;
    private SightlineRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (broker != null) {
            broker.close();
        }
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void processingResumesByItselfAfterTheBrokerRestartsAndNothingIsLost(@TempDir Path kafkaDir, @TempDir Path stateDir)
            throws Exception {
        int[] ports = freePorts();
        EmbeddedKafka.Builder brokerBuilder = EmbeddedKafka.builder().brokerPort(ports[0]).controllerPort(ports[1])
                .directory(kafkaDir);
        broker = brokerBuilder.start();
        SightlineConfig config = config(broker.bootstrapServers(), stateDir);
        runtime = started(config);
        String raw = config.topicName(Topic.RAW_PROXY_SQUID);
        int total = 400;
        // records flow all along; while the broker is away, send() waits for it (max.block.ms) and nothing is dropped
        CompletableFuture<Void> flow = CompletableFuture.runAsync(() -> {
            try (KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
                for (int i = 0; i < total; i++) {
                    producer.send(new ProducerRecord<>(raw, line(i, "user" + i % 7, 200)));
                    sleep(15);
                }
            }
        });
        awaitEvents(config, total / 4);
        broker.close();
        sleep(3_000);
        broker = brokerBuilder.start();
        flow.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        List<String> enriched = awaitEnriched(config, total);
        assertThat(enriched).hasSize(total).doesNotHaveDuplicates();
        assertThat(runtime.application().state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        System.out.printf("broker restart: %d records, broker down 3 s, %d enriched, lost 0, duplicated 0%n",
                total, enriched.size());
    }

    @Test
    void aNewInstanceWithItsStateDirectoryWipedRestoresItsStateFromTheChangelogs(@TempDir Path stateDir) throws Exception {
        broker = EmbeddedKafka.start();
        SightlineConfig config = config(broker.bootstrapServers(), stateDir);
        DemoReferenceData.tables(List.of(), Clock.systemUTC()).publish(config);
        String raw = config.topicName(Topic.RAW_PROXY_SQUID);
        runtime = started(config);
        // 3 blocked attempts: below the threshold of 5, so only the instance's counter state knows of them
        try (KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
            IntStream.range(0, 3).forEach(i -> producer.send(new ProducerRecord<>(raw, line(i, "mallory", 403))));
        }
        awaitEnriched(config, 3);
        sleep(1_000); // let the last commit land
        runtime.close();
        runtime = null;
        wipe(stateDir);

        runtime = started(config);
        try (KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
            IntStream.range(3, 5).forEach(i -> producer.send(new ProducerRecord<>(raw, line(i, "mallory", 403))));
        }
        SchemaRegistryClient registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of());
        Alert alert = Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                TopicReader.readAll(client(), config.topicName(Topic.ALERTS), registry, Alert.class).stream()
                        .filter(a -> a.getRuleId().equals("blocked-attempts")).findFirst().orElse(null),
                found -> found != null);
        // the fifth attempt raises it only if the restored counter remembers the three made before the wipe
        assertThat(alert.getDescription()).as("3 attempts before the wipe + 2 after").contains("made 5 requests");
    }

    private SightlineRuntime started(SightlineConfig config) {
        SightlineRuntime started = SightlineRuntime.start(config, SightlineRuntime.Mode.EMBEDDED);
        Awaitility.await().atMost(WAIT).until(() -> started.application().state() == KafkaStreams.State.RUNNING);
        return started;
    }

    private SightlineConfig config(String bootstrap, Path stateDir) {
        return EmbeddedSettings.load(EmbeddedSettings.of(bootstrap, "mock://" + scope, stateDir,
                EmbeddedSettings.PARTITIONS));
    }

    private Map<String, Object> client() {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    private void awaitEvents(SightlineConfig config, int count) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> TopicReader.readRaw(client(), config.topicName(Topic.AI_USAGE)).size() >= count);
    }

    private List<String> awaitEnriched(SightlineConfig config, int count) {
        SchemaRegistryClient registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of());
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() ->
                TopicReader.readAll(client(), config.topicName(Topic.AI_USAGE_ENRICHED), registry, AiUsageEvent.class)
                        .stream().map(AiUsageEvent::getEventId).toList(), ids -> ids.size() >= count);
    }

    /** A native Squid access-log line; status 403 is a request the proxy blocked. */
    private static byte[] line(int i, String user, int status) {
        String host = status == 403 ? "chat.deepseek.com" : "chatgpt.com";
        String code = status == 403 ? "TCP_DENIED" : "TCP_MISS";
        return ((WINDOW_START + i * 10L) + ".000     12 10.0.0." + (i % 250 + 1) + " " + code + "/" + status
                + " 900 POST https://" + host + "/api/chat/" + i + " " + user + " HIER_DIRECT/10.1.1.1 application/json")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static void wipe(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(directory)).forEach(p -> p.toFile().delete());
        }
        assertThat(directory).isEmptyDirectory();
    }
}
