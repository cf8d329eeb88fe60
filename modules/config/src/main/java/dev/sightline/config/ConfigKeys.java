package dev.sightline.config;

import dev.sightline.model.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every Sightline configuration option, declared once. {@link SightlineConfig} reads them; nothing else names keys. */
public final class ConfigKeys {

    private static final String NAME_CHARS = "letters, digits, '.', '_' and '-'";

    public static final ConfigKey<List<String>> KAFKA_BOOTSTRAP_SERVERS = ConfigKey.list("sightline.kafka.bootstrap.servers")
            .defaultValue(List.of("localhost:9092"))
            .validator(new Validator<>(servers -> !servers.isEmpty() && servers.stream().allMatch(NetworkSyntax::isHostPort),
                    "a comma-separated list of host:port (IPv6 hosts in brackets, port 1 to 65535)"))
            .clientProperty("bootstrap.servers")
            .doc("Kafka brokers to connect to first. Embedded mode (demo, replay) sets its own broker's address.");

    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.string("sightline.application.id")
            .defaultValue("sightline-v1")
            .validator(Validator.matching("[a-zA-Z0-9._-]*-v[0-9]+", NAME_CHARS + ", ending in a version suffix such as -v1"))
            .streamsProperty("application.id")
            .doc("Kafka Streams application id, shared by all instances that split the work; it names the consumer"
                    + " group, internal topics and state. Bump the version suffix only to start over with empty state.");

    public static final ConfigKey<String> TOPIC_PREFIX = ConfigKey.string("sightline.topic.prefix")
            .defaultValue("")
            .validator(Validator.matching("[a-zA-Z0-9._-]*", "empty or " + NAME_CHARS))
            .doc("Put in front of every topic name of ARCHITECTURE.md, e.g. 'prod.' for prod.raw.proxy.squid."
                    + " Topic names in sightline.ingest.* keys are written without it.");

    public static final ConfigKey<Integer> TOPIC_PARTITIONS = ConfigKey.integer("sightline.topic.partitions")
            .defaultValue(6)
            .validator(Validator.atLeast(1))
            .doc("Partitions of the topics Sightline creates; the unit of parallelism across instances and threads.");

    public static final ConfigKey<Integer> TOPIC_REPLICATION_FACTOR = ConfigKey.integer("sightline.topic.replication.factor")
            .defaultValue(1)
            .validator(Validator.range(1, (int) Short.MAX_VALUE))
            .streamsProperty("replication.factor")
            .doc("Replicas of the topics Sightline creates, Kafka Streams' internal topics included."
                    + " 1 suits the embedded single broker; use 3 on a cluster.");

    public static final ConfigKey<String> SCHEMA_REGISTRY_URL = ConfigKey.string("sightline.schema.registry.url")
            .defaultValue("mock://sightline")
            .validator(new Validator<>(NetworkSyntax::isRegistryUrl, "mock://<scope> (in-memory registry) or an http://"
                    + " or https:// URL without user info (credentials have their own keys)"))
            .doc("Confluent-compatible schema registry for the Avro topics; mock://<scope> is in-memory, for embedded mode.");

    public static final ConfigKey<Secret> SCHEMA_REGISTRY_USER_INFO = ConfigKey.secret("sightline.schema.registry.basic.auth.user.info")
            .validator(new Validator<>(info -> info.reveal().indexOf(':') > 0 && !info.reveal().endsWith(":"),
                    "user:password for HTTP basic authentication"))
            .doc("Basic-auth credentials for the schema registry. Not together with a bearer token.");

    public static final ConfigKey<Secret> SCHEMA_REGISTRY_BEARER_TOKEN = ConfigKey.secret("sightline.schema.registry.bearer.token")
            .validator(new Validator<>(token -> token.reveal().chars().noneMatch(Character::isWhitespace),
                    "a token without whitespace"))
            .doc("Bearer token for the schema registry. Not together with basic-auth user info.");

    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.integer("sightline.http.port")
            .defaultValue(8080)
            .validator(Validator.range(0, 65535))
            .doc("Port of /health, /metrics and the API; 0 picks a free port.");

    public static final ConfigKey<String> HTTP_BIND_ADDRESS = ConfigKey.string("sightline.http.bind.address")
            .defaultValue("127.0.0.1")
            .validator(new Validator<>(NetworkSyntax::isHost, "a host name or an IPv4 or IPv6 address"))
            .doc("Address the HTTP server listens on; loopback by default, 0.0.0.0 for all interfaces.");

    public static final ConfigKey<Secret> HTTP_API_TOKEN = ConfigKey.secret("sightline.http.api.token")
            .validator(new Validator<>(token -> token.reveal().length() >= 16
                    && token.reveal().chars().noneMatch(Character::isWhitespace),
                    "at least 16 characters without whitespace"))
            .doc("Bearer token the HTTP API requires (Authorization: Bearer ...); without it the API is open.");

    public static final ConfigKey<Path> STATE_DIR = ConfigKey.path("sightline.streams.state.dir")
            .defaultValue(Path.of(System.getProperty("java.io.tmpdir"), "sightline-streams"))
            .validator(new Validator<>(path -> !path.toString().isEmpty(), "a non-empty file system path"))
            .streamsProperty("state.dir")
            .doc("Directory of Kafka Streams' local state stores. Use persistent storage in production.");

    public static final ConfigKey<ProcessingGuarantee> PROCESSING_GUARANTEE =
            ConfigKey.enumeration("sightline.streams.processing.guarantee", ProcessingGuarantee.class)
                    .defaultValue(ProcessingGuarantee.EXACTLY_ONCE_V2)
                    .streamsProperty("processing.guarantee")
                    .doc("exactly_once_v2: every event counted once, even after failures; at_least_once: lower latency,"
                            + " duplicates possible after a failure.");

    public static final ConfigKey<Long> COMMIT_INTERVAL_MS = ConfigKey.longInteger("sightline.streams.commit.interval.ms")
            .defaultValue(100L)
            .validator(Validator.atLeast(0L))
            .streamsProperty("commit.interval.ms")
            .doc("How often Kafka Streams commits, in milliseconds; bounds end-to-end latency under exactly_once_v2.");

    public static final ConfigKey<Integer> NUM_STREAM_THREADS = ConfigKey.integer("sightline.streams.num.stream.threads")
            .defaultValue(1)
            .validator(Validator.atLeast(1))
            .streamsProperty("num.stream.threads")
            .doc("Stream threads per instance.");

    public static final ConfigKey<Integer> STATE_MEMORY_MB = ConfigKey.integer("sightline.streams.state.memory.mb")
            .defaultValue(256)
            .validator(Validator.atLeast(16))
            .doc("Off-heap memory, in MiB, that all RocksDB state stores of the instance share (block cache with index"
                    + " and filter blocks, and memtables): native memory stays bounded however many stores and"
                    + " partitions the instance holds.");

    public static final ConfigKey<DeadLetterRawMode> DEAD_LETTER_RAW_MODE =
            ConfigKey.enumeration("sightline.deadletter.raw.mode", DeadLetterRawMode.class)
                    .defaultValue(DeadLetterRawMode.KEEP)
                    .doc("What errors.dead-letter keeps of a rejected record: keep = the raw bytes (for repair and"
                            + " replay), hash = only a keyed hash (where raw lines must not be retained).");

    // Enrichment: the content scanner (dev.sightline.classify) that runs on events.ai-usage.
    public static final ConfigKey<Secret> SCANNER_HMAC_KEY = ConfigKey.secret("sightline.scanner.hmac.key")
            .validator(new Validator<>(key -> key.reveal().getBytes(StandardCharsets.UTF_8).length >= 16,
                    "at least 16 bytes (UTF-8); e.g. 32 random bytes in hex"))
            .doc("Key of the HMAC-SHA256 that hashes each sensitive value the scanner finds, so repeats correlate"
                    + " without the value. Keep it stable: a new key breaks correlation with earlier hashes. Required"
                    + " by run; demo and replay use a random key per process when it is unset.");

    public static final ConfigKey<Integer> SCANNER_MAX_BYTES = ConfigKey.integer("sightline.scanner.max.bytes")
            .defaultValue(1 << 20)
            .validator(Validator.range(1, 64 << 20))
            .doc("UTF-8 bytes of an event's content that the scanner reads; the rest is skipped and the event is"
                    + " marked contentTruncated.");

    // Ingestion: one spelling per user whatever the source.
    public static final ConfigKey<Map<String, String>> INGEST_DOMAIN_SUFFIXES =
            ConfigKey.of("sightline.ingest.domain.suffixes", ConfigKeys.pairs("DOMAIN=suffix", true))
                    .defaultValue(Map.of())
                    .doc("Windows domains and the UPN suffix of their users, e.g. CORP=corp.example,EMEA=emea.corp.example:"
                            + " a proxy's CORP\\frank becomes frank@corp.example, the same user as in the SaaS audit logs.");

    // Detection: which policy of ref.policies is in force.
    public static final ConfigKey<String> POLICY_ID = ConfigKey.string("sightline.policy.id")
            .defaultValue("default")
            .validator(Validator.matching("[a-zA-Z0-9._-]{1,100}", "1 to 100 of " + NAME_CHARS))
            .doc("Id (record key on ref.policies) of the policy the detection rules apply; with none published,"
                    + " every tool's sanction status comes from the catalog.");

    // SIEM outputs: alerts rendered for SIEMs (dev.sightline.pipeline.siem), each switchable.
    public static final ConfigKey<Boolean> SIEM_OCSF_ENABLED = ConfigKey.of("sightline.siem.ocsf.enabled", ValueType.BOOLEAN)
            .defaultValue(true)
            .doc("Write each alert as an OCSF 1.8.0 Detection Finding (JSON) to alerts.ocsf.");

    public static final ConfigKey<Boolean> SIEM_ECS_ENABLED = ConfigKey.of("sightline.siem.ecs.enabled", ValueType.BOOLEAN)
            .defaultValue(true)
            .doc("Write each alert as an Elastic Common Schema alert document (JSON) to alerts.ecs.");

    public static final ConfigKey<Boolean> SIEM_CEF_ENABLED = ConfigKey.of("sightline.siem.cef.enabled", ValueType.BOOLEAN)
            .defaultValue(true)
            .doc("Write each alert as a CEF line to alerts.cef.");

    // Query API (issue 6): multi-instance routing and the audit query store.
    public static final ConfigKey<String> HTTP_ADVERTISED_ADDRESS = ConfigKey.string("sightline.http.advertised.address")
            .validator(new Validator<>(NetworkSyntax::isHostPort, "host:port that other instances can reach"))
            .streamsProperty("application.server")
            .doc("host:port where other Sightline instances reach this instance's HTTP API, to route a query to the"
                    + " instance holding the data (Kafka Streams application.server). Default: the bind address (or,"
                    + " when it is a wildcard, the host name) and the HTTP port. Set it per instance, e.g. to the pod DNS name.");

    public static final ConfigKey<Integer> AUDIT_QUERY_RETENTION_DAYS = ConfigKey.integer("sightline.audit.query.retention.days")
            .defaultValue(400)
            .validator(Validator.range(1, 36500))
            .doc("Days (by event time) the audit query store keeps audit records for /api/audit; the EU AI Act asks"
                    + " deployers to keep logs for at least six months. The audit topic's own retention is separate.");

    /** Every option with a fixed key, in documentation order. */
    public static final List<ConfigKey<?>> ALL = List.of(
            KAFKA_BOOTSTRAP_SERVERS, APPLICATION_ID, TOPIC_PREFIX, TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR,
            SCHEMA_REGISTRY_URL, SCHEMA_REGISTRY_USER_INFO, SCHEMA_REGISTRY_BEARER_TOKEN,
            HTTP_PORT, HTTP_BIND_ADDRESS, HTTP_API_TOKEN,
            STATE_DIR, PROCESSING_GUARANTEE, COMMIT_INTERVAL_MS, NUM_STREAM_THREADS, STATE_MEMORY_MB,
            DEAD_LETTER_RAW_MODE, INGEST_DOMAIN_SUFFIXES, SCANNER_HMAC_KEY, SCANNER_MAX_BYTES, POLICY_ID,
            SIEM_OCSF_ENABLED, SIEM_ECS_ENABLED, SIEM_CEF_ENABLED,
            HTTP_ADVERTISED_ADDRESS, AUDIT_QUERY_RETENTION_DAYS);

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final String NO_FORMAT = "none";
    private static final String FORMAT_NAMES = Arrays.stream(InputFormat.values())
            .map(InputFormat::configName).collect(Collectors.joining(", "));

    /** Which raw topic carries which format; {@code none} turns a default topic off. */
    public static final KeyFamily<Optional<InputFormat>> INGEST_FORMATS = new KeyFamily<>(
            "sightline.ingest.formats.", "topic",
            ConfigKey.of("format", ValueType.<Optional<InputFormat>>of("one of " + FORMAT_NAMES + ", or " + NO_FORMAT,
                            ConfigKeys::parseFormat, format -> format.map(InputFormat::configName).orElse(NO_FORMAT)))
                    .doc("The input format of a raw topic (name without the topic prefix); none = the topic is not read."
                            + " Defaults cover the raw topics of ARCHITECTURE.md; more topics may be added."),
            ConfigKeys::topicNameProblem, suffix -> false, defaultFormats());

    /** A site-specific Squid log format per raw topic of format squid. */
    public static final KeyFamily<String> INGEST_LOGFORMATS = new KeyFamily<>(
            "sightline.ingest.logformats.", "topic",
            ConfigKey.string("logformat")
                    .validator(new Validator<>(definition -> definition.contains("%"),
                            "a squid.conf logformat definition (the part after the name, with %-codes)"))
                    .doc("For a topic of format squid: the squid.conf logformat definition its proxies write."),
            ConfigKeys::topicNameProblem, suffix -> false, Map.of());

    /** For JSON feeds whose keys the admin chooses (Zscaler NSS, Netskope): our field name to the feed's key. */
    public static final KeyFamily<Map<String, String>> INGEST_KEYMAPS = new KeyFamily<>(
            "sightline.ingest.keymaps.", "topic",
            ConfigKey.of("keymap", ConfigKeys.pairs("field=feedKey", false))
                    .doc("For a topic of format zscaler or netskope: fields whose feed template uses another key, e.g."
                            + " user=login,url=request_url; fields not named keep the common template's key."),
            ConfigKeys::topicNameProblem, suffix -> false, Map.of());

    private static final Map<String, ConfigKey<?>> SET_BY_SIGHTLINE = ALL.stream()
            .filter(key -> key.kafkaProperty().isPresent())
            .collect(Collectors.toUnmodifiableMap(key -> key.kafkaProperty().orElseThrow(), Function.identity()));
    private static final Pattern PROPERTY_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "jaas", "token", "key");

    /** Kafka client properties passed through unchanged: {@code kafka.security.protocol} becomes {@code security.protocol}. */
    public static final KeyFamily<String> KAFKA = new KeyFamily<>(
            "kafka.", "property",
            ConfigKey.string("kafka")
                    .doc("Passed to every Kafka client (producer, consumer, admin, Kafka Streams) with 'kafka.' removed,"
                            + " e.g. kafka.security.protocol=SASL_SSL. Properties whose name contains "
                            + String.join(", ", SECRET_WORDS) + " are secrets."),
            ConfigKeys::kafkaPropertyProblem, ConfigKeys::isSecretKafkaProperty, Map.of());

    public static final List<KeyFamily<?>> FAMILIES = List.of(INGEST_FORMATS, INGEST_LOGFORMATS, INGEST_KEYMAPS, KAFKA);

    private ConfigKeys() {
    }

    /** A comma-separated list of NAME=value pairs; {@code upperCaseNames} folds the names (Windows domains). */
    private static ValueType<Map<String, String>> pairs(String form, boolean upperCaseNames) {
        return ValueType.of("a comma-separated list of " + form, text -> {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String item : text.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                int eq = item.indexOf('=');
                String name = eq < 0 ? "" : item.substring(0, eq).strip();
                String value = eq < 0 ? "" : item.substring(eq + 1).strip();
                String key = upperCaseNames ? name.toUpperCase(Locale.ROOT) : name;
                if (name.isEmpty() || value.isEmpty() || pairs.put(key, value) != null) {
                    throw new IllegalArgumentException("not " + form);
                }
            }
            return Map.copyOf(pairs);
        }, pairs -> pairs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .sorted().collect(Collectors.joining(",")));
    }

    /** A Markdown table of every option: key, environment variable, default, allowed values, description. */
    public static String reference() {
        StringBuilder table = new StringBuilder("| key | environment variable | default | allowed | description |\n")
                .append("|---|---|---|---|---|\n");
        ALL.forEach(key -> row(table, key.name(), key.environmentVariable().orElse(""), defaultText(key), key.allowed(), key.doc()));
        FAMILIES.forEach(family -> row(table, family.template().name(), familyVariable(family), familyDefaults(family),
                family.template().allowed(), family.template().doc()));
        return table.toString();
    }

    private static Optional<InputFormat> parseFormat(String text) {
        if (text.equalsIgnoreCase(NO_FORMAT)) {
            return Optional.empty();
        }
        return Optional.of(InputFormat.byName(text.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("unknown format")));
    }

    private static Map<String, Optional<InputFormat>> defaultFormats() {
        return Topic.raw().stream().collect(Collectors.toUnmodifiableMap(Topic::baseName, topic -> Optional.of(
                InputFormat.byName(topic.defaultFormat().orElseThrow()).orElseThrow(() -> new IllegalStateException(
                        "raw topic " + topic.baseName() + " has no known default format")))));
    }

    private static Optional<String> topicNameProblem(String topic) {
        return TOPIC_NAME.matcher(topic).matches() ? Optional.empty()
                : Optional.of("the topic name at the end of the key must be 1 to 249 " + NAME_CHARS);
    }

    private static Optional<String> kafkaPropertyProblem(String property) {
        ConfigKey<?> owner = SET_BY_SIGHTLINE.get(property);
        if (owner != null) {
            return Optional.of("Sightline sets " + property + " itself; use " + owner.name()
                    + owner.environmentVariable().map(variable -> " (" + variable + ")").orElse("") + " instead");
        }
        return PROPERTY_NAME.matcher(property).matches() ? Optional.empty()
                : Optional.of("a Kafka property name has only " + NAME_CHARS);
    }

    private static boolean isSecretKafkaProperty(String property) {
        String lower = property.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    private static String defaultText(ConfigKey<?> key) {
        return key.defaultValue().map(key::display).map(text -> text.isEmpty() ? "(empty)" : text).orElse("(none)");
    }

    private static String familyVariable(KeyFamily<?> family) {
        // derived from a sample member so the family follows the one mapping in EnvironmentVariables
        String sample = EnvironmentVariables.variableFor(family.prefix() + "x").orElseThrow();
        return sample.substring(0, sample.length() - 1) + "<" + family.placeholder().toUpperCase(Locale.ROOT) + ">";
    }

    private static String familyDefaults(KeyFamily<?> family) {
        if (family.defaults().isEmpty()) {
            return "(none)";
        }
        return family.defaultKeys().stream()
                .map(key -> family.suffix(key.name()) + "=" + key.display(key.defaultValue().orElseThrow()))
                .collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder table, String... cells) {
        table.append(Stream.of(cells).map(cell -> cell.replace("|", "\\|"))
                .collect(Collectors.joining(" | ", "| ", " |\n")));
    }
}
