package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentVariablesTest {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({
            "SIGHTLINE_HTTP_PORT,                                    sightline.http.port",
            "SIGHTLINE_KAFKA_BOOTSTRAP_SERVERS,                      sightline.kafka.bootstrap.servers",
            "SIGHTLINE_KAFKA__SECURITY_PROTOCOL,                     kafka.security.protocol",
            "SIGHTLINE_KAFKA__SASL_JAAS_CONFIG,                      kafka.sasl.jaas.config",
            "SIGHTLINE_INGEST_FORMATS_RAW_SAAS_OPENAI___COMPLIANCE,  sightline.ingest.formats.raw.saas.openai-compliance",
            "SIGHTLINE_INGEST_FORMATS_RAW_PROXY_SQUID__DC2,          sightline.ingest.formats.raw.proxy.squid_dc2",
            "SIGHTLINE_KAFKA___X,                                    sightline.kafka-x",
    })
    void mapsBothWays(String variable, String key) {
        assertThat(EnvironmentVariables.keyFor(variable)).isEqualTo(key);
        assertThat(EnvironmentVariables.variableFor(key)).contains(variable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIGHTLINE_", "SIGHTLINE__HTTP", "SIGHTLINE_HTTP_", "SIGHTLINE_HTTP____PORT",
            "SIGHTLINE_KAFKA__", "SIGHTLINE_Http_Port", "SIGHTLINE_HTTP.PORT", "HTTP_PORT"})
    void rejectsNamesThatAreNoKey(String variable) {
        assertThatIllegalArgumentException().isThrownBy(() -> EnvironmentVariables.keyFor(variable));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sightline.kafka_x", "sightline.Topic", "sightline..x", "sightline.x.", "kafka.", "other.key",
            "sightline.ingest.formats.raw proxy"})
    void keysWithoutAVariable(String key) {
        assertThat(EnvironmentVariables.variableFor(key)).isEmpty();
    }

    @Property(tries = 500)
    void everyRepresentableKeyRoundTrips(@ForAll("keys") String key) {
        assertThat(EnvironmentVariables.variableFor(key))
                .hasValueSatisfying(variable -> assertThat(EnvironmentVariables.keyFor(variable)).isEqualTo(key));
    }

    @Property(tries = 1000)
    void everyVariableEitherMapsReversiblyOrIsRejected(@ForAll("variables") String variable) {
        String key;
        try {
            key = EnvironmentVariables.keyFor(variable);
        } catch (IllegalArgumentException rejected) {
            return;
        }
        assertThat(EnvironmentVariables.variableFor(key)).contains(variable);
    }

    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> separator = Arbitraries.of(".", "_", "-");
        Arbitrary<String> body = Combinators.combine(segment, Combinators.combine(separator, segment).as(String::concat)
                .list().ofMaxSize(5)).as((first, rest) -> first + String.join("", rest));
        return Combinators.combine(Arbitraries.of("sightline.", "kafka."), body).as(String::concat)
                .filter(key -> !key.startsWith("sightline.kafka_"));
    }

    @Provide
    Arbitrary<String> variables() {
        return Arbitraries.strings().withChars("AKFZ09_a.").ofMaxLength(16).map(body -> EnvironmentVariables.PREFIX + body);
    }
}
