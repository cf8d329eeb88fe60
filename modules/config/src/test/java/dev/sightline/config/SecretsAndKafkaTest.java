package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka.* pass-through reaches the clients in clear; describe(), redactedValues() and toString() never show a secret. */
class SecretsAndKafkaTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"sightline\" password=\"jaas-pa55\";";
    private static final String TRUSTSTORE_PASSWORD = "truststore-pa55";
    private static final String API_TOKEN = "api-token-0123456789abcdef";
    private static final String USER_INFO = "svc:registry-pa55";

    @TempDir
    Path dir;

    private SightlineConfig config;

    @BeforeEach
    void load() throws IOException {
        Path file = Files.writeString(dir.resolve("cluster.yaml"), """
                sightline:
                  kafka.bootstrap.servers: b1:9093,b2:9093
                  schema.registry:
                    url: https://registry.internal:8081
                    basic.auth.user.info: "%s"
                kafka:
                  security.protocol: SASL_SSL
                  sasl:
                    mechanism: SCRAM-SHA-512
                    jaas.config: '%s'
                """.formatted(USER_INFO, JAAS));
        config = SightlineConfig.loader().file(file)
                .environment(Map.of(
                        "SIGHTLINE_KAFKA__SSL_TRUSTSTORE_LOCATION", "/etc/sightline/truststore.jks",
                        "SIGHTLINE_KAFKA__SSL_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD,
                        "SIGHTLINE_HTTP_API_TOKEN", API_TOKEN))
                .overrides(Map.of("kafka.client.id", "sightline-1"))
                .load();
    }

    @Test
    void passThroughPropertiesReachEveryClientWithThePrefixRemoved() {
        assertThat(config.kafkaClientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "b1:9093,b2:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/sightline/truststore.jks",
                "ssl.truststore.password", TRUSTSTORE_PASSWORD,
                "client.id", "sightline-1"));
        assertThat(config.kafkaStreamsProperties())
                .containsAllEntriesOf(config.kafkaClientProperties())
                .containsEntry("application.id", "sightline-v1");
        assertThat(config.get(ConfigKeys.KAFKA.key("sasl.mechanism"))).contains("SCRAM-SHA-512");
    }

    @Test
    void secretsAreReadableThroughTheirGetters() {
        assertThat(config.httpApiToken()).map(Secret::reveal).contains(API_TOKEN);
        assertThat(config.schemaRegistryUserInfo()).map(Secret::reveal).contains(USER_INFO);
        assertThat(config.httpApiToken()).hasToString("Optional[******]");
    }

    @Test
    void describeRedactedValuesAndToStringMaskEverySecret() {
        for (String shown : new String[] {config.describe(), config.toString(), config.redactedValues().toString()}) {
            assertThat(shown).doesNotContain("jaas-pa55", TRUSTSTORE_PASSWORD, API_TOKEN, "registry-pa55")
                    .contains("SASL_SSL", "/etc/sightline/truststore.jks", "https://registry.internal:8081");
        }
        assertThat(config.redactedValues()).contains(
                Map.entry("kafka.sasl.jaas.config", Secret.MASK),
                Map.entry("kafka.ssl.truststore.password", Secret.MASK),
                Map.entry("kafka.security.protocol", "SASL_SSL"),
                Map.entry("sightline.http.api.token", Secret.MASK),
                Map.entry("sightline.schema.registry.basic.auth.user.info", Secret.MASK));
        assertThat(config.describe()).contains(
                "sightline.http.api.token = ****** (environment variable SIGHTLINE_HTTP_API_TOKEN)");
    }

    @Test
    void passThroughKeysNamingCredentialsAreSecrets() {
        for (String property : new String[] {"sasl.jaas.config", "ssl.key.password", "ssl.keystore.location",
                "sasl.oauthbearer.token.endpoint.url", "basic.auth.user.secret", "SSL.TRUSTSTORE.PASSWORD"}) {
            assertThat(ConfigKeys.KAFKA.key(property).isSecret()).as(property).isTrue();
        }
        for (String property : new String[] {"security.protocol", "sasl.mechanism", "client.id", "linger.ms"}) {
            assertThat(ConfigKeys.KAFKA.key(property).isSecret()).as(property).isFalse();
        }
    }

    @Test
    void aBadPassThroughSecretIsMaskedInTheProblem() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () ->
                SightlineConfig.loader().environment(Map.of())
                        .overrides(Map.of("kafka.sasl.jaas.config", JAAS, "kafka.bootstrap.servers", "x:1",
                                "sightline.http.api.token", "short pa55"))
                        .load());
        assertThat(e.getMessage()).doesNotContain("jaas-pa55", "pa55").contains("sightline.http.api.token = '******'");
    }
}
