package dev.sightline.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running inside this JVM,
 * built from Kafka's own production server classes. It listens on the loopback interface only and
 * keeps its data in a temporary directory that {@link #close()} deletes, or in a directory the caller
 * chose ({@link Builder#directory}) that survives it, so that a broker can be stopped and started again
 * on the same ports with the same data (fault tests).
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Ephemeral ports are probed and then released, so another process may grab one before Kafka binds it. */
    private static final int BIND_ATTEMPTS = 5;

    private static final String SASL_SSL_LISTENER = "SASL_SSL";

    private final KafkaRaftServer server;
    private final Path directory;
    private final boolean deleteOnClose;
    private final String bootstrapServers;
    private final String saslSslBootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, Path directory, boolean deleteOnClose, List<Listener> listeners) {
        this.server = server;
        this.directory = directory;
        this.deleteOnClose = deleteOnClose;
        this.bootstrapServers = BrokerProperties.withRole(listeners, Listener.Role.CLIENT).get(0).address();
        this.saslSslBootstrapServers = listeners.stream().filter(l -> l.protocol() == SecurityProtocol.SASL_SSL)
                .map(Listener::address).findFirst().orElse(null);
    }

    /** Starts a broker with the defaults: ephemeral ports, a fresh temporary directory. */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The {@code bootstrap.servers} of the SASL_SSL listener that {@link Builder#saslSsl} added.
     *
     * @throws IllegalStateException when the broker has no such listener
     */
    public String saslSslBootstrapServers() {
        if (saslSslBootstrapServers == null) {
            throw new IllegalStateException("this broker has no SASL_SSL listener; add one with Builder.saslSsl");
        }
        return saslSslBootstrapServers;
    }

    /** The directory holding configuration and data; a temporary one is gone after {@link #close()}. */
    public Path directory() {
        return directory;
    }

    /**
     * Shuts the broker down and waits for it to stop, then deletes its directory unless the caller chose it.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long begin = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (deleteOnClose) {
                deleteQuietly(directory);
            }
        }
        LOG.info("Embedded Kafka on {} stopped in {} ms", bootstrapServers, millisSince(begin));
    }

    /**
     * How to start the broker. Listeners are kept as a list so that further listeners (for example a
     * SASL one) can be added without changing how properties are assembled.
     */
    public static final class Builder {
        private int brokerPort;
        private int controllerPort;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Path directory;
        private SaslSsl saslSsl;

        private Builder() {
        }

        /**
         * Keeps configuration and data in this directory (created if missing) and leaves it in place on close.
         * A directory that already holds a formatted broker is reused as it is, with its topics and offsets:
         * with the same fixed ports this restarts the same broker.
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Adds a second client listener secured with TLS and SASL/PLAIN, e.g. to test clients configured with
         * {@code security.protocol=SASL_SSL}. Brokers talk to each other on the plain listener.
         */
        public Builder saslSsl(SaslSsl settings) {
            this.saslSsl = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The port clients connect to; 0 (the default) picks a free one. */
        public Builder brokerPort(int port) {
            this.brokerPort = requirePort(port, "broker port");
            return this;
        }

        /** The port of the KRaft controller listener; 0 (the default) picks a free one. */
        public Builder controllerPort(int port) {
            this.controllerPort = requirePort(port, "controller port");
            return this;
        }

        /** Sets or replaces one broker property, e.g. {@code auto.create.topics.enable=false}. */
        public Builder brokerProperty(String key, String value) {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("broker property needs a non-blank key and a value, got key '" + key + "'");
            }
            overrides.put(key, value);
            return this;
        }

        /**
         * Formats storage and starts the broker; returns once it accepts clients.
         *
         * @throws EmbeddedKafkaException if the broker cannot start (for example a given port is taken)
         */
        public EmbeddedKafka start() {
            if (brokerPort != 0 && brokerPort == controllerPort) {
                throw new IllegalArgumentException("broker and controller need different ports, both are " + brokerPort);
            }
            for (int attempt = 1; ; attempt++) {
                List<Listener> listeners = listeners();
                try {
                    return launch(listeners);
                } catch (EmbeddedKafkaException e) {
                    // fixed ports were checked just before launch, so a bind failure means an ephemeral one was taken
                    if (!(attempt < BIND_ATTEMPTS && isBindFailure(e))) {
                        throw e;
                    }
                    LOG.info("Embedded Kafka lost a port race (attempt {} of {}), retrying with new ports", attempt, BIND_ATTEMPTS);
                }
            }
        }

        private List<Listener> listeners() {
            boolean saslSslPicked = saslSsl != null && saslSsl.port() == 0;
            int[] free = freePorts((brokerPort == 0 ? 1 : 0) + (controllerPort == 0 ? 1 : 0) + (saslSslPicked ? 1 : 0));
            int next = 0;
            int broker = brokerPort != 0 ? requireFree(brokerPort, "broker port") : free[next++];
            int controller = controllerPort != 0 ? requireFree(controllerPort, "controller port") : free[next++];
            List<Listener> listeners = new ArrayList<>(List.of(
                    new Listener(BROKER_LISTENER, SecurityProtocol.PLAINTEXT, broker, Listener.Role.CLIENT),
                    new Listener(CONTROLLER_LISTENER, SecurityProtocol.PLAINTEXT, controller, Listener.Role.CONTROLLER)));
            if (saslSsl != null) {
                int port = saslSslPicked ? free[next] : requireFree(saslSsl.port(), "SASL_SSL port");
                listeners.add(new Listener(SASL_SSL_LISTENER, SecurityProtocol.SASL_SSL, port, Listener.Role.CLIENT));
            }
            return List.copyOf(listeners);
        }

        private EmbeddedKafka launch(List<Listener> listeners) {
            long begin = System.nanoTime();
            boolean temporary = this.directory == null;
            Path directory = temporary ? createDirectory() : createDirectories(this.directory);
            KafkaRaftServer server = null;
            try {
                Map<String, String> properties = BrokerProperties.of(NODE_ID, listeners, directory.resolve("data"));
                if (saslSsl != null) {
                    properties.putAll(saslSsl.brokerProperties(SASL_SSL_LISTENER));
                }
                properties.putAll(overrides);
                Path propertiesFile = writeProperties(directory.resolve("server.properties"), properties);
                if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                    format(propertiesFile);
                }
                server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
                server.startup();
                EmbeddedKafka kafka = new EmbeddedKafka(server, directory, temporary, listeners);
                LOG.info("Embedded Kafka started on {} in {} ms", describe(listeners), millisSince(begin));
                return kafka;
            } catch (RuntimeException e) {
                stopQuietly(server);
                if (temporary) {
                    deleteQuietly(directory);
                }
                throw new EmbeddedKafkaException("Embedded Kafka failed to start on " + describe(listeners) + ": " + e.getMessage(), e);
            }
        }
    }

    private static String describe(List<Listener> listeners) {
        return listeners.stream().map(Listener::uri).collect(Collectors.joining(", "));
    }

    private static int requirePort(int port, String what) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(what + " must be 0 (pick a free one) or 1..65535, got " + port);
        }
        return port;
    }

    /** Holds all probe sockets open together so the ports returned differ from each other. */
    private static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getByName(Listener.HOST));
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Could not find a free port on " + Listener.HOST + ": " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                Utils.closeQuietly(socket, "port probe");
            }
        }
    }

    /** Fails fast, before Kafka starts, when a port the caller chose is taken. */
    private static int requireFree(int port, String what) {
        try {
            new ServerSocket(port, 1, InetAddress.getByName(Listener.HOST)).close();
            return port;
        } catch (IOException e) {
            throw new EmbeddedKafkaException(what + " " + port + " on " + Listener.HOST + " is in use: " + e.getMessage(), e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("sightline-kafka-");
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Could not create a temporary directory for Kafka: " + e.getMessage(), e);
        }
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EmbeddedKafkaException("Could not create the Kafka directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static Path writeProperties(Path file, Map<String, String> properties) {
        Properties props = new Properties();
        props.putAll(properties);
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "Sightline embedded Kafka");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Formats the log directories the way {@code kafka-storage.sh format} does, with a fresh cluster id. */
    private static void format(Path propertiesFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString()}, printer);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("storage format exited with " + exitCode + ": "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            // a failed startup has already stopped what it started; this releases whatever is left
            server.shutdown();
        } catch (RuntimeException e) {
            LOG.debug("Ignoring failure while stopping a broker that failed to start", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            LOG.warn("Could not delete the embedded Kafka directory {}: {}", directory, e.getMessage());
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
