package dev.sightline.pipeline;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.pipeline.errors.DeadLetterDeserializationHandler;
import dev.sightline.pipeline.errors.GlobalDeadLetterSink;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running Kafka Streams instance of Sightline: its settings, start and orderly stop. */
public final class StreamsApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsApplication.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final GlobalDeadLetterSink globalDeadLetters;

    public StreamsApplication(SightlineConfig config, Topology topology) {
        this(config, topology, Map.of());
    }

    /**
     * @param overrides Kafka Streams properties known only at start, e.g. {@code application.server} once the HTTP
     *                  server has its port
     */
    public StreamsApplication(SightlineConfig config, Topology topology, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.putAll(streamsProperties(config));
        props.putAll(overrides);
        this.globalDeadLetters = (GlobalDeadLetterSink) props.get(DeadLetterDeserializationHandler.GLOBAL_SINK);
        this.streams = new KafkaStreams(topology, props);
        // A thread that dies on an unexpected error is replaced rather than taking the application down;
        // bad records never get here (they become dead letters), so this is for defects and broker trouble.
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("stream thread failed; replacing it", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("streams state {} -> {}", before, now));
    }

    /**
     * Kafka Streams settings: the configuration's (bootstrap, application id, guarantee, commit interval, threads,
     * state dir, client pass-through) plus what the topology design relies on.
     */
    public static Map<String, Object> streamsProperties(SightlineConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaStreamsProperties());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        // Auto-generated names change when an operator is added and orphan state on upgrade: refuse them.
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.putIfAbsent(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        // reference data (global stores) gets the same error handling as the rest; the default from Kafka 5.0
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // native memory of all state stores bounded by one budget, not by stores x partitions
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG,
                config.get(ConfigKeys.STATE_MEMORY_MB).orElseThrow() * 1024L * 1024L);
        // an unreadable record on an Avro topic becomes a dead letter instead of stopping the application
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(DeadLetterDeserializationHandler.CONFIG, config);
        // opens a producer only when a reference record is unreadable; closed by close()
        props.put(DeadLetterDeserializationHandler.GLOBAL_SINK, GlobalDeadLetterSink.forConfig(config));
        return props;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
        globalDeadLetters.close();
    }
}
