package dev.sightline.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of this build, for the build-info metric, /health and --version. */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** From the jar manifest (set by Maven); "dev" when run from classes. */
    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The Kafka client library version, from the properties file kafka-clients ships. */
    public static String kafkaVersion() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
