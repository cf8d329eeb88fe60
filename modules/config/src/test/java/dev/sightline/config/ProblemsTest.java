package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad value gives one ConfigException whose message names key, value, origin and what is allowed. */
class ProblemsTest {

    @TempDir
    Path dir;

    private static ConfigException failure(Map<String, String> env, Map<String, String> overrides) {
        return catchThrowableOfType(ConfigException.class,
                () -> SightlineConfig.loader().environment(env).overrides(overrides).load());
    }

    private static String onlyProblem(String key, String value) {
        ConfigException e = failure(Map.of(), Map.of(key, value));
        assertThat(e).as("%s=%s must be rejected", key, value).isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).contains(e.problems().get(0));
        return e.problems().get(0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "sightline.kafka.bootstrap.servers      | localhost                | a comma-separated list of host:port",
            "sightline.kafka.bootstrap.servers      | broker:0,broker:9092     | port 1 to 65535",
            "sightline.kafka.bootstrap.servers      | ,                        | a comma-separated list of host:port",
            "sightline.application.id               | sightline                | ending in a version suffix such as -v1",
            "sightline.application.id               | sightline v1             | ending in a version suffix such as -v1",
            "sightline.topic.prefix                 | prod/                    | empty or letters, digits, '.', '_' and '-'",
            "sightline.topic.partitions             | 0                        | an integer of at least 1",
            "sightline.topic.partitions             | six                      | an integer of at least 1",
            "sightline.topic.replication.factor     | 40000                    | an integer from 1 to 32767",
            "sightline.schema.registry.url          | ftp://registry:8081      | mock://<scope> (in-memory registry) or an http:// or https:// URL",
            "sightline.schema.registry.url          | mock://                  | mock://<scope>",
            "sightline.http.port                    | 65536                    | an integer from 0 to 65535",
            "sightline.http.port                    | -1                       | an integer from 0 to 65535",
            "sightline.http.port                    | 80.5                     | an integer from 0 to 65535",
            "sightline.http.bind.address            | local host               | a host name or an IPv4 or IPv6 address",
            "sightline.http.bind.address            | 256.1.1.1                | a host name or an IPv4 or IPv6 address",
            "sightline.streams.processing.guarantee | exactly_once             | one of exactly_once_v2, at_least_once",
            "sightline.streams.commit.interval.ms   | -5                       | an integer of at least 0",
            "sightline.streams.num.stream.threads   | 0                        | an integer of at least 1",
            "sightline.deadletter.raw.mode          | drop                     | one of keep, hash",
            "sightline.ingest.formats.raw.proxy.squid | squid-xl               | one of squid, squid-ext, squid-common, squid-combined, zscaler, netskope, ecs, m365-audit, chatgpt-compliance, gemini-audit, or none",
            "sightline.ingest.formats.raw.new       | syslog                   | or none",
            "sightline.ingest.logformats.raw.proxy.squid | no codes here       | a squid.conf logformat definition",
    })
    void aBadValueIsNamedWithItsKeyValueOriginAndWhatIsAllowed(String key, String value, String allowed) {
        assertThat(onlyProblem(key, value))
                .startsWith(key + " = '" + value + "' (from override): must be ")
                .contains(allowed);
    }

    @Test
    void aStateDirThatIsNoPathIsRejectedWithoutBreakingTheLine() {
        assertThat(onlyProblem("sightline.streams.state.dir", "/tmp/a\u0000b"))
                .isEqualTo("sightline.streams.state.dir = '/tmp/a\\u0000b' (from override): must be a non-empty file system path");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sightline.schema.registry.basic.auth.user.info | justuser-no-password | user:password for HTTP basic authentication",
            "sightline.schema.registry.bearer.token         | two words here       | a token without whitespace",
            "sightline.http.api.token                       | short-token          | at least 16 characters without whitespace",
    })
    void aBadSecretIsMasked(String key, String value, String allowed) {
        assertThat(onlyProblem(key, value))
                .isEqualTo(key + " = '******' (from override): must be " + allowed)
                .doesNotContain(value);
    }

    @Test
    void theOriginNamesTheEnvironmentVariableOrTheFile() throws IOException {
        ConfigException fromEnv = failure(Map.of("SIGHTLINE_HTTP_PORT", "http"), Map.of());
        assertThat(fromEnv.problems()).containsExactly(
                "sightline.http.port = 'http' (from environment variable SIGHTLINE_HTTP_PORT): must be an integer from 0 to 65535");

        Path file = Files.writeString(dir.resolve("bad.properties"), "sightline.topic.partitions=-3\n");
        ConfigException fromFile = catchThrowableOfType(ConfigException.class,
                () -> SightlineConfig.loader().file(file).environment(Map.of()).load());
        assertThat(fromFile.problems()).containsExactly(
                "sightline.topic.partitions = '-3' (from file " + file + "): must be an integer of at least 1");
    }

    @Test
    void allProblemsAreReportedTogether() {
        ConfigException e = failure(Map.of("SIGHTLINE_HTTP_PORT", "-1", "SIGHTLINE_HTTP____X", "1"), Map.of(
                "sightline.topic.partitions", "0",
                "sightline.streams.num.stream.threads", "many",
                "sightline.htp.port", "1"));
        assertThat(e.problems()).hasSize(5);
        assertThat(e.getMessage()).startsWith("Invalid Sightline configuration (5 problems):")
                .contains("sightline.http.port", "sightline.topic.partitions", "sightline.streams.num.stream.threads",
                        "sightline.htp.port", "SIGHTLINE_HTTP____X");
    }

    @Test
    void anUnknownKeyIsAnErrorWithTheNearestKnownKey() {
        assertThat(onlyProblem("sightline.http.prot", "8080"))
                .isEqualTo("sightline.http.prot (from override): unknown key; did you mean sightline.http.port?");
        assertThat(onlyProblem("sightline.streams.num.threads", "2"))
                .endsWith("did you mean sightline.streams.num.stream.threads?");
        assertThat(onlyProblem("sightline.ingest.format.raw.proxy.squid", "squid"))
                .endsWith("did you mean sightline.ingest.formats.raw.proxy.squid?");
        assertThat(onlyProblem("kafak.security.protocol", "SSL"))
                .endsWith("did you mean kafka.security.protocol?");
        assertThat(onlyProblem("http.port", "8080"))
                .endsWith("did you mean sightline.http.port?");
        assertThat(onlyProblem("sightline.something.else.entirely", "x"))
                .isEqualTo("sightline.something.else.entirely (from override): unknown key");
    }

    @Test
    void anUnknownEnvironmentVariableGetsTheVariableToUseInstead() {
        assertThat(failure(Map.of("SIGHTLINE_HTTP_PROT", "8080"), Map.of()).problems()).containsExactly(
                "sightline.http.prot (from environment variable SIGHTLINE_HTTP_PROT): unknown key;"
                        + " did you mean SIGHTLINE_HTTP_PORT (sightline.http.port)?");
    }

    @Test
    void anUnknownKeyNeverShowsItsValue() {
        assertThat(onlyProblem("sightline.http.api.tokn", "hunter2-hunter2-hunter2"))
                .doesNotContain("hunter2")
                .endsWith("did you mean sightline.http.api.token?");
    }

    @Test
    void aMalformedEnvironmentVariableNameIsAProblem() {
        assertThat(failure(Map.of("SIGHTLINE_HTTP____PORT", "1", "SIGHTLINE_http_port", "2"), Map.of()).problems())
                .containsExactlyInAnyOrder(
                        "SIGHTLINE_HTTP____PORT (environment variable): not a configuration key: 4 underscores in a row"
                                + " are ambiguous; use _ for '.', __ for '_', ___ for '-'",
                        "SIGHTLINE_http_port (environment variable): not a configuration key: only upper-case letters,"
                                + " digits and '_' may follow SIGHTLINE_");
    }

    @Test
    void kafkaPropertiesSightlineSetsItselfPointToTheSightlineKey() {
        assertThat(onlyProblem("kafka.bootstrap.servers", "broker:9092")).isEqualTo(
                "kafka.bootstrap.servers (from override): Sightline sets bootstrap.servers itself;"
                        + " use sightline.kafka.bootstrap.servers (SIGHTLINE_KAFKA_BOOTSTRAP_SERVERS) instead");
        assertThat(onlyProblem("kafka.application.id", "other")).contains("use sightline.application.id");
        assertThat(onlyProblem("kafka.processing.guarantee", "at_least_once"))
                .contains("use sightline.streams.processing.guarantee");
    }

    @Test
    void aTopicNameWithIllegalCharactersIsAProblem() {
        assertThat(onlyProblem("sightline.ingest.formats.raw proxy", "squid")).isEqualTo(
                "sightline.ingest.formats.raw proxy (from override): the topic name at the end of the key must be 1 to 249"
                        + " letters, digits, '.', '_' and '-'");
    }

    @Test
    void aLogformatNeedsATopicOfFormatSquid() {
        assertThat(onlyProblem("sightline.ingest.logformats.raw.proxy.zscaler", "%ts %ru")).isEqualTo(
                "sightline.ingest.logformats.raw.proxy.zscaler = '%ts %ru' (from override): a logformat applies only to"
                        + " a topic of format squid, but sightline.ingest.formats.raw.proxy.zscaler is zscaler");
        assertThat(onlyProblem("sightline.ingest.logformats.raw.proxy.elsewhere", "%ts %ru"))
                .endsWith("but sightline.ingest.formats.raw.proxy.elsewhere is not set");
        // a bad format is reported once, not again through its logformat
        ConfigException e = failure(Map.of(), Map.of("sightline.ingest.formats.raw.x", "sqiud",
                "sightline.ingest.logformats.raw.x", "%ts"));
        assertThat(e.problems()).hasSize(1);
    }

    @Test
    void onlyOneKindOfRegistryCredentialsMayBeSet() {
        ConfigException e = failure(Map.of("SIGHTLINE_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "svc:pa55word"),
                Map.of("sightline.schema.registry.bearer.token", "eyJhbGciOi.abc.def"));
        assertThat(e.problems()).containsExactly("sightline.schema.registry.bearer.token = '******' (from override):"
                + " set only one of sightline.schema.registry.basic.auth.user.info"
                + " (from environment variable SIGHTLINE_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO)"
                + " and sightline.schema.registry.bearer.token");
        assertThat(e.getMessage()).doesNotContain("pa55word").doesNotContain("eyJhbGciOi");
    }

    @Test
    void credentialsInARegistryUrlAreRejectedAndNotShown() {
        assertThat(onlyProblem("sightline.schema.registry.url", "https://svc:pa55word@registry:8081"))
                .startsWith("sightline.schema.registry.url = 'https://******@registry:8081' (from override)")
                .doesNotContain("pa55word");
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        String problem = onlyProblem("sightline.topic.prefix", "x/".repeat(200));
        assertThat(problem.length()).isLessThan(300);
    }
}
