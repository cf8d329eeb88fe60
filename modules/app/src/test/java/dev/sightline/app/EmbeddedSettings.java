package dev.sightline.app;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.testkit.KafkaBroker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of the application under an integration test: a broker, a schema registry, a state directory of its
 * own, any free HTTP port and a number of partitions. Callers add to the returned map (it is theirs) and
 * {@link #load} it; the process environment never counts, so a developer's SIGHTLINE_* variables cannot leak in.
 */
public final class EmbeddedSettings {
    /** Enough for the co-partitioned stages to spread over two tasks. */
    public static final int PARTITIONS = 2;

    private EmbeddedSettings() {
    }

    public static Map<String, String> of(String bootstrapServers, String registryUrl, Path stateDir, int partitions) {
        Map<String, String> settings = new HashMap<>();
        settings.put(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers);
        settings.put(ConfigKeys.SCHEMA_REGISTRY_URL.name(), registryUrl);
        settings.put(ConfigKeys.STATE_DIR.name(), stateDir.toString());
        settings.put(ConfigKeys.TOPIC_PARTITIONS.name(), Integer.toString(partitions));
        settings.put(ConfigKeys.HTTP_PORT.name(), "0");
        return settings;
    }

    /**
     * On the shared test broker, with its topic prefix and application id (tests sharing the broker must use both)
     * and an in-memory registry of the given scope.
     */
    public static Map<String, String> onSharedBroker(KafkaBroker broker, String registryScope, Path stateDir) {
        Map<String, String> settings = of(broker.bootstrapServers(), "mock://" + registryScope, stateDir, PARTITIONS);
        settings.put(ConfigKeys.TOPIC_PREFIX.name(), broker.topicPrefix());
        settings.put(ConfigKeys.APPLICATION_ID.name(), broker.applicationId());
        return settings;
    }

    public static SightlineConfig load(Map<String, String> settings) {
        return SightlineConfig.loader().environment(Map.of()).overrides(settings).load();
    }
}
