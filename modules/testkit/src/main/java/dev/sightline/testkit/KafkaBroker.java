package dev.sightline.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.sightline.embedded.ProvisionReport;
import dev.sightline.embedded.TopicDefinition;
import dev.sightline.embedded.TopicLayout;
import dev.sightline.embedded.TopicProvisioner;
import dev.sightline.model.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A real broker as one test sees it: the shared broker of the run plus a topic prefix of this test's own.
 * Injected by {@link RealKafkaExtension}; do not close it.
 */
public final class KafkaBroker {

    /** One partition keeps record order simple to assert on. */
    public static final int DEFAULT_PARTITIONS = 1;
    private static final short REPLICATION_FACTOR = 1;
    private static final Duration PRODUCE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    private final SharedBroker shared;
    private final String topicPrefix;

    KafkaBroker(SharedBroker shared, String topicPrefix) {
        this.shared = shared;
        this.topicPrefix = topicPrefix;
    }

    public String bootstrapServers() {
        return shared.bootstrapServers();
    }

    /** Unique to this test, e.g. {@code t007-producesandconsumes.}; pass it wherever the code takes a topic prefix. */
    public String topicPrefix() {
        return topicPrefix;
    }

    /**
     * A Kafka Streams application id unique to this test, e.g. {@code t007-producesandconsumes-v1}: internal topics
     * are named after the application id, not the topic prefix, so tests that share the broker need their own.
     */
    public String applicationId() {
        String base = topicPrefix.endsWith(".") ? topicPrefix.substring(0, topicPrefix.length() - 1) : topicPrefix;
        return base + "-v1";
    }

    /** The name of a Sightline topic under this test's prefix. */
    public String topic(Topic topic) {
        return topic.name(topicPrefix);
    }

    /** Creates every Sightline topic under this test's prefix with {@link #DEFAULT_PARTITIONS}. */
    public ProvisionReport createTopics() {
        return createTopics(DEFAULT_PARTITIONS);
    }

    /** Creates every Sightline topic under this test's prefix; tables are compacted. */
    public ProvisionReport createTopics(int partitions) {
        return provisioner().provision(new TopicLayout(topicPrefix, partitions, REPLICATION_FACTOR)).requireConsistent();
    }

    /** Creates one further topic (retention by time) under this test's prefix and returns its full name. */
    public String createTopic(String name, int partitions) {
        TopicDefinition definition = new TopicDefinition(topicPrefix + name, partitions, REPLICATION_FACTOR, false);
        provisioner().provision(List.of(definition)).requireConsistent();
        return definition.name();
    }

    /** Writes one record and waits until the broker has acknowledged it. */
    public RecordMetadata produce(String topic, byte[] key, byte[] value) {
        try {
            return shared.producer().send(new ProducerRecord<>(topic, key, value))
                    .get(PRODUCE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not produce to " + topic + " within " + PRODUCE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to " + topic, e);
        }
    }

    /**
     * Reads the topic from the beginning (all partitions, committed records only) until at least
     * {@code count} records arrived, and returns all records read.
     *
     * @throws AssertionError if fewer than {@code count} records arrive within {@code timeout}
     */
    public List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = awaitPartitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        if (records.size() < count) {
            throw new AssertionError("expected " + count + " records on " + topic + " within " + timeout + ", got " + records.size());
        }
        return records;
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", prefix " + topicPrefix + "]";
    }

    private TopicProvisioner provisioner() {
        return new TopicProvisioner(shared.admin());
    }

    /** A topic may still be on its way (e.g. created by the code under test), so wait for it. */
    private static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> consumer, String topic, long deadline) {
        while (true) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                infos = List.of();
            }
            if (!infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("topic " + topic + " does not exist");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a topic", e);
        }
    }
}
