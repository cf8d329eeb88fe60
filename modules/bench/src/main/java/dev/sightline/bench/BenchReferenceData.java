package dev.sightline.bench;

import dev.sightline.model.AiTool;
import dev.sightline.model.DataAsset;
import dev.sightline.model.Identity;
import dev.sightline.model.Policy;
import dev.sightline.model.Topic;
import dev.sightline.reference.ReferenceData;
import dev.sightline.reference.SimulatedOrganisation;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.simulator.SimulatedUser;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the simulated organisation's reference tables (catalog, identities, labels, example policy — see
 * {@link SimulatedOrganisation}) to the ref.* topics for a benchmark run.
 */
final class BenchReferenceData {
    private BenchReferenceData() {
    }

    /** Writes every table to its ref.* topic (already provisioned) and waits until all are acknowledged. */
    static void publish(Map<String, Object> kafkaClientProperties, Function<Topic, String> topicName,
                        SchemaRegistryClient registry, List<SimulatedUser> people, Clock clock) {
        ReferenceData data = SimulatedOrganisation.referenceData(people, clock);
        Map<String, Object> props = new HashMap<>(kafkaClientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                (topic, bytes) -> (byte[]) bytes)) {
            send(producer, topicName, registry, Topic.REF_AI_TOOLS, AiTool.class, data.tools(), AiTool::getId);
            send(producer, topicName, registry, Topic.REF_IDENTITIES, Identity.class, data.identities(),
                    Identity::getUserId);
            send(producer, topicName, registry, Topic.REF_DATA_ASSETS, DataAsset.class, data.assets(), DataAsset::getId);
            send(producer, topicName, registry, Topic.REF_POLICIES, Policy.class, data.policy().stream().toList(),
                    Policy::getId);
            producer.flush();
        }
    }

    private static <T extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer,
                                                        Function<Topic, String> topicName, SchemaRegistryClient registry,
                                                        Topic topic, Class<T> type, List<T> records,
                                                        Function<T, String> key) {
        String name = topicName.apply(topic);
        var serializer = SightlineAvroSerde.forValue(type, registry).serializer();
        for (T record : records) {
            producer.send(new ProducerRecord<>(name, key.apply(record), serializer.serialize(name, record)));
        }
    }
}
