package dev.sightline.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The exact bytes: magic 0, the schema id big-endian, then exactly the Avro binary encoding. */
class WireFormatTest {

  private static final int SCHEMA_ID = 0x0A0B0C0D;

  /** Hands out one id for everything, so the header's byte order is visible. */
  private static final SchemaRegistryClient FIXED_ID = new SchemaRegistryClient() {
    @Override
    public int register(String subject, Schema schema) {
      return SCHEMA_ID;
    }

    @Override
    public OptionalInt idOf(String subject, Schema schema) {
      return OptionalInt.of(SCHEMA_ID);
    }

    @Override
    public Optional<Schema> schemaById(int id) {
      return id == SCHEMA_ID ? Optional.of(PingSchemas.V1) : Optional.empty();
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
      return Optional.of(new RegisteredSchema(subject, 1, SCHEMA_ID, PingSchemas.V1));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
      return true;
    }

    @Override
    public String location() {
      return "fixed-id";
    }
  };

  @Test
  void magicByteThenBigEndianIdThenExactlyTheAvroBinary() throws IOException {
    GenericRecord record = PingSchemas.v1("évé", 300);

    byte[] bytes = new SightlineAvroSerializer<GenericRecord>(FIXED_ID, false).serialize("t", record);

    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0x00, 0x0A, 0x0B, 0x0C, 0x0D);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(record));
    // string "évé" = zigzag length 5 (0x0a) + 5 UTF-8 bytes; int 300 = zigzag 600 = 0xd8 0x04
    assertThat(avroBinary(record)).containsExactly(0x0a, 0xc3, 0xa9, 'v', 0xc3, 0xa9, 0xd8, 0x04);
  }

  @Test
  void theHeaderIsReadBack() {
    byte[] bytes = new SightlineAvroSerializer<GenericRecord>(FIXED_ID, false).serialize("t", PingSchemas.v1("a", 1));

    assertThat(WireFormat.schemaId(bytes, "t")).isEqualTo(SCHEMA_ID);
    assertThat(new SightlineAvroDeserializer<>(FIXED_ID, GenericRecord.class).deserialize("t", bytes))
        .isEqualTo(PingSchemas.v1("a", 1));
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(new SightlineAvroSerializer<GenericRecord>(FIXED_ID, false).serialize("t", null)).isNull();
    assertThat(new SightlineAvroDeserializer<>(FIXED_ID, GenericRecord.class).deserialize("t", null)).isNull();
  }

  private static byte[] avroBinary(GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
