package dev.sightline.config;

import dev.sightline.model.Topic;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sightline's effective configuration: every value typed and validated, immutable. Load it with
 * {@link #loader()}; the options are declared in {@link ConfigKeys}. {@link #describe()}, {@link #redactedValues()}
 * and {@link #toString()} mask secrets; {@link #kafkaClientProperties()} and {@link #kafkaStreamsProperties()} hold
 * them in clear for the Kafka clients and must not be logged.
 */
public final class SightlineConfig {

    private final Map<String, Setting> settings;
    private final List<RawTopic> rawTopics;
    private final Map<String, Object> kafkaClientProperties;
    private final Map<String, Object> kafkaStreamsProperties;

    SightlineConfig(Map<String, Setting> settings) {
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        this.rawTopics = this.settings.values().stream()
                .filter(setting -> ConfigKeys.INGEST_FORMATS.contains(setting.key().name()))
                .flatMap(setting -> rawTopic(ConfigKeys.INGEST_FORMATS.suffix(setting.key().name())).stream())
                .toList();
        Map<String, Object> client = new TreeMap<>();
        Map<String, Object> streams = new TreeMap<>();
        this.settings.values().forEach(setting -> {
            ConfigKey<?> key = setting.key();
            key.kafkaProperty().ifPresent(property -> {
                String value = key.render(setting.value());
                streams.put(property, value);
                if (key.forAllKafkaClients()) {
                    client.put(property, value);
                }
            });
            if (ConfigKeys.KAFKA.contains(key.name())) {
                client.put(ConfigKeys.KAFKA.suffix(key.name()), setting.value());
            }
        });
        streams.putAll(client);
        this.kafkaClientProperties = Collections.unmodifiableMap(client);
        this.kafkaStreamsProperties = Collections.unmodifiableMap(streams);
    }

    /** Starts loading: add a file, environment and overrides, then call {@link ConfigLoader#load()}. */
    public static ConfigLoader loader() {
        return new ConfigLoader();
    }

    /** Built-in defaults only; the process environment is not read. */
    public static SightlineConfig defaults() {
        return loader().environment(Map.of()).load();
    }

    /**
     * The value of any key, including family members such as {@code ConfigKeys.KAFKA.key("security.protocol")};
     * empty if an optional key is not set.
     */
    public <T> Optional<T> get(ConfigKey<T> key) {
        Setting setting = settings.get(key.name());
        if (setting == null) {
            return Optional.empty();
        }
        if (setting.key().type() != key.type()) {
            throw new IllegalArgumentException(key.name() + " is not of type " + key.type().description());
        }
        @SuppressWarnings("unchecked") // same ValueType instance, so the stored value is a T
        T value = (T) setting.value();
        return Optional.of(value);
    }

    public List<String> bootstrapServers() {
        return required(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS);
    }

    public String applicationId() {
        return required(ConfigKeys.APPLICATION_ID);
    }

    public String topicPrefix() {
        return required(ConfigKeys.TOPIC_PREFIX);
    }

    /** The topic's name on the cluster: the prefix followed by its contract name. */
    public String topicName(Topic topic) {
        return topic.name(topicPrefix());
    }

    public int defaultPartitions() {
        return required(ConfigKeys.TOPIC_PARTITIONS);
    }

    public short replicationFactor() {
        return required(ConfigKeys.TOPIC_REPLICATION_FACTOR).shortValue();
    }

    public String schemaRegistryUrl() {
        return required(ConfigKeys.SCHEMA_REGISTRY_URL);
    }

    public Optional<Secret> schemaRegistryUserInfo() {
        return get(ConfigKeys.SCHEMA_REGISTRY_USER_INFO);
    }

    public Optional<Secret> schemaRegistryBearerToken() {
        return get(ConfigKeys.SCHEMA_REGISTRY_BEARER_TOKEN);
    }

    public int httpPort() {
        return required(ConfigKeys.HTTP_PORT);
    }

    public String httpBindAddress() {
        return required(ConfigKeys.HTTP_BIND_ADDRESS);
    }

    public Optional<Secret> httpApiToken() {
        return get(ConfigKeys.HTTP_API_TOKEN);
    }

    public Path stateDir() {
        return required(ConfigKeys.STATE_DIR);
    }

    public ProcessingGuarantee processingGuarantee() {
        return required(ConfigKeys.PROCESSING_GUARANTEE);
    }

    public long commitIntervalMs() {
        return required(ConfigKeys.COMMIT_INTERVAL_MS);
    }

    public int numStreamThreads() {
        return required(ConfigKeys.NUM_STREAM_THREADS);
    }

    public DeadLetterRawMode deadLetterRawMode() {
        return required(ConfigKeys.DEAD_LETTER_RAW_MODE);
    }

    /** The raw topics to read (format not {@code none}), sorted by name. */
    public List<RawTopic> rawTopics() {
        return rawTopics;
    }

    /** How to read {@code topic} (its name without the prefix); empty if it is not read. */
    public Optional<RawTopic> rawTopic(String topic) {
        return get(ConfigKeys.INGEST_FORMATS.key(topic)).flatMap(format -> format)
                .map(format -> new RawTopic(topic, format, get(ConfigKeys.INGEST_LOGFORMATS.key(topic))));
    }

    /**
     * For every Kafka client: {@code bootstrap.servers} and each {@code kafka.*} pass-through property with the
     * prefix removed. Holds secrets in clear: do not log it.
     */
    public Map<String, Object> kafkaClientProperties() {
        return kafkaClientProperties;
    }

    /**
     * For Kafka Streams: {@link #kafkaClientProperties()} plus {@code application.id}, {@code processing.guarantee},
     * {@code commit.interval.ms}, {@code num.stream.threads}, {@code state.dir} and {@code replication.factor}.
     * Holds secrets in clear: do not log it.
     */
    public Map<String, Object> kafkaStreamsProperties() {
        return kafkaStreamsProperties;
    }

    /** Every effective value by key, sorted, secrets masked; e.g. for /health. */
    public Map<String, String> redactedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        settings.forEach((key, setting) -> values.put(key, setting.displayValue()));
        return Collections.unmodifiableMap(values);
    }

    /** One line per effective value, {@code key = value (origin)}, secrets masked; for the startup log. */
    public String describe() {
        return settings.values().stream()
                .map(setting -> setting.key().name() + " = " + setting.displayValue() + " (" + setting.origin().describe() + ")")
                .collect(Collectors.joining(System.lineSeparator()));
    }

    @Override
    public String toString() {
        return "SightlineConfig" + redactedValues();
    }

    private <T> T required(ConfigKey<T> key) {
        // keys with a default always have a value: the loader puts the default when no source sets one
        return get(key).orElseThrow(() -> new IllegalStateException(key.name() + " has no value"));
    }
}
