package dev.sightline.app.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.app.cli.SightlineCommand;
import dev.sightline.model.AiTool;
import dev.sightline.model.DataAsset;
import dev.sightline.model.DataClass;
import dev.sightline.model.Identity;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.Topic;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroDeserializer;
import dev.sightline.testkit.KafkaBroker;
import dev.sightline.testkit.RealKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three import commands on a real broker: each kind is published in one transaction to its compacted topic, keyed
 * by id, and reads back (read_committed) as Avro records; a refused file publishes nothing.
 */
@RealKafka
class ReferenceImportIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String registryScope = "reference-it-" + UUID.randomUUID();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryClient.dropScope(registryScope);
    }

    @Test
    void importsEachKindInOneTransaction(KafkaBroker broker) throws IOException {
        Path config = Files.writeString(dir.resolve("sightline.properties"), String.join("\n",
                "sightline.topic.prefix=" + broker.topicPrefix(),
                "sightline.topic.partitions=1",
                "sightline.schema.registry.url=mock://" + registryScope, ""));
        String[] connection = {"--config", config.toString(), "--bootstrap-servers", broker.bootstrapServers()};

        Path badAssets = Files.writeString(dir.resolve("bad.csv"), """
                asset_id,name,uri
                early,Would be first,/srv/early/**
                ,No id,/srv/x/**
                """);
        assertThat(run(connection, "assets", "import", badAssets.toString())).as(err.toString()).isEqualTo(2);

        Path assets = Files.writeString(dir.resolve("assets.csv"), """
                asset_id,name,type,uri,labels,owner,data_classes
                sp-finance,Finance team site,site,https://acme.sharepoint.com/sites/Finance/**,Confidential,CORP\\mkeller,
                git-payments,Payments repository,repository,https://git.acme.example/payments/**,Restricted,,SOURCE_CODE
                """);
        Path labels = Files.writeString(dir.resolve("labels.csv"), """
                Guid,DisplayName,ParentId
                9fbde396-1a24-4c79-8edf-9254a0f35055,Confidential,
                """);
        assertThat(run(connection, "assets", "import", "--domain-suffix", "CORP=acme.example", "--labels",
                labels.toString(), assets.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("published 3 records to " + broker.topic(Topic.REF_DATA_ASSETS));

        Path identities = Files.writeString(dir.resolve("users.jsonl"), """
                {"upn": "frank.meyer@acme.example", "aliases": ["CORP\\\\fmeyer"], "department": "Engineering", "groups": ["ai-pilot"]}
                {"upn": "mkeller@acme.example", "mail": "martina.keller@acme.example", "department": "Finance", "enabled": false}
                """);
        assertThat(run(connection, "identities", "import", identities.toString())).as(err.toString()).isZero();

        Path overrides = Files.writeString(dir.resolve("org.yaml"), """
                organisation: Acme
                policies:
                  - {tool: chatgpt, sanction: sanctioned, owner: ai-governance@acme.example}
                """);
        assertThat(run(connection, "catalog", "import", "--overrides", overrides.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("published \\d{3,} records to " + broker.topic(Topic.REF_AI_TOOLS));

        Map<String, DataAsset> assetRecords = read(broker, Topic.REF_DATA_ASSETS, DataAsset.class, 3);
        assertThat(assetRecords).as("nothing of the refused file").containsOnlyKeys("sp-finance", "git-payments",
                "purview-label-9fbde396-1a24-4c79-8edf-9254a0f35055");
        assertThat(assetRecords.get("sp-finance").getOwner()).isEqualTo("mkeller@acme.example");
        assertThat(assetRecords.get("git-payments").getDataClasses())
                .containsExactly(DataClass.SOURCE_CODE, DataClass.CLASSIFIED_ASSET);

        Map<String, Identity> identityRecords = read(broker, Topic.REF_IDENTITIES, Identity.class, 2);
        assertThat(identityRecords.get("frank.meyer@acme.example").getAliases()).containsExactly("corp\\fmeyer");
        assertThat(identityRecords.get("mkeller@acme.example").getActive()).isFalse();

        int tools = Integer.parseInt(out.toString().replaceAll("(?s).*published (\\d+) records to [^\\n]*ai-tools.*", "$1"));
        Map<String, AiTool> toolRecords = read(broker, Topic.REF_AI_TOOLS, AiTool.class, tools);
        assertThat(toolRecords).hasSize(tools);
        assertThat(toolRecords.get("chatgpt").getSanction()).isEqualTo(SanctionStatus.SANCTIONED);
        assertThat(toolRecords.get("chatgpt").getOwner()).isEqualTo("ai-governance@acme.example");
        assertThat(toolRecords.get("claude").getSanction()).isEqualTo(SanctionStatus.UNREVIEWED);
    }

    private int run(String[] connection, String... args) {
        var cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + connection.length];
        int subcommandWords = 2;
        System.arraycopy(args, 0, all, 0, subcommandWords);
        System.arraycopy(connection, 0, all, subcommandWords, connection.length);
        System.arraycopy(args, subcommandWords, all, subcommandWords + connection.length, args.length - subcommandWords);
        return cli.execute(all);
    }

    /** Every committed record of the topic by key; asserts that each key was written once. */
    private <T extends SpecificRecord> Map<String, T> read(KafkaBroker broker, Topic topic, Class<T> type, int count) {
        String name = broker.topic(topic);
        List<ConsumerRecord<byte[], byte[]>> records = broker.consume(name, count, TIMEOUT);
        var registry = SchemaRegistryClients.create("mock://" + registryScope, Map.of());
        Map<String, T> byKey = new LinkedHashMap<>();
        try (var values = new SightlineAvroDeserializer<>(registry, type)) {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                T previous = byKey.put(new String(r.key(), StandardCharsets.UTF_8), values.deserialize(name, r.value()));
                assertThat(previous).as("one record per key").isNull();
            }
        }
        assertThat(byKey).hasSize(count);
        return byKey;
    }
}
