package dev.sightline.bench;

import dev.sightline.detect.policy.PolicyLoad;
import dev.sightline.detect.policy.PolicyParser;
import dev.sightline.ingest.UserNames;
import dev.sightline.model.AiTool;
import dev.sightline.model.DataAsset;
import dev.sightline.model.Identity;
import dev.sightline.model.Policy;
import dev.sightline.model.Topic;
import dev.sightline.reference.AssetImport;
import dev.sightline.reference.CatalogRecords;
import dev.sightline.reference.LabelMapping;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.simulator.SensitivityLabels;
import dev.sightline.simulator.SimulatedUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The reference tables the pipeline benchmark runs with, built here because the demo's (DemoReferenceData) lives in
 * the app module, which this module must not depend on: the shipped catalog, one identity per simulated person, the
 * simulated sensitivity labels, and the example policy (deploy/policy.example.yaml, packaged by this module's build).
 * It mirrors what the demo publishes; once that class moves to a shared module, this one goes.
 */
final class BenchReferenceData {
    private static final String POLICY_RESOURCE = "/bench/policy.example.yaml";

    private BenchReferenceData() {
    }

    /** Writes every table to its ref.* topic (already provisioned) and waits until all are acknowledged. */
    static void publish(Map<String, Object> kafkaClientProperties, Function<Topic, String> topicName,
                        SchemaRegistryClient registry, List<SimulatedUser> people, Clock clock) {
        Instant now = clock.instant();
        Map<String, Object> props = new HashMap<>(kafkaClientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                (topic, data) -> (byte[]) data)) {
            send(producer, topicName, registry, Topic.REF_AI_TOOLS, AiTool.class,
                    CatalogRecords.load(Optional.empty(), clock), AiTool::getId);
            send(producer, topicName, registry, Topic.REF_IDENTITIES, Identity.class, identities(people, now),
                    Identity::getUserId);
            send(producer, topicName, registry, Topic.REF_DATA_ASSETS, DataAsset.class, labels(now), DataAsset::getId);
            send(producer, topicName, registry, Topic.REF_POLICIES, Policy.class, List.of(policy(now)), Policy::getId);
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

    static List<Identity> identities(List<SimulatedUser> people, Instant now) {
        List<Identity> identities = new ArrayList<>(people.size());
        for (SimulatedUser person : people) {
            String upn = UserNames.normalize(person.upn(), Map.of()).orElseThrow();
            List<String> aliases = new ArrayList<>();
            UserNames.normalize(person.proxyName(), Map.of()).filter(alias -> !alias.equals(upn)).ifPresent(aliases::add);
            identities.add(Identity.newBuilder()
                    .setUserId(upn).setDisplayName(person.displayName()).setEmail(upn).setAliases(aliases)
                    .setDepartment(person.department()).setGroups(List.of(person.department().toLowerCase()))
                    .setManager(null).setEmployeeType("employee").setActive(true).setUpdatedAt(now)
                    .build());
        }
        return identities;
    }

    static List<DataAsset> labels(Instant now) {
        LabelMapping mapping = LabelMapping.defaults();
        return SensitivityLabels.ALL.stream().map(label -> DataAsset.newBuilder()
                .setId(AssetImport.LABEL_ENTRY_PREFIX + label.id()).setName(label.name())
                .setType(AssetImport.LABEL_ENTRY_TYPE)
                .setUriPatterns(List.of()).setFileNamePatterns(List.of()).setLabels(List.of(label.name()))
                .setSensitivityLabelId(label.id()).setSensitivityLabelName(label.name())
                .setDataClasses(List.copyOf(mapping.classesOf(label.name()))).setOwner(null).setUpdatedAt(now)
                .build()).toList();
    }

    static Policy policy(Instant now) {
        PolicyLoad load = PolicyParser.parse(resource(), now, "bench");
        if (load instanceof PolicyLoad.Loaded loaded) {
            return loaded.policy();
        }
        throw new IllegalStateException("the packaged example policy does not load: " + load);
    }

    private static String resource() {
        try (InputStream in = BenchReferenceData.class.getResourceAsStream(POLICY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(POLICY_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
