package dev.sightline.pipeline.normalize;

import dev.sightline.config.DeadLetterRawMode;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;
import dev.sightline.pipeline.metrics.IngestMetrics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * raw.* topics -> events.ai-usage (keyed by user) and errors.dead-letter. Every processor and sink is named: these
 * names are part of the application's state layout and must not change by accident.
 */
public final class NormalizeTopology {
    public static final String SOURCE = "normalize-raw-source";
    public static final String PARSE = "normalize-parse";
    public static final String SPLIT = "normalize-split-";
    public static final String EVENTS_BRANCH = "events";
    public static final String DEAD_LETTER_BRANCH = "dead-letters";
    public static final String EVENTS_SINK = "normalize-events-sink";
    public static final String DEAD_LETTER_SINK = "normalize-dead-letter-sink";

    /**
     * @param parsersByTopic  full raw topic name (prefix included) to its parser
     * @param eventsTopic     full name of events.ai-usage
     * @param deadLetterTopic full name of errors.dead-letter
     */
    public record Settings(Map<String, RecordParser> parsersByTopic, String eventsTopic, String deadLetterTopic,
                           DeadLetterRawMode deadLetterMode) {
        public Settings {
            parsersByTopic = Map.copyOf(parsersByTopic);
            if (parsersByTopic.isEmpty()) {
                throw new IllegalArgumentException("normalize needs at least one raw topic with a format");
            }
        }
    }

    private final Settings settings;
    private final Serde<AiUsageEvent> eventSerde;
    private final Serde<DeadLetter> deadLetterSerde;
    private final IngestMetrics metrics;
    private final Clock clock;

    public NormalizeTopology(Settings settings, Serde<AiUsageEvent> eventSerde, Serde<DeadLetter> deadLetterSerde,
                             IngestMetrics metrics, Clock clock) {
        this.settings = settings;
        this.eventSerde = eventSerde;
        this.deadLetterSerde = deadLetterSerde;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Writes the events to events.ai-usage and the rejects to errors.dead-letter, and returns the events (keyed by
     * user) so that the next stage can go on in the same task instead of reading them back from the topic.
     */
    public KStream<String, AiUsageEvent> build(StreamsBuilder builder) {
        DeadLetters deadLetters = new DeadLetters(settings.deadLetterMode());
        Map<String, KStream<String, Normalized>> branches = builder
                .stream(List.copyOf(settings.parsersByTopic().keySet()),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new NormalizeProcessor(settings.parsersByTopic(), deadLetters, metrics, clock),
                        Named.as(PARSE))
                .split(Named.as(SPLIT))
                .branch((key, value) -> value instanceof Normalized.Event, Branched.as(EVENTS_BRANCH))
                .defaultBranch(Branched.as(DEAD_LETTER_BRANCH));
        branches.get(SPLIT + DEAD_LETTER_BRANCH)
                .mapValues(value -> ((Normalized.DeadLettered) value).deadLetter(), Named.as("normalize-to-dead-letter"))
                .to(settings.deadLetterTopic(), Produced.with(Serdes.String(), deadLetterSerde).withName(DEAD_LETTER_SINK));
        KStream<String, AiUsageEvent> events = branches.get(SPLIT + EVENTS_BRANCH)
                .mapValues(value -> ((Normalized.Event) value).event(), Named.as("normalize-to-event"));
        events.to(settings.eventsTopic(), Produced.with(Serdes.String(), eventSerde).withName(EVENTS_SINK));
        return events;
    }
}
