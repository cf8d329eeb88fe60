package dev.sightline.pipeline.normalize;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.pipeline.metrics.IngestMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each raw record with the parser configured for its topic and forwards every outcome: events keyed by user,
 * rejects as dead letters keyed by source coordinates. Nothing is dropped unseen: skips are counted, and a parser
 * defect (an exception) becomes a dead letter instead of stopping the stream.
 */
final class NormalizeProcessor implements Processor<byte[], byte[], String, Normalized> {
    private static final Logger LOG = LoggerFactory.getLogger(NormalizeProcessor.class);
    static final String STAGE = "normalize";

    private final Map<String, RecordParser> parsersByTopic;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final Clock clock;
    private ProcessorContext<String, Normalized> context;

    NormalizeProcessor(Map<String, RecordParser> parsersByTopic, DeadLetters deadLetters, IngestMetrics metrics,
                       Clock clock) {
        this.parsersByTopic = parsersByTopic;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Normalized> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        RecordParser parser = parsersByTopic.get(meta.topic());
        String format = parser == null ? "none" : parser.format();
        SourceCoordinates source = SourceCoordinates.newBuilder()
                .setFormat(format).setTopic(meta.topic()).setPartition(meta.partition()).setOffset(meta.offset())
                .build();
        Instant now = clock.instant();
        if (record.value() == null) {
            reject(record, source, format, "MISSING_VALUE", "record has no value (tombstone)", null, now);
            return;
        }
        if (parser == null) {
            reject(record, source, format, "UNKNOWN_FORMAT", "no parser is configured for topic " + meta.topic(), null, now);
            return;
        }
        List<ParseOutcome> outcomes;
        try {
            outcomes = parser.parse(new RawRecord(record.value(), source, now));
        } catch (RuntimeException defect) {
            // A parser must not throw; if one does, keep the record and the stream alive.
            LOG.error("parser {} failed on {}/{}/{}: {}", format, meta.topic(), meta.partition(), meta.offset(),
                    defect.getClass().getName());
            reject(record, source, format, "PARSER_ERROR", "parser failed: " + defect.getClass().getSimpleName(), null, now);
            return;
        }
        for (ParseOutcome outcome : outcomes) {
            if (outcome instanceof ParseOutcome.Parsed parsed) {
                forwardEvent(record, parsed.event(), format);
            } else if (outcome instanceof ParseOutcome.Rejected rejected) {
                reject(record, source, format, rejected.reasonCode().name(), rejected.reason(), rejected.index(), now);
            } else {
                metrics.skipped(format);
            }
        }
    }

    private void forwardEvent(Record<byte[], byte[]> record, AiUsageEvent event, String format) {
        metrics.parsed(format, event.getSourceProduct());
        context.forward(record.withKey(userKey(event)).withValue((Normalized) new Normalized.Event(event))
                .withTimestamp(event.getEventTime().toEpochMilli()));
    }

    private void reject(Record<byte[], byte[]> record, SourceCoordinates source, String format, String code,
                        String reason, Integer index, Instant now) {
        metrics.rejected(format, code);
        var letter = deadLetters.of(STAGE, format, code, reason, source, index,
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), now);
        context.forward(record.withKey(DeadLetters.keyOf(source)).withValue((Normalized) new Normalized.DeadLettered(letter)));
    }

    /** Events are keyed (and so partitioned) by user; events without a user stay together per client address. */
    static String userKey(AiUsageEvent event) {
        if (event.getUser() != null) {
            return event.getUser();
        }
        return event.getClientIp() != null ? "anonymous@" + event.getClientIp() : "anonymous";
    }
}
