package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults < file < environment < overrides, and how files are read. */
class SourcesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static SightlineConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        return SightlineConfig.loader().file(file).environment(env).overrides(overrides).load();
    }

    @Test
    void eachSourceWinsOverTheOnesBelowIt() throws IOException {
        Path file = write("sightline.properties", """
                sightline.http.port=1000
                sightline.topic.partitions=12
                sightline.application.id=file-v2
                """);
        Map<String, String> env = Map.of("SIGHTLINE_HTTP_PORT", "2000", "SIGHTLINE_TOPIC_PARTITIONS", "24");
        Map<String, String> overrides = Map.of("sightline.http.port", "3000");

        SightlineConfig all = load(file, env, overrides);
        assertThat(all.httpPort()).isEqualTo(3000);
        assertThat(all.defaultPartitions()).isEqualTo(24);
        assertThat(all.applicationId()).isEqualTo("file-v2");
        assertThat(all.numStreamThreads()).isEqualTo(1);
        assertThat(all.describe())
                .contains("sightline.http.port = 3000 (override)")
                .contains("sightline.topic.partitions = 24 (environment variable SIGHTLINE_TOPIC_PARTITIONS)")
                .contains("sightline.application.id = file-v2 (file " + file + ")")
                .contains("sightline.streams.num.stream.threads = 1 (default)");

        assertThat(load(file, env, Map.of()).httpPort()).isEqualTo(2000);
        assertThat(load(file, Map.of(), Map.of()).httpPort()).isEqualTo(1000);
        assertThat(SightlineConfig.loader().environment(Map.of()).load().httpPort()).isEqualTo(8080);
    }

    @Test
    void aBlankValueResetsToTheBuiltInDefault() throws IOException {
        Path file = write("sightline.properties", """
                sightline.http.port=1000
                sightline.http.api.token=0123456789abcdef0123
                """);
        SightlineConfig config = load(file, Map.of("SIGHTLINE_HTTP_API_TOKEN", ""), Map.of("sightline.http.port", "  "));
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.httpApiToken()).isEmpty();
    }

    @Test
    void valuesAreTrimmedAndEnumsIgnoreCase() {
        SightlineConfig config = SightlineConfig.loader()
                .environment(Map.of("SIGHTLINE_STREAMS_PROCESSING_GUARANTEE", " AT_LEAST_ONCE "))
                .overrides(Map.of("sightline.http.port", " 9090\t", "sightline.ingest.formats.raw.proxy.squid", "SQUID-EXT"))
                .load();
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
        assertThat(config.rawTopic("raw.proxy.squid")).map(RawTopic::format).contains(InputFormat.SQUID_EXT);
    }

    @Test
    void yamlNestedKeysFlattenToDottedKeysAndListsToCommas() throws IOException {
        Path file = write("sightline.yaml", """
                sightline:
                  kafka:
                    bootstrap.servers: [broker-1:9092, broker-2:9092]
                  http:
                    port: 9443
                    bind.address: 0.0.0.0
                  topic:
                    prefix: prod.
                    replication.factor: 3
                  ingest:
                    formats:
                      raw.proxy.squid: squid
                      raw.proxy.squid-dc2: squid-combined
                      raw.saas.gemini: none
                    logformats:
                      raw.proxy.squid: "%ts.%03tu %>a %rm %ru"
                kafka:
                  security.protocol: SASL_SSL
                """);
        SightlineConfig config = load(file, Map.of(), Map.of());
        assertThat(config.bootstrapServers()).containsExactly("broker-1:9092", "broker-2:9092");
        assertThat(config.kafkaClientProperties()).containsEntry("bootstrap.servers", "broker-1:9092,broker-2:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.httpPort()).isEqualTo(9443);
        assertThat(config.httpBindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.topicPrefix()).isEqualTo("prod.");
        assertThat(config.replicationFactor()).isEqualTo((short) 3);
        assertThat(config.rawTopic("raw.proxy.squid")).contains(
                new RawTopic("raw.proxy.squid", InputFormat.SQUID, Optional.of("%ts.%03tu %>a %rm %ru")));
        assertThat(config.rawTopic("raw.proxy.squid-dc2")).map(RawTopic::format).contains(InputFormat.SQUID_COMBINED);
        assertThat(config.rawTopic("raw.saas.gemini")).isEmpty();
        assertThat(config.rawTopics()).hasSize(7);
    }

    @Test
    void anEmptyYamlFileIsAllDefaults() throws IOException {
        assertThat(load(write("empty.yml", "# nothing yet\n"), Map.of(), Map.of()).httpPort()).isEqualTo(8080);
    }

    @Test
    void environmentVariablesReachPassThroughAndFamilyKeys() {
        Map<String, String> env = new HashMap<>();
        env.put("SIGHTLINE_KAFKA__SECURITY_PROTOCOL", "SASL_SSL");
        env.put("SIGHTLINE_INGEST_FORMATS_RAW_SAAS_OPENAI___COMPLIANCE", "none");
        env.put("PATH", "/usr/bin");
        env.put("KAFKA_HEAP_OPTS", "-Xmx1g");
        SightlineConfig config = SightlineConfig.loader().environment(env).load();
        assertThat(config.kafkaClientProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.rawTopic("raw.saas.openai-compliance")).isEmpty();
    }
}
