package dev.sightline.pipeline.errors;

import dev.sightline.config.SightlineConfig;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.RegistryClients;
import dev.sightline.pipeline.normalize.DeadLetters;
import dev.sightline.serde.SerdeException;
import dev.sightline.serde.SightlineAvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on an Avro topic (events.*, ref.*, alerts) that cannot be read — wrong magic byte, unknown schema id,
 * undecodable Avro — becomes an Avro {@link DeadLetter} (stage {@value #STAGE}) on errors.dead-letter, and processing
 * goes on. Without it, one such record would stop the application. A task's dead letter is written in the same
 * transaction as the task's other output; a reference record's (ref.*, read by the global-store thread, which Kafka
 * Streams gives no producer) through the {@link GlobalDeadLetterSink}, acknowledged before the thread goes on. When
 * even the dead letter cannot be written (registry or broker down), the task or global thread fails rather than lose
 * it.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    /** Streams property holding the {@link SightlineConfig} object the handler configures itself from. */
    public static final String CONFIG = "sightline.internal.config";
    /** Streams property holding the {@link GlobalDeadLetterSink} for dead letters of the global-store thread. */
    public static final String GLOBAL_SINK = "sightline.internal.global-dead-letter-sink";
    public static final String STAGE = "deserialize";
    public static final String REASON_CODE = "DESERIALIZATION";
    /** The format named in the coordinates: these records come from Sightline's own Avro topics. */
    static final String FORMAT = "avro";
    /** The topics read into global stores, whose records the global thread deserializes. */
    private static final List<Topic> GLOBAL_TOPICS = List.of(Topic.REF_AI_TOOLS, Topic.REF_IDENTITIES,
            Topic.REF_DATA_ASSETS, Topic.REF_POLICIES);
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String deadLetterTopic;
    private DeadLetters deadLetters;
    private Serializer<DeadLetter> serializer;
    private Set<String> globalTopics;
    private GlobalDeadLetterSink globalSink;
    private final Clock clock = Clock.systemUTC();

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(CONFIG) instanceof SightlineConfig config)) {
            throw new ConfigException(CONFIG, configs.get(CONFIG), "the Sightline configuration object is required");
        }
        deadLetterTopic = config.topicName(Topic.DEAD_LETTER);
        deadLetters = new DeadLetters(config.deadLetterRawMode());
        serializer = SightlineAvroSerde.forValue(DeadLetter.class, RegistryClients.forConfig(config)).serializer();
        globalTopics = GLOBAL_TOPICS.stream().map(config::topicName).collect(Collectors.toUnmodifiableSet());
        if (!(configs.get(GLOBAL_SINK) instanceof GlobalDeadLetterSink sink)) {
            throw new ConfigException(GLOBAL_SINK, configs.get(GLOBAL_SINK), "the global dead-letter sink is required");
        }
        globalSink = sink;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        SourceCoordinates source = SourceCoordinates.newBuilder().setFormat(FORMAT).setTopic(record.topic())
                .setPartition(record.partition()).setOffset(record.offset()).build();
        String reason = reasonOf(exception);
        DeadLetter letter = deadLetters.of(STAGE, null, REASON_CODE, reason, source, null,
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), clock.instant());
        try {
            byte[] value = serializer.serialize(deadLetterTopic, letter);
            byte[] key = DeadLetters.keyOf(source).getBytes(StandardCharsets.UTF_8);
            ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(deadLetterTopic, key, value);
            boolean global = globalTopics.contains(record.topic());
            if (global) {
                globalSink.write(deadLetter);
            }
            LOG.warn("unreadable record {} sent to {}: {}", DeadLetters.keyOf(source), deadLetterTopic, reason);
            return global ? Response.resume() : Response.resume(List.of(deadLetter));
        } catch (RuntimeException e) {
            LOG.error("cannot write a dead letter for unreadable record {} ({}); failing so that it is not lost",
                    DeadLetters.keyOf(source), e.getMessage());
            return Response.fail();
        }
    }

    /**
     * Our serde's messages name topic, schema id and what is wrong, never record content; any other exception's
     * message might quote the bytes, so only its type is kept.
     */
    static String reasonOf(Exception exception) {
        if (exception instanceof SerdeException) {
            return exception.getMessage();
        }
        return "cannot deserialize (" + exception.getClass().getSimpleName() + ")";
    }
}
