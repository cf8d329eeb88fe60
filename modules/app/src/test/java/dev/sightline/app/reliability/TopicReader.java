package dev.sightline.app.reliability;

import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic as it stands, with read_committed: what a downstream consumer would see. */
final class TopicReader {
    private TopicReader() {
    }

    static <T extends SpecificRecord> List<T> readAll(Map<String, Object> client, String topic,
                                                     SchemaRegistryClient registry, Class<T> type) {
        return readAll(client, topic, registry, type, value -> true);
    }

    /** Only the values {@code keep} accepts are decoded: a test that wrote unreadable records on purpose skips them. */
    static <T extends SpecificRecord> List<T> readAll(Map<String, Object> client, String topic,
                                                     SchemaRegistryClient registry, Class<T> type, Predicate<byte[]> keep) {
        SightlineAvroDeserializer<T> deserializer = new SightlineAvroDeserializer<>(registry, type);
        return readRaw(client, topic).stream().filter(keep).map(value -> deserializer.deserialize(topic, value)).toList();
    }

    static List<byte[]> readRaw(Map<String, Object> client, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props(client), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return drain(consumer, topic);
        }
    }

    private static <K, V> List<V> drain(KafkaConsumer<K, V> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<V> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    private static Map<String, Object> props(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return props;
    }
}
