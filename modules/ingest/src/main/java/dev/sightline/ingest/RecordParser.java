package dev.sightline.ingest;

import java.util.List;

/**
 * Turns one raw record of one format into normalized events. Implementations are stateless and thread safe, never
 * throw on bad input (every problem is a {@link ParseOutcome.Rejected}), and know nothing of Kafka.
 */
public interface RecordParser {

    /** The format name as in ARCHITECTURE.md, e.g. {@code squid-ext}. */
    String format();

    /**
     * Parses a record. A single-record format returns exactly one outcome; a message that holds several records
     * (a JSON array) returns one outcome per element, in order.
     */
    List<ParseOutcome> parse(RawRecord record);
}
