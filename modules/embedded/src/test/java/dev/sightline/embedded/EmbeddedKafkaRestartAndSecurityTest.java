package dev.sightline.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker in a chosen directory survives a restart on the same ports; a SASL_SSL listener serves secured clients. */
class EmbeddedKafkaRestartAndSecurityTest {

    @Test
    void aBrokerRestartedOnTheSameDirectoryAndPortsKeepsItsRecords(@TempDir Path directory) throws Exception {
        int[] ports = freePorts();
        EmbeddedKafka.Builder builder = EmbeddedKafka.builder().brokerPort(ports[0]).controllerPort(ports[1])
                .directory(directory);
        String bootstrap;
        try (EmbeddedKafka first = builder.start()) {
            bootstrap = first.bootstrapServers();
            createTopic(Map.of("bootstrap.servers", bootstrap), "kept");
            produce(Map.of("bootstrap.servers", bootstrap), "kept", "before");
        }
        assertThat(directory.resolve("data")).isDirectory();

        try (EmbeddedKafka second = builder.start()) {
            assertThat(second.bootstrapServers()).isEqualTo(bootstrap);
            produce(Map.of("bootstrap.servers", bootstrap), "kept", "after");
            assertThat(consume(Map.of("bootstrap.servers", bootstrap), "kept", 2)).containsExactly("before", "after");
        }
        assertThat(directory.resolve("data")).isDirectory();
    }

    @Test
    void aSaslSslListenerAcceptsKnownUsersOverTlsAndRejectsWrongPasswords(@TempDir Path directory) throws Exception {
        SaslSsl listener = SaslSsl.generate(directory, Map.of("admin", "admin-secret", "app", "app-secret"));
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().saslSsl(listener).start()) {
            assertThat(kafka.saslSslBootstrapServers()).isNotEqualTo(kafka.bootstrapServers());
            Map<String, Object> secured = new HashMap<>(listener.clientProperties("app"));
            secured.put("bootstrap.servers", kafka.saslSslBootstrapServers());
            createTopic(secured, "secured");
            produce(secured, "secured", "over-tls");
            assertThat(consume(secured, "secured", 1)).containsExactly("over-tls");

            Map<String, Object> wrong = new HashMap<>(secured);
            wrong.put("sasl.jaas.config", listener.clientProperties("app").get("sasl.jaas.config")
                    .replace("app-secret", "wrong"));
            wrong.put("max.block.ms", "5000");
            assertThatThrownBy(() -> produce(wrong, "secured", "refused"))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
        assertThat(listener.toString()).doesNotContain("admin-secret", "app-secret", listener.storePassword());
    }

    @Test
    void aBrokerWithoutSaslListenerSaysSo() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            assertThatThrownBy(kafka::saslSslBootstrapServers).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no SASL_SSL listener");
        }
    }

    private static int[] freePorts() throws Exception {
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getByName(Listener.HOST));
             ServerSocket b = new ServerSocket(0, 1, InetAddress.getByName(Listener.HOST))) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static void createTopic(Map<String, Object> client, String topic) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(Map<String, Object> client, String topic, String value)
            throws ExecutionException, InterruptedException {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static List<String> consume(Map<String, Object> client, String topic, int count) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
