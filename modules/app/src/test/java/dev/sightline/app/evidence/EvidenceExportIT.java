package dev.sightline.app.evidence;

import static dev.sightline.app.evidence.EvidenceFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.app.cli.SightlineCommand;
import dev.sightline.config.ConfigKeys;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.AuditOutcome;
import dev.sightline.model.DataClass;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.Topic;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sightline evidence export} against a real broker: committed records in, evidence files out. */
@RealKafka
class EvidenceExportIT {
    private final String registryScope = "evidence-it-" + UUID.randomUUID();

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryClient.dropScope(registryScope);
    }

    @Test
    void exportsThePeriodsCommittedRecords(KafkaBroker broker, @TempDir Path dir) throws Exception {
        broker.createTopics();
        var noon = T0.plus(Duration.ofHours(12));
        publish(broker, Topic.ALERTS, List.of(
                EvidenceFixtures.alert("a1", "shadow-ai", AlertStatus.NEW, noon, List.of("A.9.2", "A.10.3", "A.4.2"))),
                a -> a.getAlertId(), true);
        publish(broker, Topic.AUDIT, List.of(
                EvidenceFixtures.audit(1, "bob@corp.example", "deepseek", SanctionStatus.UNSANCTIONED,
                        AuditOutcome.ALERTED, noon, List.of(DataClass.SECRET), "zscaler"),
                EvidenceFixtures.audit(2, "eve@corp.example", "deepseek", SanctionStatus.UNSANCTIONED,
                        AuditOutcome.ALLOWED, noon, List.of(DataClass.PII), "zscaler")), r -> r.getUser(), true);
        publish(broker, Topic.AUDIT, List.of(EvidenceFixtures.audit(3, "mallory@corp.example", "deepseek",
                SanctionStatus.UNSANCTIONED, AuditOutcome.ALLOWED, noon, List.of(DataClass.PCI), "zscaler")),
                r -> r.getUser(), false); // aborted: an export reads committed records only
        publish(broker, Topic.INVENTORY, List.of(
                EvidenceFixtures.tool("deepseek", SanctionStatus.UNREVIEWED, 10, null),
                EvidenceFixtures.tool("deepseek", SanctionStatus.UNSANCTIONED, 12, null),
                EvidenceFixtures.tool("chatgpt", SanctionStatus.SANCTIONED, 36, "it-ops")), e -> e.getToolId(), true);
        publish(broker, Topic.LINEAGE, List.of(EvidenceFixtures.edge("asset-payroll", "deepseek")),
                e -> e.getEdgeId(), true);

        Path config = Files.writeString(dir.resolve("sightline.properties"), String.join("\n",
                ConfigKeys.TOPIC_PREFIX.name() + "=" + broker.topicPrefix(),
                ConfigKeys.SCHEMA_REGISTRY_URL.name() + "=mock://" + registryScope, ""));
        Path out = dir.resolve("evidence");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(stderr));
        int exit = cli.execute("evidence", "export", "--from", "2026-11-02", "--to", "2026-11-03", "--out",
                out.toString(), "--config", config.toString(), "--bootstrap-servers", broker.bootstrapServers());

        assertThat(exit).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).contains("1 alerts, 2 audit records, 2 tools, 1 lineage edges");
        JsonNode audit = new ObjectMapper().readTree(out.resolve("controls/A.6.2.8/audit.json").toFile());
        assertThat(audit).extracting(r -> r.get("user").asText())
                .containsExactlyInAnyOrder("bob@corp.example", "eve@corp.example");
        JsonNode inventory = new ObjectMapper().readTree(out.resolve("inventory.json").toFile());
        assertThat(inventory).extracting(t -> t.get("tool_id").asText() + ":" + t.get("sanction").asText())
                .containsExactly("chatgpt:SANCTIONED", "deepseek:UNSANCTIONED");
        assertThat(Files.readAllLines(out.resolve("controls/A.9.2/alerts.csv"))).hasSize(2);
        assertThat(Files.readString(out.resolve("summary.html")))
                .contains("75.0 %", "Open alerts (1)", "zscaler").doesNotContain("mallory");
    }

    @Test
    void aBadTimeIsAUsageError(@TempDir Path dir) {
        StringWriter stderr = new StringWriter();
        CommandLine cli = SightlineCommand.commandLine();
        cli.setErr(new PrintWriter(stderr));
        int exit = cli.execute("evidence", "export", "--from", "last tuesday", "--to", "2026-11-03",
                "--out", dir.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString()).contains("'last tuesday' is not a time");
    }

    private <T extends SpecificRecord> void publish(KafkaBroker broker, Topic topic, List<T> records,
                                                    Function<T, String> key, boolean commit) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "evidence-it-" + UUID.randomUUID());
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) records.get(0).getClass();
        var serde = SightlineAvroSerde.forValue(type, SchemaRegistryClients.create("mock://" + registryScope, Map.of()));
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(props, new StringSerializer(), serde.serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(r -> producer.send(new ProducerRecord<>(broker.topic(topic), key.apply(r), r)));
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.flush();
                producer.abortTransaction();
            }
        }
    }
}
