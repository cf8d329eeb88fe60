package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.sightline.model.Topic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    private final SightlineConfig config = SightlineConfig.defaults();

    @Test
    void typedGettersReturnTheDeclaredDefaults() {
        assertThat(config.bootstrapServers()).containsExactly("localhost:9092");
        assertThat(config.applicationId()).isEqualTo("sightline-v1");
        assertThat(config.topicPrefix()).isEmpty();
        assertThat(config.defaultPartitions()).isEqualTo(6);
        assertThat(config.replicationFactor()).isEqualTo((short) 1);
        assertThat(config.schemaRegistryUrl()).isEqualTo("mock://sightline");
        assertThat(config.schemaRegistryUserInfo()).isEmpty();
        assertThat(config.schemaRegistryBearerToken()).isEmpty();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.httpBindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.httpApiToken()).isEmpty();
        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "sightline-streams"));
        assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE_V2);
        assertThat(config.commitIntervalMs()).isEqualTo(100L);
        assertThat(config.numStreamThreads()).isEqualTo(1);
        assertThat(config.deadLetterRawMode()).isEqualTo(DeadLetterRawMode.KEEP);
    }

    @Test
    void everyRawTopicOfTheArchitectureIsReadWithItsDefaultFormat() {
        assertThat(config.rawTopics()).containsExactly(
                new RawTopic("raw.proxy.ecs", InputFormat.ECS, Optional.empty()),
                new RawTopic("raw.proxy.netskope", InputFormat.NETSKOPE, Optional.empty()),
                new RawTopic("raw.proxy.squid", InputFormat.SQUID, Optional.empty()),
                new RawTopic("raw.proxy.zscaler", InputFormat.ZSCALER, Optional.empty()),
                new RawTopic("raw.saas.gemini", InputFormat.GEMINI_AUDIT, Optional.empty()),
                new RawTopic("raw.saas.m365", InputFormat.M365_AUDIT, Optional.empty()),
                new RawTopic("raw.saas.openai-compliance", InputFormat.CHATGPT_COMPLIANCE, Optional.empty()));
        assertThat(config.rawTopics()).extracting(RawTopic::topic)
                .containsExactlyInAnyOrderElementsOf(Topic.raw().stream().map(Topic::baseName).toList());
        assertThat(config.rawTopic("raw.proxy.squid")).map(RawTopic::format).contains(InputFormat.SQUID);
        assertThat(config.rawTopic("raw.proxy.unknown")).isEmpty();
    }

    @Test
    void kafkaPropertiesCarryTheManagedKeysOnly() {
        assertThat(config.kafkaClientProperties()).isEqualTo(Map.of("bootstrap.servers", "localhost:9092"));
        assertThat(config.kafkaStreamsProperties()).containsOnly(
                Map.entry("bootstrap.servers", "localhost:9092"),
                Map.entry("application.id", "sightline-v1"),
                Map.entry("processing.guarantee", "exactly_once_v2"),
                Map.entry("commit.interval.ms", "100"),
                Map.entry("num.stream.threads", "1"),
                Map.entry("replication.factor", "1"),
                Map.entry("state.dir", config.stateDir().toString()));
    }

    @Test
    void describeListsEveryKeyWithADefaultAndItsOrigin() {
        String description = config.describe();
        ConfigKeys.ALL.stream().filter(key -> key.defaultValue().isPresent())
                .forEach(key -> assertThat(description).contains(key.name() + " = "));
        assertThat(description)
                .contains("sightline.http.port = 8080 (default)")
                .contains("sightline.ingest.formats.raw.saas.m365 = m365-audit (default)")
                .doesNotContain(ConfigKeys.HTTP_API_TOKEN.name());
        assertThat(description.lines()).hasSize(config.redactedValues().size());
    }

    @Test
    void topicNamesCarryThePrefix() {
        SightlineConfig prefixed = SightlineConfig.loader().environment(Map.of())
                .overrides(Map.of("sightline.topic.prefix", "prod.")).load();
        assertThat(prefixed.topicName(Topic.ALERTS)).isEqualTo("prod.alerts");
        assertThat(config.topicName(Topic.ALERTS)).isEqualTo("alerts");
    }

    @Test
    void genericGetterReadsFamilyMembersAndRejectsAForeignDeclaration() {
        assertThat(config.get(ConfigKeys.INGEST_FORMATS.key("raw.proxy.zscaler"))).contains(Optional.of(InputFormat.ZSCALER));
        assertThat(config.get(ConfigKeys.KAFKA.key("security.protocol"))).isEmpty();
        ConfigKey<List<String>> lookalike = ConfigKey.list(ConfigKeys.HTTP_PORT.name());
        assertThatIllegalArgumentException().isThrownBy(() -> config.get(lookalike));
    }
}
