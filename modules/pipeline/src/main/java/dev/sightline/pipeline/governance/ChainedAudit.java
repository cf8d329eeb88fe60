package dev.sightline.pipeline.governance;

import dev.sightline.model.AuditRecord;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * An audit record with the partition whose chain it continues, and its Avro bytes as the audit topic holds them. A
 * chain has one writer, the task of the same partition number, and the record must land in exactly that partition:
 * the sink's partitioner reads it from here rather than hashing the key. With Sightline's one partition count for all
 * topics (TopicLayout) this is the partition the default partitioner would pick for the user key anyway. The bytes
 * are encoded once, by the chain, for both the audit topic and the audit index.
 */
record ChainedAudit(int partition, AuditRecord record, byte[] bytes) {

    /** Writes the record's bytes only; the partition travels no further than the partitioner. */
    static Serde<ChainedAudit> writeOnlySerde() {
        return Serdes.serdeFrom((topic, chained) -> chained == null ? null : chained.bytes(),
                (topic, bytes) -> {
                    throw new UnsupportedOperationException("ChainedAudit is written, never read; read AuditRecord");
                });
    }

    /** Fails (rather than forking a chain) when the audit topic has fewer partitions than the events topic. */
    static StreamPartitioner<String, ChainedAudit> partitioner() {
        return (topic, key, chained, partitions) -> {
            if (chained.partition() >= partitions) {
                throw new StreamsException("audit topic " + topic + " has " + partitions + " partitions but the audit "
                        + "chain of partition " + chained.partition() + " needs it: give " + topic
                        + " at least as many partitions as events.ai-usage.enriched");
            }
            return Optional.of(Set.of(chained.partition()));
        };
    }
}
