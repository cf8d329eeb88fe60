package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void everyKeyIsDocumentedAndSettableFromTheEnvironment() {
        assertThat(ConfigKeys.ALL).allSatisfy(key -> {
            assertThat(key.name()).startsWith("sightline.");
            assertThat(key.doc()).isNotBlank();
            assertThat(key.environmentVariable()).isPresent();
        });
        assertThat(ConfigKeys.ALL.stream().map(ConfigKey::name).collect(Collectors.toSet())).hasSameSizeAs(ConfigKeys.ALL);
    }

    @Test
    void theSecretsAreTheCredentials() {
        Set<String> secrets = ConfigKeys.ALL.stream().filter(ConfigKey::isSecret).map(ConfigKey::name).collect(Collectors.toSet());
        assertThat(secrets).containsExactlyInAnyOrder("sightline.schema.registry.basic.auth.user.info",
                "sightline.schema.registry.bearer.token", "sightline.http.api.token", "sightline.scanner.hmac.key");
    }

    @Test
    void referenceHasARowPerKeyAndFamily() {
        String reference = ConfigKeys.reference();
        ConfigKeys.ALL.forEach(key -> assertThat(reference).contains("| " + key.name() + " | "
                + key.environmentVariable().orElseThrow() + " | "));
        assertThat(reference)
                .contains("| sightline.http.port | SIGHTLINE_HTTP_PORT | 8080 | an integer from 0 to 65535 | ")
                .contains("| sightline.topic.prefix | SIGHTLINE_TOPIC_PREFIX | (empty) | ")
                .contains("| sightline.http.api.token | SIGHTLINE_HTTP_API_TOKEN | (none) | ")
                .contains("| kafka.<property> | SIGHTLINE_KAFKA__<PROPERTY> | (none) | a string | ")
                .contains("| sightline.ingest.formats.<topic> | SIGHTLINE_INGEST_FORMATS_<TOPIC> | raw.proxy.ecs=ecs, ")
                .contains("raw.saas.openai-compliance=chatgpt-compliance");
        assertThat(reference.lines()).hasSize(2 + ConfigKeys.ALL.size() + ConfigKeys.FAMILIES.size());
    }

    @Test
    void aDefaultThatBreaksItsOwnValidatorIsRejectedAtDeclaration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConfigKey.integer("sightline.x").defaultValue(0).validator(Validator.atLeast(1)))
                .withMessage("default of sightline.x is not an integer of at least 1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ConfigKey.integer("sightline.x").validator(Validator.range(1, 9)).defaultValue(10));
    }

    @Test
    void familyMembersTakeTheirDefaultAndSecrecy() {
        assertThat(ConfigKeys.INGEST_FORMATS.key("raw.proxy.squid").defaultValue()).contains(Optional.of(InputFormat.SQUID));
        assertThat(ConfigKeys.INGEST_FORMATS.key("raw.other").defaultValue()).isEmpty();
        assertThat(ConfigKeys.KAFKA.key("sasl.jaas.config").name()).isEqualTo("kafka.sasl.jaas.config");
        assertThat(ConfigKeys.KAFKA.contains("kafka.")).isFalse();
        assertThat(ConfigKeys.KAFKA.contains("kafka.linger.ms")).isTrue();
    }
}
