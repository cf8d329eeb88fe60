package dev.sightline.pipeline.governance;

import dev.sightline.model.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The audit hash rule of AuditRecord.avsc, in the one place the writer ({@link AuditChainProcessor}) and the verifier
 * ({@link AuditChainVerifier}) share: lower-case hex SHA-256 of the Avro binary encoding of the record under the
 * schema it was written with, with {@code hash} set to "". The writer hashes a generated {@link AuditRecord} under its
 * own schema (the schema the serializer registers and writes with); the verifier hashes the record as decoded with
 * the writer schema fetched by the id in the wire format, so a record written by an older or newer version of the
 * schema verifies too.
 */
public final class AuditHash {
    /** {@code previousHash} of sequence 0. */
    public static final String GENESIS = "";
    static final String HASH_FIELD = "hash";
    private static final HexFormat HEX = HexFormat.of();

    private AuditHash() {
    }

    /** The hash of a generated record, under {@link AuditRecord#getClassSchema()}. */
    public static String of(AuditRecord record) {
        AuditRecord unhashed = AuditRecord.newBuilder(record).setHash("").build();
        return digest(unhashed.getSchema(), unhashed,
                new SpecificDatumWriter<>(unhashed.getSchema(), SpecificData.getForClass(AuditRecord.class)));
    }

    /**
     * The hash of a record decoded with its writer schema (plain {@link GenericData}, no logical-type conversions).
     *
     * @throws IllegalArgumentException if the schema has no string field {@code hash}
     */
    public static String of(GenericRecord record) {
        if (record instanceof SpecificRecord) {
            throw new IllegalArgumentException("use of(AuditRecord) for generated records");
        }
        Schema schema = record.getSchema();
        Schema.Field field = schema.getField(HASH_FIELD);
        if (field == null || field.schema().getType() != Schema.Type.STRING) {
            throw new IllegalArgumentException("schema " + schema.getFullName() + " has no string field '" + HASH_FIELD + "'");
        }
        GenericRecord unhashed = GenericData.get().deepCopy(schema, record);
        unhashed.put(field.pos(), "");
        return digest(schema, unhashed, new GenericDatumWriter<>(schema, GenericData.get()));
    }

    private static <T> String digest(Schema schema, T datum, DatumWriter<T> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            writer.write(datum, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + schema.getFullName(), e);
        }
        return HEX.formatHex(sha256().digest(bytes.toByteArray()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
