package dev.sightline.pipeline.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.DriverProperties;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.sightline.pipeline.metrics.MetricNames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Unreadable records on the Avro topics become dead letters of stage "deserialize"; the application goes on. */
class DeadLetterDeserializationHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    /** Magic byte 0x01, not the Confluent 0x00. */
    private static final byte[] WRONG_MAGIC = {1, 0, 0, 0, 1, 2, 3, 4};
    /** Magic byte 0, schema id 999999 that the registry never issued. */
    private static final byte[] UNKNOWN_ID = {0, 0, 0x0f, 0x42, 0x3f, 2, 4, 6};

    private final String scope = "dlq-handler-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistryClient.dropScope(scope);
    }

    enum Input {
        WRONG_MAGIC_BYTE(WRONG_MAGIC, "magic byte 0x01"),
        UNKNOWN_SCHEMA_ID(UNKNOWN_ID, "999999"),
        TOO_SHORT(new byte[] {0, 1}, "too short"),
        TEXT("secret-4111111111111111".getBytes(StandardCharsets.UTF_8), "magic byte");

        final byte[] bytes;
        final String reasonPart;

        Input(byte[] bytes, String reasonPart) {
            this.bytes = bytes;
            this.reasonPart = reasonPart;
        }
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void anUnreadableEventBecomesADeadLetterAndTheNextEventIsProcessed(Input input) {
        start(Map.of());
        SchemaRegistryClient registry = registry();
        // the first Avro topic the application reads (normalize and enrich share a task and read raw bytes)
        String topic = Topic.AI_USAGE_ENRICHED.baseName();
        var events = driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
        events.pipeInput("k".getBytes(StandardCharsets.UTF_8), input.bytes);
        AiUsageEvent good = sampleEvent();
        events.pipeInput("alice".getBytes(StandardCharsets.UTF_8),
                SightlineAvroSerde.forValue(AiUsageEvent.class, registry).serializer().serialize(topic, good));

        List<KeyValue<String, DeadLetter>> letters = deadLetters(registry);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).key).isEqualTo(topic + "/0/0");
        DeadLetter letter = letters.get(0).value;
        assertThat(letter.getStage()).isEqualTo(DeadLetterDeserializationHandler.STAGE);
        assertThat(letter.getReasonCode()).isEqualTo(DeadLetterDeserializationHandler.REASON_CODE);
        assertThat(letter.getReason()).containsIgnoringCase(input.reasonPart).doesNotContain("4111111111111111");
        assertThat(letter.getSource().getTopic()).isEqualTo(topic);
        assertThat(letter.getSource().getOffset()).isZero();
        assertThat(bytes(letter.getRaw())).isEqualTo(input.bytes);
        assertThat(bytes(letter.getRawKey())).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.getRawLength()).isEqualTo(input.bytes.length);
        assertThat(sourceSeen("squid")).as("the good event after the bad one was processed").isTrue();
    }

    @Test
    void hashModeKeepsNeitherRawValueNorRawKey() {
        start(Map.of(ConfigKeys.DEAD_LETTER_RAW_MODE.name(), "hash"));
        driver.createInputTopic(Topic.AI_USAGE_ENRICHED.baseName(), new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput("key".getBytes(StandardCharsets.UTF_8), WRONG_MAGIC);

        DeadLetter letter = deadLetters(registry()).get(0).value;
        assertThat(letter.getRaw()).isNull();
        assertThat(letter.getRawKey()).isNull();
        assertThat(letter.getRawSha256()).hasSize(64);
        assertThat(letter.getRawLength()).isEqualTo(WRONG_MAGIC.length);
    }

    /**
     * The global-store thread (ref.* topics) has no task producer, so its dead letters go through the
     * {@link GlobalDeadLetterSink}. Called directly: TopologyTestDriver reads global topics with Kafka's
     * LogAndContinueExceptionHandler whatever the configuration says, so it cannot show this path; the real global
     * thread is shown by PrivacyIT in modules/app, on a real broker.
     */
    @ParameterizedTest
    @EnumSource(value = Topic.class, names = {"REF_AI_TOOLS", "REF_IDENTITIES", "REF_DATA_ASSETS", "REF_POLICIES"})
    void anUnreadableReferenceRecordIsWrittenThroughTheGlobalSink(Topic referenceTopic) {
        var producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterDeserializationHandler handler = handler(new GlobalDeadLetterSink(() -> producer));
        var record = new ConsumerRecord<>(referenceTopic.baseName(), 0, 7L, "chatgpt".getBytes(StandardCharsets.UTF_8),
                UNKNOWN_ID);

        var response = handler.handleError(null, record, unreadable(referenceTopic));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).as("Kafka Streams cannot send these for the global thread")
                .isEmpty();
        assertThat(producer.history()).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo(Topic.DEAD_LETTER.baseName());
            assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo(referenceTopic.baseName() + "/0/7");
            DeadLetter letter = SightlineAvroSerde.forValue(DeadLetter.class, registry()).deserializer()
                    .deserialize(sent.topic(), sent.value());
            assertThat(letter.getStage()).isEqualTo(DeadLetterDeserializationHandler.STAGE);
            assertThat(letter.getReasonCode()).isEqualTo(DeadLetterDeserializationHandler.REASON_CODE);
            assertThat(letter.getReason()).contains("999999", referenceTopic.baseName());
            assertThat(letter.getSource().getTopic()).isEqualTo(referenceTopic.baseName());
            assertThat(letter.getSource().getPartition()).isZero();
            assertThat(letter.getSource().getOffset()).isEqualTo(7L);
            assertThat(bytes(letter.getRaw())).isEqualTo(UNKNOWN_ID);
        });
    }

    @Test
    void aReferenceDeadLetterThatCannotBeWrittenFailsTheGlobalThreadRatherThanLoseTheRecord() {
        DeadLetterDeserializationHandler handler = handler(new GlobalDeadLetterSink(() -> {
            throw new IllegalStateException("broker unreachable");
        }));
        var record = new ConsumerRecord<>(Topic.REF_POLICIES.baseName(), 0, 0L, new byte[0], UNKNOWN_ID);

        assertThat(handler.handleError(null, record, unreadable(Topic.REF_POLICIES)).result())
                .isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    }

    @Test
    void reasonsOfForeignExceptionsKeepOnlyTheirType() {
        assertThat(DeadLetterDeserializationHandler.reasonOf(new IllegalStateException("value was 4111111111111111")))
                .isEqualTo("cannot deserialize (IllegalStateException)");
    }

    private SightlineConfig config(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.put(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), "unused:9092");
        all.put(ConfigKeys.SCHEMA_REGISTRY_URL.name(), "mock://" + scope);
        // TopologyTestDriver drops dead-letter-queue records sent from a handler under exactly_once_v2 (its mock
        // producer's transaction); the real broker keeps them, as the crash test in modules/app shows
        all.put(ConfigKeys.PROCESSING_GUARANTEE.name(), "at_least_once");
        return SightlineConfig.loader().environment(Map.of()).overrides(all).load();
    }

    private void start(Map<String, String> overrides) {
        SightlineConfig config = config(overrides);
        driver = new TopologyTestDriver(SightlineTopology.build(config, registry(), meters,
                Clock.fixed(NOW, ZoneOffset.UTC), ScannerSettings.from(config, true)), DriverProperties.of(config), NOW);
    }

    private boolean sourceSeen(String source) {
        return meters.find(MetricNames.SOURCE_LAST_SEEN).tag(MetricNames.TAG_SOURCE, source).gauge() != null;
    }

    private DeadLetterDeserializationHandler handler(GlobalDeadLetterSink sink) {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(Map.of(DeadLetterDeserializationHandler.CONFIG, config(Map.of()),
                DeadLetterDeserializationHandler.GLOBAL_SINK, sink));
        return handler;
    }

    /** What the serde throws for a record with a schema id the registry never issued. */
    private Exception unreadable(Topic topic) {
        return catchException(() -> SightlineAvroSerde.forValue(AiTool.class, registry()).deserializer()
                .deserialize(topic.baseName(), UNKNOWN_ID));
    }

    private SchemaRegistryClient registry() {
        return SchemaRegistryClients.create("mock://" + scope, Map.of());
    }

    private List<KeyValue<String, DeadLetter>> deadLetters(SchemaRegistryClient registry) {
        return driver.createOutputTopic(Topic.DEAD_LETTER.baseName(), new StringDeserializer(),
                SightlineAvroSerde.forValue(DeadLetter.class, registry).deserializer()).readKeyValuesToList();
    }

    private static AiUsageEvent sampleEvent() {
        return AiUsageEvent.newBuilder().setEventId("evt-1").setEventTime(NOW).setIngestTime(NOW)
                .setSource(dev.sightline.model.SourceCoordinates.newBuilder().setFormat("squid").build())
                .setSourceProduct("squid").setUser("alice").setHost("chatgpt.com").build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
