package dev.sightline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.app.EmbeddedSettings;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.SightlineConfig;
import dev.sightline.embedded.EmbeddedKafka;
import dev.sightline.embedded.SaslSsl;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Topic;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole application talks to Kafka over SASL_SSL (PLAIN over TLS) given only kafka.* pass-through settings. */
class SaslSslIT {
    private static final String LINE = "1795805793.105    112 10.0.0.9 TCP_MISS/200 1904 POST "
            + "http://chatgpt.com/backend-api/conversation bob HIER_DIRECT/10.1.1.1 application/json";

    private final String scope = "sasl-it-" + UUID.randomUUID();
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
    void theApplicationRunsOverSaslSsl(@TempDir Path certificates, @TempDir Path stateDir) {
        SaslSsl listener = SaslSsl.generate(certificates, Map.of("sightline", "app-secret-" + UUID.randomUUID()));
        broker = EmbeddedKafka.builder().saslSsl(listener).start();
        Map<String, String> secured = listener.clientProperties("sightline");
        Map<String, String> overrides = EmbeddedSettings.of(broker.saslSslBootstrapServers(), "mock://" + scope,
                stateDir, 1);
        secured.forEach((key, value) -> overrides.put("kafka." + key, value));
        SightlineConfig config = EmbeddedSettings.load(overrides);

        runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.EMBEDDED);
        Awaitility.await().atMost(Duration.ofSeconds(90))
                .until(() -> runtime.application().state() == KafkaStreams.State.RUNNING);
        Map<String, Object> client = new HashMap<>(config.kafkaClientProperties());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.topicName(Topic.RAW_PROXY_SQUID), LINE.getBytes(StandardCharsets.UTF_8)));
        }

        var registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), Map.of());
        var events = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                TopicReader.readAll(client, config.topicName(Topic.AI_USAGE_ENRICHED), registry, AiUsageEvent.class),
                list -> !list.isEmpty());
        assertThat(events).extracting(AiUsageEvent::getHost).containsExactly("chatgpt.com");
        assertThat(config.describe()).doesNotContain(listener.storePassword(), listener.users().get("sightline"));
    }
}
