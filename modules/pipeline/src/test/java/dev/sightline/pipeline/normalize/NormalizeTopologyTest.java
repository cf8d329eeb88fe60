package dev.sightline.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.RejectReason;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.DriverProperties;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.metrics.IngestMetrics;
import dev.sightline.serde.MockSchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NormalizeTopologyTest {
    private static final String SQUID_LINE = "1795805792.485     39 127.0.0.1 TCP_MISS/200 370 GET "
            + "http://www.example.com/ alice HIER_DIRECT/127.0.0.1 application/json";
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");

    private final String scope = "normalize-test-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void parsesARawLineIntoAnEventKeyedByUser() {
        start(Map.of());
        raw(Topic.RAW_PROXY_SQUID).pipeInput(SQUID_LINE.getBytes(StandardCharsets.UTF_8));

        List<KeyValue<String, AiUsageEvent>> events = events().readKeyValuesToList();
        assertThat(events).hasSize(1);
        AiUsageEvent event = events.get(0).value;
        assertThat(events.get(0).key).isEqualTo("alice");
        assertThat(event.getHost()).isEqualTo("www.example.com");
        assertThat(event.getActivity()).isEqualTo(Activity.BROWSE);
        assertThat(event.getBytesOut()).as("native squid does not record uploads").isNull();
        assertThat(event.getSource().getTopic()).isEqualTo("raw.proxy.squid");
        assertThat(event.getSource().getOffset()).isZero();
        assertThat(deadLetters().isEmpty()).isTrue();
        assertThat(counter("parsed", "squid")).isEqualTo(1.0);
    }

    @Test
    void sendsAnUnreadableLineToTheDeadLetterTopicWithReasonAndCoordinates() {
        start(Map.of());
        raw(Topic.RAW_PROXY_SQUID).pipeInput(SQUID_LINE.getBytes(StandardCharsets.UTF_8));
        byte[] garbage = "this is not a squid line".getBytes(StandardCharsets.UTF_8);
        raw(Topic.RAW_PROXY_SQUID).pipeInput(garbage);

        List<KeyValue<String, DeadLetter>> letters = deadLetters().readKeyValuesToList();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0).value;
        assertThat(letters.get(0).key).isEqualTo("raw.proxy.squid/0/1");
        assertThat(letter.getParser()).isEqualTo("squid");
        assertThat(letter.getStage()).isEqualTo("normalize");
        assertThat(letter.getReasonCode()).isNotBlank();
        assertThat(letter.getReason()).isNotBlank().doesNotContain("this is not a squid line");
        assertThat(letter.getSource().getPartition()).isZero();
        assertThat(letter.getSource().getOffset()).isEqualTo(1L);
        assertThat(letter.getRaw()).isNotNull();
        assertThat(bytes(letter.getRaw())).isEqualTo(garbage);
        assertThat(letter.getRawLength()).isEqualTo(garbage.length);
        assertThat(letter.getTime()).isEqualTo(NOW);
        assertThat(events().readValuesToList()).hasSize(1);
        assertThat(counter("rejected", "squid")).isEqualTo(1.0);
    }

    @Test
    void hashModeKeepsOnlyTheDigestOfARejectedRecord() {
        start(Map.of(ConfigKeys.DEAD_LETTER_RAW_MODE.name(), "hash"));
        raw(Topic.RAW_PROXY_ZSCALER).pipeInput("{not json".getBytes(StandardCharsets.UTF_8));

        DeadLetter letter = deadLetters().readValue();
        assertThat(letter.getRaw()).isNull();
        assertThat(letter.getRawSha256()).hasSize(64);
        assertThat(letter.getParser()).isEqualTo("zscaler");
    }

    @Test
    void everyRawTopicHasItsOwnParserAndNoRecordIsLost() {
        start(Map.of());
        String zscaler = "{\"datetime\":\"2026-11-27 10:00:00\",\"user\":\"Bob@Corp.example\",\"ClientIP\":\"10.0.0.7\","
                + "\"url\":\"chatgpt.com/backend-api/conversation\",\"hostname\":\"chatgpt.com\",\"requestmethod\":\"POST\","
                + "\"status\":\"200\",\"requestsize\":\"2048\",\"responsesize\":\"512\",\"action\":\"Allowed\"}";
        raw(Topic.RAW_PROXY_ZSCALER).pipeInput(zscaler.getBytes(StandardCharsets.UTF_8));
        raw(Topic.RAW_SAAS_M365).pipeInput("[]".getBytes(StandardCharsets.UTF_8));
        raw(Topic.RAW_SAAS_GEMINI).pipeInput(new byte[] {(byte) 0xff, 0, (byte) 0xfe});

        List<KeyValue<String, AiUsageEvent>> events = events().readKeyValuesToList();
        assertThat(events).extracting(kv -> kv.key).containsExactly("bob@corp.example");
        assertThat(events.get(0).value.getBytesOut()).isEqualTo(2048L);
        assertThat(deadLetters().readValuesToList()).extracting(DeadLetter::getParser).contains("gemini-audit");
    }

    /**
     * Hostile input on a raw topic: each record becomes a dead letter with its reason code and source coordinates, and
     * the good record after it is still read (no exception escapes the parser, the task goes on).
     */
    @Test
    void hostileRecordsBecomeDeadLettersAndTheNextGoodRecordStillFlows() {
        start(Map.of());
        String zscaler = "{\"datetime\":\"2026-11-27 10:00:00\",\"user\":\"bob@corp.example\","
                + "\"url\":\"chatgpt.com/backend-api/conversation\",\"hostname\":\"chatgpt.com\",\"action\":\"Allowed\"}";
        byte[] invalidUtf8 = zscaler.getBytes(StandardCharsets.UTF_8);
        invalidUtf8[20] = (byte) 0xC3;
        int depth = 100_000;
        Map<Topic, List<Map.Entry<byte[], RejectReason>>> hostile = Map.of(
                Topic.RAW_PROXY_SQUID, List.of(
                        Map.entry(SQUID_LINE.replace("www.example.com/", "www.example.com/" + "a".repeat(10 << 20))
                                .getBytes(StandardCharsets.UTF_8), RejectReason.TOO_LARGE),
                        Map.entry(SQUID_LINE.replace("alice", "al\0ce").getBytes(StandardCharsets.UTF_8),
                                RejectReason.BAD_ENCODING),
                        Map.entry(SQUID_LINE.replace("1795805792.485", "9223372036854775808.000")
                                .getBytes(StandardCharsets.UTF_8), RejectReason.BAD_TIMESTAMP)),
                Topic.RAW_PROXY_ZSCALER, List.of(
                        Map.entry(("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8),
                                RejectReason.TOO_LARGE),
                        Map.entry(zscaler.substring(0, 40).getBytes(StandardCharsets.UTF_8), RejectReason.MALFORMED),
                        Map.entry(invalidUtf8, RejectReason.BAD_ENCODING),
                        Map.entry(zscaler.replace("2026-11-27 10:00:00", "0001-01-01 00:00:00")
                                .getBytes(StandardCharsets.UTF_8), RejectReason.BAD_TIMESTAMP),
                        Map.entry(zscaler.replace("2026-11-27 10:00:00", "9999-12-31 23:59:59")
                                .getBytes(StandardCharsets.UTF_8), RejectReason.BAD_TIMESTAMP)));
        Map<Topic, byte[]> good = Map.of(Topic.RAW_PROXY_SQUID, SQUID_LINE.getBytes(StandardCharsets.UTF_8),
                Topic.RAW_PROXY_ZSCALER, zscaler.getBytes(StandardCharsets.UTF_8));
        hostile.forEach((topic, records) -> records.forEach(record -> {
            raw(topic).pipeInput(record.getKey());
            raw(topic).pipeInput(good.get(topic));
        }));

        List<KeyValue<String, DeadLetter>> letters = deadLetters().readKeyValuesToList();
        assertThat(letters).hasSize(hostile.values().stream().mapToInt(List::size).sum());
        hostile.forEach((topic, records) -> {
            for (int i = 0; i < records.size(); i++) {
                long offset = 2L * i;
                DeadLetter letter = letters.stream().map(kv -> kv.value)
                        .filter(l -> l.getSource().getTopic().equals(topic.baseName()))
                        .filter(l -> l.getSource().getOffset() == offset).findFirst().orElseThrow();
                assertThat(letter.getReasonCode()).as("%s offset %d", topic, offset)
                        .isEqualTo(records.get(i).getValue().name());
                assertThat(letter.getReason()).isNotBlank();
                assertThat(letter.getSource().getPartition()).isZero();
                assertThat(letter.getRawLength()).isEqualTo(records.get(i).getKey().length);
                if (records.get(i).getKey().length > DeadLetters.MAX_RAW_BYTES) {
                    assertThat(letter.getRaw()).as("too large to keep: only the hash").isNull();
                } else {
                    assertThat(bytes(letter.getRaw())).isEqualTo(records.get(i).getKey());
                }
            }
        });
        assertThat(events().readValuesToList()).extracting(e -> e.getSource().getTopic() + "/" + e.getSource().getOffset())
                .containsExactlyInAnyOrder("raw.proxy.squid/1", "raw.proxy.squid/3", "raw.proxy.squid/5",
                        "raw.proxy.zscaler/1", "raw.proxy.zscaler/3", "raw.proxy.zscaler/5", "raw.proxy.zscaler/7",
                        "raw.proxy.zscaler/9");
    }

    @Test
    void configuredDomainSuffixesGiveOneSpellingPerUser() {
        start(Map.of(ConfigKeys.INGEST_DOMAIN_SUFFIXES.name(), "CORP=corp.example"));
        raw(Topic.RAW_PROXY_SQUID).pipeInput(SQUID_LINE.replace(" alice ", " CORP\\\\Frank ")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(events().readKeyValue().key).isEqualTo("frank@corp.example");
    }

    @Test
    void everyProcessorAndSinkIsNamedExplicitly() {
        Topology topology = topology(Map.of());
        String description = topology.describe().toString();
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
        assertThat(description).contains(NormalizeTopology.SOURCE, NormalizeTopology.PARSE,
                NormalizeTopology.EVENTS_SINK, NormalizeTopology.DEAD_LETTER_SINK);
    }

    private void start(Map<String, String> overrides) {
        driver = new TopologyTestDriver(topology(overrides), DriverProperties.of(config(overrides)), NOW);
    }

    private Topology topology(Map<String, String> overrides) {
        SchemaRegistryClient registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
        StreamsBuilder builder = new StreamsBuilder();
        new NormalizeTopology(SightlineTopology.normalizeSettings(config(overrides)),
                SightlineAvroSerde.forValue(AiUsageEvent.class, registry),
                SightlineAvroSerde.forValue(DeadLetter.class, registry),
                new IngestMetrics(meters), Clock.fixed(NOW, ZoneOffset.UTC))
                .build(builder);
        return builder.build();
    }

    private SightlineConfig config(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.put(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), "unused:9092");
        return SightlineConfig.loader().environment(Map.of()).overrides(all).load();
    }

    private TestInputTopic<byte[], byte[]> raw(Topic topic) {
        return driver.createInputTopic(topic.baseName(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<String, AiUsageEvent> events() {
        SchemaRegistryClient registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
        return driver.createOutputTopic(Topic.AI_USAGE.baseName(), new StringDeserializer(),
                SightlineAvroSerde.forValue(AiUsageEvent.class, registry).deserializer());
    }

    private TestOutputTopic<String, DeadLetter> deadLetters() {
        SchemaRegistryClient registry = SchemaRegistryClients.create("mock://" + scope, Map.of());
        return driver.createOutputTopic(Topic.DEAD_LETTER.baseName(), new StringDeserializer(),
                SightlineAvroSerde.forValue(DeadLetter.class, registry).deserializer());
    }

    private double counter(String outcome, String format) {
        var counter = meters.find("sightline.ingest.records").tag("outcome", outcome).tag("format", format).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
