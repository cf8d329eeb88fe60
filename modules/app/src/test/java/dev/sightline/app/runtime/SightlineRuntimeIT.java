package dev.sightline.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.app.EmbeddedSettings;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.Topic;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroDeserializer;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real broker: raw Squid lines produced to raw.proxy.squid come out of the running stream application
 * as Avro events on events.ai-usage and, for the unreadable one, as a dead letter; /health and /metrics answer.
 */
@RealKafka
class SightlineRuntimeIT {
    private static final List<String> SQUID_LINES = List.of(
            "1795805792.485     39 127.0.0.1 TCP_MISS/200 370 GET http://www.example.com/ alice HIER_DIRECT/127.0.0.1 application/json",
            "1795805793.105    112 127.0.0.1 TCP_MISS/200 1904 POST http://chatgpt.com/backend-api/conversation bob HIER_DIRECT/127.0.0.1 application/json",
            "1795805794.310      0 127.0.0.1 TCP_DENIED/403 3901 CONNECT chat.deepseek.com:443 carol HIER_NONE/- text/html");
    private static final String GARBAGE = "GET / HTTP/1.1 this is no log line";

    private final String registryScope = "runtime-it-" + UUID.randomUUID();
    private SightlineRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        MockSchemaRegistryClient.dropScope(registryScope);
    }

    @Test
    void rawRecordsFlowThroughTheRunningApplication(KafkaBroker broker, @TempDir Path stateDir) throws Exception {
        SightlineConfig config = EmbeddedSettings.load(EmbeddedSettings.onSharedBroker(broker, registryScope,
                stateDir));
        runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.EMBEDDED);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> runtime.application().state() == KafkaStreams.State.RUNNING);

        String rawTopic = config.topicName(Topic.RAW_PROXY_SQUID);
        for (String line : SQUID_LINES) {
            broker.produce(rawTopic, null, line.getBytes(StandardCharsets.UTF_8));
        }
        broker.produce(rawTopic, null, GARBAGE.getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, AiUsageEvent>> events = consume(broker, config.topicName(Topic.AI_USAGE),
                AiUsageEvent.class, SQUID_LINES.size());
        assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(events).extracting(r -> r.value().getHost())
                .containsExactlyInAnyOrder("www.example.com", "chatgpt.com", "chat.deepseek.com");

        List<ConsumerRecord<String, DeadLetter>> letters = consume(broker, config.topicName(Topic.DEAD_LETTER),
                DeadLetter.class, 1);
        DeadLetter letter = letters.get(0).value();
        assertThat(letter.getSource().getTopic()).isEqualTo(rawTopic);
        assertThat(letter.getSource().getOffset()).isNotNull();
        assertThat(letter.getReason()).isNotBlank();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(runtime.httpUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\" : \"UP\"", "\"streams\" : \"RUNNING\"");

        String metrics = http.send(HttpRequest.newBuilder(URI.create(runtime.httpUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("kafka_stream_thread_", "jvm_memory_used_bytes", "sightline_build_info{");
        assertThat(metrics).containsPattern("sightline_ingest_records_total\\{[^}]*format=\"squid\"[^}]*outcome=\"parsed\"[^}]*} 3\\.0");
        assertThat(metrics).containsPattern("sightline_dead_letters_total\\{[^}]*format=\"squid\"[^}]*} 1\\.0");
    }

    private <T extends org.apache.avro.specific.SpecificRecord> List<ConsumerRecord<String, T>> consume(
            KafkaBroker broker, String topic, Class<T> type, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var registry = SchemaRegistryClients.create("mock://" + registryScope, Map.of());
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new SightlineAvroDeserializer<>(registry, type))) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        assertThat(records).hasSize(count);
        return records;
    }
}
