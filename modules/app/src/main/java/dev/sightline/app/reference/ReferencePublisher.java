package dev.sightline.app.reference;

import dev.sightline.app.runtime.SchemaRegistries;
import dev.sightline.config.SightlineConfig;
import dev.sightline.embedded.TopicLayout;
import dev.sightline.embedded.TopicProvisioner;
import dev.sightline.model.Topic;
import dev.sightline.serde.SightlineAvroSerde;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a validated reference table to its compacted topic in one Kafka transaction: a consumer that reads
 * committed records sees all of an import or none of it. The transactional id is fixed per application and topic, so
 * that a second import of the same table fences an unfinished one instead of interleaving with it.
 */
public final class ReferencePublisher {
    private final SightlineConfig config;

    public ReferencePublisher(SightlineConfig config) {
        this.config = config;
    }

    /** What was published where. */
    public record Published(String topic, int records) {
    }

    /**
     * Creates the topic when missing (compacted, as the runtime would), then writes every record keyed by
     * {@code key} and commits. On any failure the transaction is aborted and the exception rethrown.
     */
    public <T extends SpecificRecord> Published publish(Topic topic, Class<T> type, List<T> records,
                                                        Function<T, String> key) {
        if (topic.kind() != Topic.Kind.TABLE || !topic.valueType().equals(type)) {
            throw new IllegalArgumentException(topic + " is not a reference table of " + type.getSimpleName());
        }
        String name = config.topicName(topic);
        provision(topic);
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.applicationId() + ".import." + name);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Serializer<T> values = SightlineAvroSerde.forValue(type, SchemaRegistries.client(config)).serializer();
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(props, new StringSerializer(), values)) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                for (T record : records) {
                    producer.send(new ProducerRecord<>(name, key.apply(record), record));
                }
                producer.commitTransaction();
            } catch (ProducerFencedException | AuthorizationException e) {
                throw e; // the producer cannot abort any more; closing it is all that is left
            } catch (RuntimeException e) {
                try {
                    producer.abortTransaction();
                } catch (KafkaException abortFailed) {
                    e.addSuppressed(abortFailed);
                }
                throw e;
            }
        }
        return new Published(name, records.size());
    }

    private void provision(Topic topic) {
        TopicLayout layout = new TopicLayout(config.topicPrefix(), config.defaultPartitions(), config.replicationFactor());
        try (Admin admin = Admin.create(new HashMap<>(config.kafkaClientProperties()))) {
            new TopicProvisioner(admin).provision(List.of(layout.definition(topic))).requireConsistent();
        }
    }
}
