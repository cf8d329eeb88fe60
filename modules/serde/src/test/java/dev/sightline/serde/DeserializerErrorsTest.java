package dev.sightline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input gives a specific SerializationException whose message says what is wrong and where. */
class DeserializerErrorsTest {

  private static final String SCOPE = "deserializer-errors";
  private static final String TOPIC = "events.test";

  private final SightlineAvroSerde<GenericRecord> serde = new SightlineAvroSerde<>();

  DeserializerErrorsTest() {
    serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistryClient.URL_PREFIX + SCOPE), false);
  }

  @AfterEach
  void dropScope() {
    MockSchemaRegistryClient.dropScope(SCOPE);
  }

  @Test
  void anUnknownMagicByteNamesTheByteAndTheTopic() {
    byte[] json = "{\"id\":1}".getBytes();

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, json))
        .isInstanceOf(SerdeException.UnknownMagicByte.class)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("0x7b").hasMessageContaining("'" + TOPIC + "'");
  }

  @Test
  void anUnknownSchemaIdNamesTheIdTheTopicAndTheRegistry() {
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 0, 1, 0, 2, 'a'}))
        .isInstanceOf(SerdeException.UnknownSchemaId.class)
        .hasMessageContaining("Schema id 256").hasMessageContaining(TOPIC).hasMessageContaining("mock://" + SCOPE);
  }

  @Test
  void lessThanAHeaderIsTooShort() {
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOf(SerdeException.PayloadTooShort.class)
        .hasMessageContaining("3 bytes").hasMessageContaining(TOPIC);
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[0]))
        .isInstanceOf(SerdeException.PayloadTooShort.class);
  }

  @Test
  void aTruncatedBodyIsADecodeFailureNamingTheSchemaId() {
    byte[] bytes = serde.serializer().serialize(TOPIC, PingSchemas.v1("some id", 5));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
        .isInstanceOf(SerdeException.AvroDecodeFailed.class)
        .hasMessageContaining("schema id " + WireFormat.schemaId(bytes, TOPIC))
        .hasMessageContaining("EOFException");
  }

  @Test
  void bytesLeftAfterTheRecordAreADecodeFailure() {
    byte[] bytes = serde.serializer().serialize(TOPIC, PingSchemas.v1("a", 5));
    byte[] padded = Arrays.copyOf(bytes, bytes.length + 2);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, padded))
        .isInstanceOf(SerdeException.AvroDecodeFailed.class)
        .hasMessageContaining("bytes remain after the record");
  }

  @Test
  void aRecordThatDoesNotFitItsSchemaFailsWithoutShowingTheValue() {
    GenericRecord wrong = PingSchemas.v1("a", 1);
    wrong.put("count", "secret-value-123");

    assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, wrong))
        .isInstanceOf(SerdeException.AvroEncodeFailed.class)
        .hasMessageContaining("dev.sightline.serde.test.Ping").hasMessageContaining("ClassCastException")
        .hasMessageNotContaining("secret-value-123")
        .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("secret-value-123"));
  }

  @Test
  void aMissingRequiredFieldFailsClearly() {
    GenericRecord incomplete = PingSchemas.v1(null, 1);

    assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, incomplete))
        .isInstanceOf(SerdeException.AvroEncodeFailed.class)
        .hasMessageContaining("NullPointerException");
  }

  @Test
  void aHugeDeclaredCollectionInAShortPayloadFailsWithoutExhaustingMemory() {
    Schema array = SchemaBuilder.array().items().longType();
    int id = MockSchemaRegistryClient.forScope(SCOPE).register("huge", array);
    // block count 1,000,000,000 (zigzag varint), then nothing: a hostile or corrupt record
    byte[] bytes = ByteBuffer.allocate(10).put(WireFormat.MAGIC_BYTE).putInt(id)
        .put(new byte[] {(byte) 0x80, (byte) 0xa8, (byte) 0xd6, (byte) 0xb9, 0x07}).array();

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SerdeException.AvroDecodeFailed.class);
  }
}
