package dev.sightline.pipeline.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;

/**
 * Checks the hash chains of audit.ai-data-access as its records are read, partition by partition in offset order:
 * every record's hash is recomputed ({@link AuditHash}) and every link checked — sequence one more than the
 * previous record's, previousHash equal to the previous record's hash. The first record read of a partition is the
 * anchor: its own hash is checked, its link cannot be (its predecessor was not read: a --from bound, or retention).
 * Problems name partition, offset and sequence, never a record's content.
 *
 * <p>What the chain proves: a record changed, removed, reordered or inserted after the fact breaks a hash or a link.
 * What it cannot prove: a record appended at the end by someone who can write the topic and recompute SHA-256 is
 * indistinguishable from a genuine one; keep write access to the topic with the application alone (ACLs).
 */
public final class AuditChainVerifier {
    /** What is wrong with a record. */
    public enum Kind {
        /** Stored hash differs from the recomputed one: the record was changed after it was written. */
        ALTERED,
        /** previousHash is not the previous record's hash: a record before it was changed, removed or inserted. */
        BROKEN_LINK,
        /** Sequence jumps forward: records are missing. */
        SEQUENCE_GAP,
        /** Sequence repeats or goes back: a record was replayed, duplicated or reordered. */
        SEQUENCE_NOT_INCREASING,
        /** The record cannot be read as an audit record. */
        UNREADABLE
    }

    /** @param sequence null when the record could not be read */
    public record Problem(int partition, long offset, Long sequence, Kind kind, String detail) {
        @Override
        public String toString() {
            return "partition " + partition + " offset " + offset + (sequence == null ? "" : " sequence " + sequence)
                    + ": " + kind + ": " + detail;
        }
    }

    /**
     * One partition's chain as read. Sequences and offsets are -1 when no readable record was read.
     *
     * @param problems number of problems found in the partition
     */
    public record PartitionSummary(int partition, long records, long firstSequence, long lastSequence,
                                   long firstOffset, long lastOffset, int problems) {
        public boolean intact() {
            return problems == 0;
        }
    }

    public record Report(List<PartitionSummary> partitions, List<Problem> problems) {
        public Report {
            partitions = List.copyOf(partitions);
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }

        public long records() {
            return partitions.stream().mapToLong(PartitionSummary::records).sum();
        }
    }

    private static final class Chain {
        long records;
        long firstSequence = -1;
        long lastSequence = -1;
        long firstOffset = -1;
        long lastOffset = -1;
        String lastHash;
        int problems;
    }

    private final Map<Integer, Chain> chains = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();

    /** Declares a partition that was read, so that an empty one is reported too. */
    public void partition(int partition) {
        chains.computeIfAbsent(partition, p -> new Chain());
    }

    /** The next record of a partition, decoded with its writer schema. */
    public void accept(int partition, long offset, GenericRecord record) {
        Chain chain = chains.computeIfAbsent(partition, p -> new Chain());
        long sequence;
        String previousHash;
        String storedHash;
        String computedHash;
        try {
            sequence = (Long) record.get("sequence");
            previousHash = Objects.toString(record.get("previousHash"), null);
            storedHash = Objects.toString(record.get(AuditHash.HASH_FIELD), null);
            computedHash = AuditHash.of(record);
        } catch (RuntimeException notAnAuditRecord) {
            unreadable(partition, offset, "not an audit record with sequence, previousHash and hash ("
                    + notAnAuditRecord.getClass().getSimpleName() + ")");
            return;
        }
        chain.records++;
        if (chain.firstOffset < 0) {
            chain.firstOffset = offset;
            chain.firstSequence = sequence;
        }
        if (!computedHash.equals(storedHash)) {
            problem(chain, partition, offset, sequence, Kind.ALTERED,
                    "stored hash " + storedHash + " but the record hashes to " + computedHash);
        }
        if (chain.lastHash != null) {
            long expected = chain.lastSequence + 1;
            if (sequence > expected) {
                problem(chain, partition, offset, sequence, Kind.SEQUENCE_GAP, "expected sequence " + expected
                        + ": " + (sequence - expected) + " record(s) missing");
            } else if (sequence < expected) {
                problem(chain, partition, offset, sequence, Kind.SEQUENCE_NOT_INCREASING,
                        "expected sequence " + expected);
            } else if (!chain.lastHash.equals(previousHash)) {
                problem(chain, partition, offset, sequence, Kind.BROKEN_LINK, "previousHash " + previousHash
                        + " but the record with sequence " + chain.lastSequence + " has hash " + chain.lastHash);
            }
        } else if (sequence == 0 && !AuditHash.GENESIS.equals(previousHash)) {
            problem(chain, partition, offset, sequence, Kind.BROKEN_LINK, "sequence 0 must have an empty previousHash");
        }
        chain.lastSequence = sequence;
        chain.lastOffset = offset;
        chain.lastHash = storedHash;
    }

    /** A record that could not be decoded at all (unknown schema id, not the wire format, ...). */
    public void unreadable(int partition, long offset, String reason) {
        Chain chain = chains.computeIfAbsent(partition, p -> new Chain());
        problem(chain, partition, offset, null, Kind.UNREADABLE, reason);
    }

    public Report report() {
        List<PartitionSummary> partitions = new ArrayList<>();
        chains.forEach((partition, chain) -> partitions.add(new PartitionSummary(partition, chain.records,
                chain.firstSequence, chain.lastSequence, chain.firstOffset, chain.lastOffset, chain.problems)));
        return new Report(partitions, problems);
    }

    private void problem(Chain chain, int partition, long offset, Long sequence, Kind kind, String detail) {
        chain.problems++;
        problems.add(new Problem(partition, offset, sequence, kind, detail));
    }
}
