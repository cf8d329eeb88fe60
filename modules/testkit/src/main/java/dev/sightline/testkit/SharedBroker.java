package dev.sightline.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.sightline.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The one broker of a test run, with the clients all tests share. Closed by JUnit at the end of the run. */
final class SharedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBroker.class);

    static final String MODE_PROPERTY = "sightline.testkit.broker";
    static final String IMAGE_PROPERTY = "sightline.testkit.kafka-image";
    /** The broker version the project builds against. */
    static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

    /** Where the broker comes from. */
    enum Mode {
        AUTO, EMBEDDED, CONTAINER;

        static Mode parse(String value) {
            return Arrays.stream(values())
                    .filter(mode -> mode.name().equalsIgnoreCase(value.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(MODE_PROPERTY + " must be one of "
                            + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                            + ", got '" + value + "'"));
        }
    }

    private final String bootstrapServers;
    private final AutoCloseable broker;
    private final Admin admin;
    private final Producer<byte[], byte[]> producer;
    private final AtomicInteger tests = new AtomicInteger();

    private SharedBroker(String bootstrapServers, AutoCloseable broker) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    static SharedBroker start() {
        Mode mode = Mode.parse(System.getProperty(MODE_PROPERTY, Mode.AUTO.name()));
        return switch (mode) {
            case EMBEDDED -> embedded();
            case CONTAINER -> container(image());
            case AUTO -> dockerAvailable() ? containerOrEmbedded(image()) : embedded();
        };
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Admin admin() {
        return admin;
    }

    Producer<byte[], byte[]> producer() {
        return producer;
    }

    int nextTestNumber() {
        return tests.incrementAndGet();
    }

    @Override
    public void close() {
        Utils.closeQuietly(producer, "shared test producer");
        Utils.closeQuietly(admin, "shared test admin client");
        Utils.closeQuietly(broker, "shared test broker");
    }

    private static SharedBroker embedded() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        LOG.info("Tests use the embedded Kafka broker on {}", kafka.bootstrapServers());
        return new SharedBroker(kafka.bootstrapServers(), kafka);
    }

    private static SharedBroker container(String image) {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                // the container sets the offsets and transaction topics to one replica; share groups need it too
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
        LOG.info("Tests use a Testcontainers Kafka broker ({}) on {}", image, container.getBootstrapServers());
        return new SharedBroker(container.getBootstrapServers(), container);
    }

    /** With Docker present but the image unavailable (say, offline), tests still get a real broker. */
    private static SharedBroker containerOrEmbedded(String image) {
        try {
            return container(image);
        } catch (RuntimeException e) {
            LOG.warn("Could not start a Kafka container ({}): {}; using the embedded broker", image, e.getMessage());
            return embedded();
        }
    }

    private static String image() {
        return System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
    }

    /** Never throws: a machine without Docker (or with a broken client setup) simply has no Docker. */
    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Docker check failed", e);
            return false;
        }
    }
}
