package dev.sightline.app.pipeline;

import dev.sightline.app.EmbeddedSettings;
import dev.sightline.app.runtime.PipelineDrain;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.testkit.KafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Sightline in embedded mode on the shared test broker, as the end-to-end pipeline tests run it: the broker's topic
 * prefix and application id, a registry scope of its own, two partitions, any free HTTP port. Feeds raw topics, waits
 * until the pipeline has processed everything, reads whole topics as a downstream consumer would, queries the HTTP
 * server.
 */
final class PipelineUnderTest implements AutoCloseable {
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaBroker broker;
    private final String registryScope;
    private final SightlineConfig config;
    private final HttpClient http = HttpClient.newHttpClient();
    private SightlineRuntime runtime;

    private PipelineUnderTest(KafkaBroker broker, String registryScope, SightlineConfig config) {
        this.broker = broker;
        this.registryScope = registryScope;
        this.config = config;
    }

    /** The configuration, not started yet (reference data may be published first), with {@code settings} on top. */
    static PipelineUnderTest configure(KafkaBroker broker, Path stateDir, String name, Map<String, String> settings) {
        String scope = name + "-" + UUID.randomUUID();
        Map<String, String> all = EmbeddedSettings.onSharedBroker(broker, scope, stateDir);
        all.putAll(settings);
        return new PipelineUnderTest(broker, scope, EmbeddedSettings.load(all));
    }

    SightlineConfig config() {
        return config;
    }

    PipelineUnderTest start() {
        runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.EMBEDDED);
        return this;
    }

    /** One record as shipped, without key. */
    void produce(Topic topic, String value) {
        produce(topic, null, value.getBytes(StandardCharsets.UTF_8));
    }

    void produce(Topic topic, String key, byte[] value) {
        broker.produce(config.topicName(topic), key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    /** Waits until the application has processed everything on {@code inputs} and on the event topics. */
    void awaitProcessed() throws TimeoutException, InterruptedException {
        PipelineDrain.await(config.kafkaClientProperties(), config.applicationId(),
                SightlineTopology.sourceTopics(config), DRAIN_TIMEOUT);
    }

    /** Every record of the topic, committed ones only. */
    List<ConsumerRecord<byte[], byte[]>> readAll(Topic topic) {
        String name = config.topicName(topic);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                    .map(p -> new TopicPartition(name, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Every value of an Avro topic, decoded with the application's registry. */
    <T extends SpecificRecord> List<T> readValues(Topic topic, Class<T> type) {
        return readValues(topic, type, value -> true);
    }

    /** The values {@code keep} accepts: a test that wrote unreadable records on purpose skips them. */
    <T extends SpecificRecord> List<T> readValues(Topic topic, Class<T> type, Predicate<byte[]> keep) {
        Deserializer<T> values = SightlineAvroSerde.forValue(type,
                SchemaRegistryClients.create("mock://" + registryScope, Map.of())).deserializer();
        return readAll(topic).stream().filter(r -> keep.test(r.value()))
                .map(r -> values.deserialize(r.topic(), r.value())).toList();
    }

    /** The body of a GET on the running application's HTTP server. */
    String get(String pathAndQuery) throws IOException, InterruptedException {
        return send(pathAndQuery).body();
    }

    /** A GET on the running application's HTTP server. */
    HttpResponse<String> send(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(runtime.httpUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
        MockSchemaRegistryClient.dropScope(registryScope);
    }
}
