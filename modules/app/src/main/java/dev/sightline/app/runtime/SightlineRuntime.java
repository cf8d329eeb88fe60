package dev.sightline.app.runtime;

import dev.sightline.app.http.Health;
import dev.sightline.app.http.ObservabilityServer;
import dev.sightline.config.SightlineConfig;
import dev.sightline.embedded.TopicLayout;
import dev.sightline.embedded.TopicProvisioner;
import dev.sightline.pipeline.BuildInfo;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.StreamsApplication;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.serde.SchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Sightline against one Kafka cluster: topics provisioned, the stream application, and the HTTP server.
 * Closing stops them in the reverse order.
 */
public final class SightlineRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SightlineRuntime.class);

    private final SightlineConfig config;
    private final Observability observability;
    private final StreamsApplication application;
    private final ObservabilityServer http;

    private SightlineRuntime(SightlineConfig config, Observability observability, StreamsApplication application,
                             ObservabilityServer http) {
        this.config = config;
        this.observability = observability;
        this.application = application;
        this.http = http;
    }

    /** Where Sightline runs; embedded mode may make up what a cluster deployment must configure. */
    public enum Mode {
        /** demo and replay: one JVM, throw-away state, a per-process scanner key when none is configured. */
        EMBEDDED,
        /** run: an existing cluster; every secret must be configured. */
        CLUSTER
    }

    /** Provisions the topics, starts the stream application and serves /health and /metrics. */
    public static SightlineRuntime start(SightlineConfig config, Mode mode) {
        LOG.info("starting Sightline {} with configuration:{}{}", BuildInfo.version(), System.lineSeparator(),
                config.describe());
        provisionTopics(config);
        Observability observability = new Observability();
        StreamsApplication application = null;
        try {
            SchemaRegistryClient registry = SchemaRegistries.client(config);
            application = new StreamsApplication(config,
                    SightlineTopology.build(config, registry, observability.registry(), Clock.systemUTC(),
                            ScannerSettings.from(config, mode == Mode.EMBEDDED)));
            observability.bind(application.streams());
            application.start();
            StreamsApplication app = application;
            ObservabilityServer http = ObservabilityServer.start(config.httpBindAddress(), config.httpPort(),
                    () -> health(config, app), observability::scrape);
            return new SightlineRuntime(config, observability, application, http);
        } catch (IOException e) {
            closeQuietly(application, observability);
            throw new StartupException("cannot serve HTTP on " + config.httpBindAddress() + ":" + config.httpPort()
                    + " (" + e.getMessage() + "); choose another port with --http-port or sightline.http.port", e);
        } catch (RuntimeException e) {
            closeQuietly(application, observability);
            throw e;
        }
    }

    private static void provisionTopics(SightlineConfig config) {
        try (Admin admin = Admin.create(new HashMap<>(config.kafkaClientProperties()))) {
            new TopicProvisioner(admin)
                    .provision(new TopicLayout(config.topicPrefix(), config.defaultPartitions(), config.replicationFactor()))
                    .requireConsistent();
        }
    }

    private static Health health(SightlineConfig config, StreamsApplication application) {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("kafka", String.join(",", config.bootstrapServers()));
        components.put("schemaRegistry", config.schemaRegistryUrl());
        components.put("version", BuildInfo.version());
        return new Health(application.state().name(), components, config.redactedValues());
    }

    public String httpUrl() {
        return http.baseUrl();
    }

    /** The meters of this runtime, as /metrics shows them. */
    public MeterRegistry meters() {
        return observability.registry();
    }

    public StreamsApplication application() {
        return application;
    }

    public SightlineConfig config() {
        return config;
    }

    @Override
    public void close() {
        http.close();
        closeQuietly(application, observability);
    }

    private static void closeQuietly(StreamsApplication application, Observability observability) {
        if (application != null) {
            application.close();
        }
        observability.close();
    }
}
