package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.Policy;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.Topic;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroDeserializer;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sightline policy import} on a real broker: the example policy lands on ref.policies, committed, readable. */
@RealKafka
class PolicyImportIT {
    private final String registryScope = "policy-it-" + UUID.randomUUID();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryClient.dropScope(registryScope);
    }

    @Test
    void importsTheExamplePolicyAndReadsItBack(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("sightline.properties"),
                "sightline.topic.prefix=" + broker.topicPrefix() + "\n"
                        + "sightline.schema.registry.url=mock://" + registryScope + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("policy", "import", "../../deploy/policy.example.yaml", "--config", config.toString(),
                "--bootstrap-servers", broker.bootstrapServers());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("published policy default version 7 to " + broker.topic(Topic.REF_POLICIES));
        ConsumerRecord<String, Policy> record = readBack(broker);
        assertThat(record.key()).isEqualTo("default");
        Policy policy = record.value();
        assertThat(policy.getVersion()).isEqualTo(7);
        assertThat(policy.getDocument()).isEqualTo(Files.readString(Path.of("../../deploy/policy.example.yaml")));
        assertThat(policy.getToolRules()).anySatisfy(rule -> {
            assertThat(rule.getToolId()).isEqualTo("deepseek");
            assertThat(rule.getStatus()).isEqualTo(SanctionStatus.UNSANCTIONED);
        });
        assertThat(policy.getImportedBy()).isEqualTo(System.getProperty("user.name"));
    }

    private ConsumerRecord<String, Policy> readBack(KafkaBroker broker) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var registry = SchemaRegistryClients.create("mock://" + registryScope, Map.of());
        List<ConsumerRecord<String, Policy>> records = new ArrayList<>();
        try (KafkaConsumer<String, Policy> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new SightlineAvroDeserializer<>(registry, Policy.class))) {
            consumer.subscribe(List.of(broker.topic(Topic.REF_POLICIES)));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
