package dev.sightline.app.runtime;

import dev.sightline.app.api.QueryApi;
import dev.sightline.app.http.ApiAuth;
import dev.sightline.app.http.Health;
import dev.sightline.app.http.ObservabilityServer;
import dev.sightline.config.ConfigKeys;
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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
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

    /** Provisions the topics, starts the stream application and serves /health, /metrics and the query API. */
    public static SightlineRuntime start(SightlineConfig config, Mode mode) {
        LOG.info("starting Sightline {} with configuration:{}{}", BuildInfo.version(), System.lineSeparator(),
                config.describe());
        provisionTopics(config);
        Observability observability = new Observability();
        StreamsApplication application = null;
        ObservabilityServer http = null;
        try {
            SchemaRegistryClient registry = SchemaRegistries.client(config);
            // HTTP first: the stream application must know the port it advertises to the other instances
            AtomicReference<StreamsApplication> running = new AtomicReference<>();
            http = ObservabilityServer.start(config.httpBindAddress(), config.httpPort(),
                    () -> health(config, running.get()), observability::scrape, ApiAuth.from(config.httpApiToken()));
            HostInfo advertised = advertisedAddress(config, http.port());
            application = new StreamsApplication(config,
                    SightlineTopology.build(config, registry, observability.registry(), Clock.systemUTC(),
                            ScannerSettings.from(config, mode == Mode.EMBEDDED)),
                    Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port()));
            running.set(application);
            observability.bind(application.streams());
            QueryApi.install(http, application.streams(), advertised, config.httpApiToken(), registry);
            QueryApi.installEvidence(http, config, registry, Clock.systemUTC());
            application.start();
            return new SightlineRuntime(config, observability, application, http);
        } catch (IOException e) {
            closeQuietly(application, observability);
            throw new StartupException("cannot serve HTTP on " + config.httpBindAddress() + ":" + config.httpPort()
                    + " (" + e.getMessage() + "); choose another port with --http-port or sightline.http.port", e);
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            closeQuietly(application, observability);
            throw e;
        }
    }

    /**
     * Where the other instances reach this one's API: {@code sightline.http.advertised.address}, or the bind address
     * (the host name when it is a wildcard) and the port bound.
     */
    static HostInfo advertisedAddress(SightlineConfig config, int boundPort) {
        Optional<String> configured = config.get(ConfigKeys.HTTP_ADVERTISED_ADDRESS);
        if (configured.isPresent()) {
            return HostInfo.buildFromEndpoint(configured.get());
        }
        String host = config.httpBindAddress();
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                host = InetAddress.getLocalHost().getHostName();
            }
        } catch (UnknownHostException e) {
            throw new StartupException("cannot tell the address other instances reach this one at; set "
                    + ConfigKeys.HTTP_ADVERTISED_ADDRESS.name(), e);
        }
        return new HostInfo(host, boundPort);
    }

    private static void provisionTopics(SightlineConfig config) {
        try (Admin admin = Admin.create(new HashMap<>(config.kafkaClientProperties()))) {
            new TopicProvisioner(admin)
                    .provision(new TopicLayout(config.topicPrefix(), config.defaultPartitions(), config.replicationFactor()))
                    .requireConsistent();
        }
    }

    private static Health health(SightlineConfig config, StreamsApplication application) {
        if (application == null) {
            return new Health(KafkaStreams.State.CREATED.name(), Map.of(), config.redactedValues());
        }
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
