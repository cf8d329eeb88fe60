package dev.sightline.app.governance;

import dev.sightline.pipeline.governance.AuditChainVerifier;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads audit.ai-data-access (committed records only, without a consumer group) partition by partition in offset
 * order and checks its hash chains with {@link AuditChainVerifier}. Records are decoded with the writer schema the
 * wire format names, so the hash is recomputed exactly as written. The audit records' Kafka timestamp is their
 * recordedAt, so --from/--to are seeks by time.
 */
public final class AuditTopicVerification {
    /** The topic cannot be read (missing, unreachable, too slow); the message says which. */
    public static final class ReadException extends RuntimeException {
        ReadException(String message) {
            super(message);
        }
    }

    private final Map<String, Object> clientProperties;
    private final SchemaRegistryClient registry;
    private final Duration timeout;

    /** @param timeout how long metadata look-ups and the whole read may take */
    public AuditTopicVerification(Map<String, Object> clientProperties, SchemaRegistryClient registry, Duration timeout) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.registry = registry;
        this.timeout = timeout;
    }

    /**
     * @param from first recordedAt to read (inclusive), or empty for the start of each partition
     * @param to   recordedAt to stop at (exclusive), or empty for the records committed when the read starts
     */
    public AuditChainVerifier.Report verify(String topic, Optional<Instant> from, Optional<Instant> to) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        AuditChainVerifier verifier = new AuditChainVerifier();
        var values = new SightlineAvroDeserializer<>(registry, GenericRecord.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                throw new ReadException("topic " + topic + " does not exist or has no partitions");
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            assigned.forEach(tp -> verifier.partition(tp.partition()));
            consumer.assign(assigned);
            Map<TopicPartition, Long> start = offsets(consumer, assigned, from, consumer.beginningOffsets(assigned, timeout));
            // read_committed: the end offsets are the last stable offsets, so open transactions are not waited for
            Map<TopicPartition, Long> end = new HashMap<>(offsets(consumer, assigned, to,
                    consumer.endOffsets(assigned, timeout)));
            start.forEach(consumer::seek);
            end.entrySet().removeIf(e -> start.get(e.getKey()) >= e.getValue());
            Instant deadline = Instant.now().plus(timeout);
            while (!end.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ReadException("reading " + topic + " took longer than " + timeout
                            + "; partitions not read to the end: " + end.keySet());
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (stop != null && record.offset() < stop) {
                        check(verifier, values, record);
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
            }
        }
        return verifier.report();
    }

    private static void check(AuditChainVerifier verifier, SightlineAvroDeserializer<GenericRecord> values,
                              ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            verifier.unreadable(record.partition(), record.offset(), "a tombstone (no value) in the audit trail");
            return;
        }
        try {
            verifier.accept(record.partition(), record.offset(), values.deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            verifier.unreadable(record.partition(), record.offset(), e.getMessage());
        }
    }

    /** The first offset at or after {@code time} per partition; {@code otherwise} where there is none or no time. */
    private Map<TopicPartition, Long> offsets(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                              Optional<Instant> time, Map<TopicPartition, Long> otherwise) {
        if (time.isEmpty()) {
            return otherwise;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, time.get().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
        Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp at = found.get(tp);
            offsets.put(tp, at != null ? at.offset() : endOffsets.get(tp));
        }
        return offsets;
    }
}
