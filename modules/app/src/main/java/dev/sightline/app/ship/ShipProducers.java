package dev.sightline.app.ship;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka clients of {@code sightline ship}, built from the Sightline client properties (SASL/SSL included). */
public final class ShipProducers {
    private ShipProducers() {
    }

    /**
     * An idempotent producer with {@code acks=all}: retries never duplicate or reorder a record, and an acknowledged
     * record is on every in-sync replica. One request in flight per connection: with more, a batch that fails (say
     * while a new topic's leader moves) can be overtaken by the next one, which a broker without state for this
     * producer accepts; the first batch is then refused as out of order forever and its lines would be lost. Batches
     * stay large (linger, batch size), so the cost is small for a log shipper. These settings win over the
     * pass-through properties, since the no-loss-no-duplicate promise rests on them.
     *
     * @param clientProperties {@code SightlineConfig.kafkaClientProperties()}
     * @param lingerMs         how long a batch waits to fill up
     * @param batchBytes       the size a batch may grow to per partition
     */
    public static KafkaProducer<byte[], byte[]> producer(Map<String, Object> clientProperties, int lingerMs,
                                                          int batchBytes) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "sightline-ship");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer without a group, for topic metadata and reading back the end of the topic. */
    public static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "sightline-ship-check");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
