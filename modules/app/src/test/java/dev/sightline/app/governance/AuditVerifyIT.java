package dev.sightline.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.app.EmbeddedSettings;
import dev.sightline.app.cli.SightlineCommand;
import dev.sightline.app.reference.ReferenceTables;
import dev.sightline.app.runtime.SchemaRegistries;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.Topic;
import dev.sightline.reference.CatalogRecords;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroDeserializer;
import dev.sightline.serde.SightlineAvroSerializer;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.CloseOptions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail on a real broker: raw records with sensitive content go through the running application and the
 * governance stage; {@code audit verify} finds every chain intact, also after the application restarted on empty
 * local state (the chain heads come back from the changelog); a forged record makes it fail.
 */
@RealKafka
class AuditVerifyIT {
    private static final String CARD = "4929 5873 6458 4538";

    private final String registryScope = "audit-verify-it-" + UUID.randomUUID();
    private SightlineRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        MockSchemaRegistryClient.dropScope(registryScope);
    }

    @Test
    void theChainSurvivesARestartAndAForgedRecordFailsVerification(KafkaBroker broker, @TempDir Path dir) throws Exception {
        SightlineConfig config = config(broker, dir.resolve("state-1"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        new ReferenceTables(CatalogRecords.load(Optional.empty(), Clock.systemUTC()), List.of(), List.of(),
                Optional.empty()).publish(config);
        runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.EMBEDDED);

        String zscaler = config.topicName(Topic.RAW_PROXY_ZSCALER);
        for (String user : List.of("dana", "erin", "frank")) {
            broker.produce(zscaler, null, utf8(zscalerPrompt(now, user)));
        }
        broker.produce(config.topicName(Topic.RAW_PROXY_SQUID), null, utf8(now.getEpochSecond() + ".120    412 10.1.2.3 "
                + "TCP_MISS/200 5120 POST https://claude.ai/api/organizations/chat alice HIER_DIRECT/160.79.104.10 application/json"));
        List<ConsumerRecord<byte[], byte[]>> audit = awaitAudit(broker, config, 4);
        assertThat(new String(audit.get(0).value(), StandardCharsets.ISO_8859_1)).doesNotContain(CARD, CARD.replace(" ", ""));

        Path configFile = dir.resolve("sightline.properties");
        Files.writeString(configFile, ConfigKeys.TOPIC_PREFIX.name() + "=" + broker.topicPrefix() + "\n"
                + ConfigKeys.SCHEMA_REGISTRY_URL.name() + "=mock://" + registryScope + "\n");
        Verification intact = verify(configFile, broker);
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("4 records in 2 partitions: every chain intact");

        // A new instance on empty local state continues the chains from the changelog. Leaving the group spares
        // the new member the old one's session timeout.
        runtime.application().streams().close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
        runtime.close();
        runtime = SightlineRuntime.start(config(broker, dir.resolve("state-2")), SightlineRuntime.Mode.EMBEDDED);
        broker.produce(zscaler, null, utf8(zscalerPrompt(now.plusSeconds(1), "dana")));
        broker.produce(zscaler, null, utf8(zscalerPrompt(now.plusSeconds(2), "erin")));
        audit = awaitAudit(broker, config, 6);
        Map<Integer, List<Long>> sequences = new HashMap<>();
        SightlineAvroDeserializer<AuditRecord> records = new SightlineAvroDeserializer<>(registry(config), AuditRecord.class);
        audit.forEach(r -> sequences.computeIfAbsent(r.partition(), p -> new ArrayList<>())
                .add(records.deserialize(r.topic(), r.value()).getSequence()));
        sequences.values().forEach(s -> assertThat(s).as("per partition 0, 1, 2, ...")
                .isEqualTo(LongStream.range(0, s.size()).boxed().toList()));
        Verification afterRestart = verify(configFile, broker);
        assertThat(afterRestart.exitCode()).as(afterRestart.output()).isZero();
        assertThat(afterRestart.output()).contains("6 records in 2 partitions: every chain intact");

        // Someone with write access appends a doctored copy of a record, keeping its hash.
        ConsumerRecord<byte[], byte[]> victim = audit.get(audit.size() - 1);
        SightlineAvroDeserializer<GenericRecord> generic = new SightlineAvroDeserializer<>(registry(config), GenericRecord.class);
        GenericRecord forged = generic.deserialize(victim.topic(), victim.value());
        forged.put("user", "mallory");
        forged.put("sequence", (Long) forged.get("sequence") + 1);
        byte[] forgedBytes = new SightlineAvroSerializer<GenericRecord>(registry(config), false).serialize(victim.topic(), forged);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(victim.topic(), victim.partition(), victim.key(), forgedBytes)).get();
        }
        Verification tampered = verify(configFile, broker);
        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains("PROBLEM partition " + victim.partition(), "ALTERED", "BROKEN_LINK",
                "2 problem(s) found")
                .doesNotContain("mallory");
    }

    private record Verification(int exitCode, String output) {
    }

    private static Verification verify(Path configFile, KafkaBroker broker) {
        StringWriter out = new StringWriter();
        var cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute("audit", "verify", "--config", configFile.toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "--timeout", "PT1M");
        return new Verification(exit, out.toString());
    }

    private SightlineConfig config(KafkaBroker broker, Path stateDir) {
        return EmbeddedSettings.load(EmbeddedSettings.onSharedBroker(broker, registryScope, stateDir));
    }

    private SchemaRegistryClient registry(SightlineConfig config) {
        return SchemaRegistries.client(config);
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitAudit(KafkaBroker broker, SightlineConfig config, int count) {
        String topic = config.topicName(Topic.AUDIT);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        assertThat(records).hasSize(count);
        return records;
    }

    private static String zscalerPrompt(Instant time, String user) {
        String datetime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(time);
        return "{\"sourcetype\":\"zscalernss-web\",\"event\":{\"datetime\":\"" + datetime + "\",\"event_id\":\""
                + UUID.randomUUID() + "\",\"action\":\"Allowed\",\"requestsize\":\"2212\",\"responsesize\":\"3911\","
                + "\"requestmethod\":\"POST\",\"ClientIP\":\"10.20.1.44\",\"status\":\"200\",\"user\":\"" + user
                + "@acme-corp.example\",\"url\":\"chatgpt.com/backend-api/conversation\",\"hostname\":\"chatgpt.com\","
                + "\"appname\":\"ChatGPT\",\"prompt_req\":\"Please fix this charge: card " + CARD + ".\"}}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
