package dev.sightline.app.evidence;

import dev.sightline.config.SightlineConfig;
import dev.sightline.model.Alert;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import dev.sightline.model.Topic;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the four evidence topics from their beginning to their end as of the start of the read, committed records
 * only (read_committed), without a consumer group: an export never moves anybody's offsets.
 */
public final class EvidenceTopics {
    private final Map<String, Object> clientProperties;
    private final SchemaRegistryClient registry;
    private final Function<Topic, String> topicName;
    private final Duration timeout;

    /**
     * @param topicName the full name (prefix included) of a topic
     * @param timeout   how long one topic may take to read, all in all, before the read fails
     */
    public EvidenceTopics(Map<String, Object> clientProperties, SchemaRegistryClient registry,
                          Function<Topic, String> topicName, Duration timeout) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.registry = registry;
        this.topicName = topicName;
        this.timeout = timeout;
    }

    /** The sources that should report: the input formats of the configured raw topics. */
    public static Set<String> expectedSources(SightlineConfig config) {
        return config.rawTopics().stream().map(raw -> raw.format().configName()).collect(Collectors.toSet());
    }

    /** @param expectedSources the input formats the configuration reads (they should report) */
    public EvidenceInput read(Set<String> expectedSources) {
        List<Alert> alerts = values(read(Topic.ALERTS, Alert.class));
        List<AuditRecord> audit = values(read(Topic.AUDIT, AuditRecord.class));
        return new EvidenceInput(alerts, audit, latest(read(Topic.INVENTORY, InventoryEntry.class)),
                latest(read(Topic.LINEAGE, LineageEdge.class)), expectedSources);
    }

    private <T extends SpecificRecord> List<ConsumerRecord<String, T>> read(Topic topic, Class<T> type) {
        String name = topicName.apply(topic);
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new SightlineAvroDeserializer<>(registry, type))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(name, remaining(deadline));
            if (partitions == null || partitions.isEmpty()) {
                throw new EvidenceReadException("topic " + name + " does not exist or has no partitions");
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            // read_committed: the end offsets are the last stable offsets, so open transactions are not waited for
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(assigned, remaining(deadline)));
            while (!end.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new EvidenceReadException("reading " + name + " took longer than " + timeout
                            + "; partitions not read to the end: " + end.keySet());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), remaining(deadline)) >= e.getValue());
            }
        } catch (TimeoutException e) {
            // metadata, end offsets or positions: the brokers are unreachable or overloaded
            throw new EvidenceReadException("reading " + name + ": no answer from the Kafka brokers within " + timeout, e);
        }
        return records;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static <T> List<T> values(List<ConsumerRecord<String, T>> records) {
        return records.stream().map(ConsumerRecord::value).filter(v -> v != null).collect(Collectors.toList());
    }

    /** A compacted topic's current table: the last value per key, a tombstone removing the key. */
    private static <T> List<T> latest(List<ConsumerRecord<String, T>> records) {
        Map<String, T> table = new LinkedHashMap<>();
        for (ConsumerRecord<String, T> record : records) {
            if (record.value() == null) {
                table.remove(record.key());
            } else {
                table.put(record.key(), record.value());
            }
        }
        return List.copyOf(table.values());
    }
}
