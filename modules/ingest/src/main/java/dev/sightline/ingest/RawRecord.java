package dev.sightline.ingest;

import dev.sightline.model.SourceCoordinates;
import java.time.Instant;
import java.util.Objects;

/**
 * One record as shipped (a log line or a JSON message), with where it came from.
 *
 * @param value      the bytes as received; never null
 * @param source     Kafka or file coordinates, and the format name
 * @param receivedAt when Sightline read it (the ingest time of resulting events)
 */
public record RawRecord(byte[] value, SourceCoordinates source, Instant receivedAt) {
    public RawRecord {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
