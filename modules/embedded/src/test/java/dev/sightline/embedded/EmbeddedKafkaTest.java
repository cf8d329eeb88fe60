package dev.sightline.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import dev.sightline.model.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One broker for the whole class: starting one takes seconds. Each test uses its own topics. */
class EmbeddedKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static EmbeddedKafka kafka;
    private static Admin admin;
    private static TopicProvisioner provisioner;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        provisioner = new TopicProvisioner(admin, TIMEOUT);
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void servesOneNodeOnLoopback() throws Exception {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(admin.describeCluster().nodes().get()).singleElement()
                .satisfies(node -> assertThat(node.host() + ":" + node.port()).isEqualTo(kafka.bootstrapServers()));
    }

    @Test
    void producesAndConsumes() throws Exception {
        String topic = "plain-roundtrip";
        provisioner.provision(List.of(new TopicDefinition(topic, 1, (short) 1, false))).requireConsistent();

        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, "user-1", "hello")).get();
        }

        assertThat(readAll(topic, "read_committed", 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(Tuple.tuple("user-1", "hello"));
    }

    @Test
    void readCommittedSeesOnlyCommittedTransactions() throws Exception {
        String topic = "txn-roundtrip";
        provisioner.provision(List.of(new TopicDefinition(topic, 1, (short) 1, false))).requireConsistent();

        try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "txn-test"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted")).get();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed")).get();
            producer.commitTransaction();
        }

        assertThat(readAll(topic, "read_committed", 1)).extracting(ConsumerRecord::value).containsExactly("committed");
        assertThat(readAll(topic, "read_uncommitted", 2)).extracting(ConsumerRecord::value).containsExactly("aborted", "committed");
    }

    @Test
    void provisionsEveryTopicWithItsCleanupPolicyAndPartitions() throws Exception {
        TopicLayout layout = new TopicLayout("prov.", 2, (short) 1);

        ProvisionReport report = provisioner.provision(layout);

        List<String> all = Arrays.stream(Topic.values()).map(layout::name).toList();
        assertThat(report.created()).containsExactlyElementsOf(all);
        assertThat(report.existing()).isEmpty();
        Map<String, String> policies = cleanupPolicies(all);
        for (Topic topic : Topic.values()) {
            assertThat(policies.get(layout.name(topic))).as(topic.baseName())
                    .isEqualTo(topic.kind() == Topic.Kind.TABLE ? "compact" : "delete");
        }
        assertThat(admin.describeTopics(all).allTopicNames().get().values())
                .allSatisfy(description -> assertThat(description.partitions()).hasSize(2));
    }

    @Test
    void provisioningAgainFindsTheExistingTopics() {
        TopicLayout layout = new TopicLayout("again.", 1, (short) 1);
        provisioner.provision(layout);

        ProvisionReport second = provisioner.provision(layout);

        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).hasSize(Topic.values().length);
        assertThat(second.consistent()).isTrue();
    }

    @Test
    void reportsExistingTopicsThatDifferFromTheirDefinition() throws Exception {
        TopicLayout layout = new TopicLayout("drift.", 3, (short) 1);
        String drifted = layout.name(Topic.REF_AI_TOOLS);
        admin.createTopics(List.of(new NewTopic(drifted, 1, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")))).all().get();

        ProvisionReport report = provisioner.provision(layout);

        assertThat(report.created()).hasSize(Topic.values().length - 1).doesNotContain(drifted);
        assertThat(report.mismatched()).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.name()).isEqualTo(drifted);
            assertThat(mismatch.differences()).containsExactly(
                    "partitions: wanted 3, found 1", "cleanup.policy: wanted compact, found delete");
        });
        assertThatThrownBy(report::requireConsistent)
                .isInstanceOf(TopicProvisioningException.class)
                .hasMessageContaining(drifted)
                .hasMessageContaining("partitions: wanted 3, found 1");
    }

    @Test
    void refusedCreationIsReportedWithTheTopicName() {
        TopicDefinition tooManyReplicas = new TopicDefinition("three-replicas", 1, (short) 3, false);

        assertThatThrownBy(() -> provisioner.provision(List.of(tooManyReplicas)))
                .isInstanceOf(TopicProvisioningException.class)
                .hasMessageContaining("three-replicas");
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads from the beginning of partition 0 until {@code count} records arrived or the timeout passed. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, String isolation, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static Map<String, String> cleanupPolicies(List<String> topics) throws ExecutionException, InterruptedException {
        Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
        return configs.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().name(), e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
    }
}
