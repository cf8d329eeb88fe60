package dev.sightline.simulator;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.Parsers;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.SourceCoordinates;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs simulated records through the real parsers of the ingest module. */
final class Parsing {
    private final Map<String, RecordParser> parsers = new HashMap<>();

    List<ParseOutcome> parse(SimulatedRecord record) {
        RecordParser parser = parsers.computeIfAbsent(record.format(),
                format -> Parsers.create(format, ParserOptions.defaults()));
        SourceCoordinates source = SourceCoordinates.newBuilder().setFormat(record.format())
                .setTopic(record.topic().baseName()).build();
        // received shortly after the event, as a shipper would deliver it
        return parser.parse(new RawRecord(record.value(), source, record.eventTime().plusSeconds(30)));
    }

    /**
     * What is wrong with the outcomes of one record, or null: no rejection ever; a transaction yields at least one
     * event, a non-transaction line only skips.
     */
    String problem(SimulatedRecord record) {
        List<ParseOutcome> outcomes = parse(record);
        for (ParseOutcome outcome : outcomes) {
            if (outcome instanceof ParseOutcome.Rejected rejected) {
                return record.format() + " rejected (" + rejected.reasonCode() + ": " + rejected.reason() + "): "
                        + new String(record.value(), StandardCharsets.UTF_8);
            }
        }
        boolean parsed = outcomes.stream().anyMatch(o -> o instanceof ParseOutcome.Parsed);
        if (parsed != record.labels().transaction()) {
            return record.format() + " expected " + (record.labels().transaction() ? "an event" : "only skips")
                    + " but got " + outcomes + ": " + new String(record.value(), StandardCharsets.UTF_8);
        }
        return null;
    }
}
