package dev.sightline.pipeline;

import dev.sightline.config.SightlineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings for a {@code TopologyTestDriver}. Each driver gets a state directory of its own: RocksDB locks its
 * directory, so drivers sharing the default one collide when two builds (or test classes) run at once.
 */
public final class DriverProperties {
    private DriverProperties() {
    }

    /** The application's own streams settings, as {@link StreamsApplication} would run them. */
    public static Properties of(SightlineConfig config) {
        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config));
        props.put(StreamsConfig.STATE_DIR_CONFIG, freshStateDir());
        return props;
    }

    /** For a stage's topology tested on its own: only what the driver needs, with explicit names enforced. */
    public static Properties standalone(String applicationId) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, freshStateDir());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        return props;
    }

    private static String freshStateDir() {
        try {
            Path dir = Files.createTempDirectory("sightline-driver");
            dir.toFile().deleteOnExit(); // empty by then: the driver's close() cleans what it wrote
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
