package dev.sightline.pipeline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.AuditOutcome;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import dev.sightline.model.SourceCoordinates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void anUntouchedChainIsIntact() {
        AuditChainVerifier.Report report = verify(chain(5));
        assertThat(report.intact()).isTrue();
        assertThat(report.partitions()).singleElement().satisfies(p -> {
            assertThat(p.records()).isEqualTo(5);
            assertThat(p.firstSequence()).isZero();
            assertThat(p.lastSequence()).isEqualTo(4);
            assertThat(p.lastOffset()).isEqualTo(4);
        });
    }

    @Test
    void aChangedRecordIsReportedAsAlteredAtItsOffset() {
        List<GenericRecord> records = chain(5);
        records.get(2).put("user", "mallory");
        assertThat(verify(records).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditChainVerifier.Kind.ALTERED);
            assertThat(p.offset()).isEqualTo(2);
            assertThat(p.sequence()).isEqualTo(2);
            assertThat(p.toString()).as("no record content in a problem").doesNotContain("mallory");
        });
    }

    @Test
    void aChangedAndRehashedRecordBreaksTheNextLink() {
        List<GenericRecord> records = chain(5);
        records.get(2).put("user", "mallory");
        records.get(2).put("hash", AuditHash.of(records.get(2)));
        assertThat(verify(records).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditChainVerifier.Kind.BROKEN_LINK);
            assertThat(p.sequence()).isEqualTo(3);
        });
    }

    @Test
    void aRemovedRecordIsAGap() {
        List<GenericRecord> records = chain(5);
        records.remove(3);
        assertThat(verify(records).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditChainVerifier.Kind.SEQUENCE_GAP);
            assertThat(p.detail()).contains("expected sequence 3", "1 record(s) missing");
        });
    }

    @Test
    void aReplayedRecordIsNotIncreasing() {
        List<GenericRecord> records = chain(3);
        records.add(records.get(1));
        assertThat(verify(records).problems()).extracting(AuditChainVerifier.Problem::kind)
                .containsExactly(AuditChainVerifier.Kind.SEQUENCE_NOT_INCREASING);
    }

    @Test
    void readingFromTheMiddleAnchorsOnTheFirstRecordRead() {
        List<GenericRecord> records = chain(6);
        AuditChainVerifier.Report report = verify(records.subList(3, 6));
        assertThat(report.intact()).isTrue();
        assertThat(report.partitions().get(0).firstSequence()).isEqualTo(3);
    }

    @Test
    void aRecordOfAnotherSchemaIsUnreadableAndEmptyPartitionsAreListed() {
        AuditChainVerifier verifier = new AuditChainVerifier();
        verifier.partition(1);
        verifier.accept(0, 0, new GenericData.Record(SourceCoordinates.getClassSchema()));
        verifier.unreadable(0, 1, "unknown schema id 99");
        AuditChainVerifier.Report report = verifier.report();
        assertThat(report.problems()).extracting(AuditChainVerifier.Problem::kind)
                .containsExactly(AuditChainVerifier.Kind.UNREADABLE, AuditChainVerifier.Kind.UNREADABLE);
        assertThat(report.partitions()).extracting(AuditChainVerifier.PartitionSummary::partition).containsExactly(0, 1);
        assertThat(report.partitions().get(1).intact()).isTrue();
    }

    @Test
    void writerAndVerifierHashAlike() {
        AuditRecord record = record(0, "");
        assertThat(AuditHash.of(generic(record))).isEqualTo(AuditHash.of(record)).hasSize(64).matches("[0-9a-f]+");
    }

    @Property(tries = 50)
    void anySingleFieldChangeIsDetected(@ForAll @IntRange(min = 1, max = 12) int length,
                                        @ForAll @IntRange(min = 0, max = 11) int at,
                                        @ForAll @IntRange(min = 0, max = 3) int field) {
        List<GenericRecord> records = chain(length);
        GenericRecord victim = records.get(at % length);
        switch (field) {
            case 0 -> victim.put("user", "someone-else");
            case 1 -> victim.put("eventTime", (Long) victim.get("eventTime") + 1);
            case 2 -> victim.put("toolId", "another-tool");
            default -> victim.put("dataClasses", new GenericData.Array<>(victim.getSchema().getField("dataClasses").schema(),
                    List.of()));
        }
        assertThat(verify(records).intact()).isFalse();
    }

    private static AuditChainVerifier.Report verify(List<GenericRecord> records) {
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (int i = 0; i < records.size(); i++) {
            verifier.accept(0, i, records.get(i));
        }
        return verifier.report();
    }

    /** A chain as the writer makes it, read back as the verifier reads it. */
    private static List<GenericRecord> chain(int length) {
        List<GenericRecord> records = new ArrayList<>();
        String previous = AuditHash.GENESIS;
        for (int sequence = 0; sequence < length; sequence++) {
            AuditRecord record = record(sequence, previous);
            record.setHash(AuditHash.of(record));
            previous = record.getHash();
            records.add(generic(record));
        }
        return records;
    }

    private static AuditRecord record(long sequence, String previousHash) {
        return AuditRecord.newBuilder().setRecordId("audit:e-" + sequence).setSequence(sequence).setEventId("e-" + sequence)
                .setEventTime(T0.plusSeconds(sequence)).setRecordedAt(T0.plusSeconds(sequence + 1)).setUser("alice")
                .setToolId("chatgpt").setDataClasses(List.of(DataClass.PCI)).setOutcome(AuditOutcome.ALLOWED)
                .setSource(SourceCoordinates.newBuilder().setFormat("zscaler").build())
                .setPreviousHash(previousHash).setHash("").build();
    }

    private static GenericRecord generic(AuditRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            var encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
            new SpecificDatumWriter<AuditRecord>(AuditRecord.getClassSchema(), SpecificData.getForClass(AuditRecord.class))
                    .write(record, encoder);
            return new GenericDatumReader<GenericRecord>(AuditRecord.getClassSchema())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
