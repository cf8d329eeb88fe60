package dev.sightline.pipeline;

import dev.sightline.config.RawTopic;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.Parsers;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.metrics.IngestMetrics;
import dev.sightline.pipeline.normalize.NormalizeTopology;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The whole stream application as one topology: the one {@code build} that {@code run}, {@code demo} and the tests
 * all call. Each stage is a class of its own with named processors; this class only connects them.
 */
public final class SightlineTopology {
    private SightlineTopology() {
    }

    public static Topology build(SightlineConfig config, SchemaRegistryClient registry, MeterRegistry meters, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        new NormalizeTopology(normalizeSettings(config),
                SightlineAvroSerde.forValue(AiUsageEvent.class, registry),
                SightlineAvroSerde.forValue(DeadLetter.class, registry),
                new IngestMetrics(meters), clock)
                .build(builder);
        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config));
        return builder.build(props);
    }

    static NormalizeTopology.Settings normalizeSettings(SightlineConfig config) {
        Map<String, RecordParser> parsers = new LinkedHashMap<>();
        for (RawTopic raw : config.rawTopics()) {
            ParserOptions options = raw.logformat().map(ParserOptions.defaults()::withLogformat)
                    .orElse(ParserOptions.defaults());
            parsers.put(config.topicPrefix() + raw.topic(), Parsers.create(raw.format().configName(), options));
        }
        return new NormalizeTopology.Settings(parsers, config.topicName(Topic.AI_USAGE),
                config.topicName(Topic.DEAD_LETTER), config.deadLetterRawMode());
    }
}
