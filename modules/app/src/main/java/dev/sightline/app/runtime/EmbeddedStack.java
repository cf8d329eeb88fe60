package dev.sightline.app.runtime;

import dev.sightline.config.ConfigKeys;
import dev.sightline.embedded.EmbeddedKafka;
import dev.sightline.serde.MockSchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What embedded mode ({@code demo}, {@code replay}) runs on: a real KRaft broker on loopback, an in-memory schema
 * registry scope and a throw-away state directory, all gone on close.
 */
public final class EmbeddedStack implements AutoCloseable {
    /** Few partitions: one JVM on a laptop gains nothing from more tasks. */
    private static final int PARTITIONS = 3;

    private final EmbeddedKafka broker;
    private final String registryScope;
    private final Path stateDir;

    private EmbeddedStack(EmbeddedKafka broker, String registryScope, Path stateDir) {
        this.broker = broker;
        this.registryScope = registryScope;
        this.stateDir = stateDir;
    }

    public static EmbeddedStack start(String name) {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("sightline-" + name + "-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
        return new EmbeddedStack(EmbeddedKafka.start(), name + "-" + UUID.randomUUID(), stateDir);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return "mock://" + registryScope;
    }

    /** Configuration values that point Sightline at this stack; they override file and environment. */
    public Map<String, String> configOverrides(Map<String, String> more) {
        Map<String, String> overrides = new HashMap<>(more);
        overrides.put(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers());
        overrides.put(ConfigKeys.SCHEMA_REGISTRY_URL.name(), registryUrl());
        overrides.put(ConfigKeys.STATE_DIR.name(), stateDir.toString());
        overrides.put(ConfigKeys.TOPIC_PARTITIONS.name(), Integer.toString(PARTITIONS));
        return overrides;
    }

    @Override
    public void close() {
        broker.close();
        MockSchemaRegistryClient.dropScope(registryScope);
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + stateDir, e);
        }
    }
}
