package dev.sightline.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.AiUsageEvent;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every schema of the project survives the wire format, generically and through its generated class. */
class SchemaFilesRoundTripTest {

  private static final String SCOPE = "schema-files-round-trip";
  private static final int DATUMS_PER_SCHEMA = 25;
  private static final Map<String, Schema> SCHEMAS = SchemaFiles.all();

  private final SchemaRegistryClient registry = MockSchemaRegistryClient.forScope(SCOPE);

  @AfterAll
  static void dropScope() {
    MockSchemaRegistryClient.dropScope(SCOPE);
  }

  static Stream<Arguments> schemas() {
    return SCHEMAS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> recordSchemas() {
    return schemas().filter(a -> ((Schema) a.get()[1]).getType() == Schema.Type.RECORD);
  }

  @Test
  void theSchemaDirectoryHasTheCoreSchemas() {
    assertThat(SCHEMAS.values()).extracting(Schema::getName).contains("AiUsageEvent", "DeadLetter");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void randomGenericDataRoundTrips(String file, Schema schema) {
    SightlineAvroSerde<GenericContainer> serde = SightlineAvroSerde.forValue(GenericContainer.class, registry);
    RandomDatum random = new RandomDatum(file.hashCode());
    String topic = "generic." + schema.getName(); // one subject per schema: they are not compatible with each other
    for (int i = 0; i < DATUMS_PER_SCHEMA; i++) {
      GenericContainer datum = (GenericContainer) random.of(schema);
      byte[] bytes = serde.serializer().serialize(topic, datum);
      assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(datum);
    }
  }

  /**
   * Generic bytes read into the generated class, written again from it, and read back generically
   * give the original datum: the class and the schema file agree on every field and logical type.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("recordSchemas")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void randomDataRoundTripsThroughTheGeneratedClass(String file, Schema schema) {
    Class<?> generated = SpecificData.get().getClass(schema);
    assertThat(generated).as("generated class for %s", schema.getFullName()).isNotNull();
    assertThat(SpecificRecord.class).isAssignableFrom(generated);
    SightlineAvroSerde<GenericContainer> generic = SightlineAvroSerde.forValue(GenericContainer.class, registry);
    SightlineAvroSerde specific = SightlineAvroSerde.forValue((Class) generated, registry);
    RandomDatum random = new RandomDatum(~file.hashCode());
    String topic = "specific." + schema.getName();
    for (int i = 0; i < DATUMS_PER_SCHEMA; i++) {
      GenericContainer datum = (GenericContainer) random.of(schema);
      Object typed = specific.deserializer().deserialize(topic, generic.serializer().serialize(topic, datum));
      assertThat(typed).isInstanceOf(generated);
      byte[] written = specific.serializer().serialize(topic, typed);
      assertThat(SightlineAvroDeserializer.withReaderSchema(registry, schema).deserialize(topic, written))
          .isEqualTo(datum);
    }
  }

  /**
   * An older version of each record, without the fields that have defaults, is read into the
   * generated class (reader schema = the class's) with those fields set to their defaults.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("recordSchemas")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void olderDataWithoutDefaultedFieldsIsReadIntoTheGeneratedClass(String file, Schema schema) {
    Schema older = withoutDefaultedFields(schema);
    SightlineAvroSerde<GenericContainer> generic = SightlineAvroSerde.forValue(GenericContainer.class, registry);
    SightlineAvroSerde specific = SightlineAvroSerde.forValue(SpecificData.get().getClass(schema), registry);
    String topic = "older." + schema.getName();
    GenericRecord datum = (GenericRecord) new RandomDatum(file.length()).of(older);

    Object typed = specific.deserializer().deserialize(topic, generic.serializer().serialize(topic, datum));
    GenericRecord read = SightlineAvroDeserializer.withReaderSchema(registry, schema)
        .deserialize(topic, specific.serializer().serialize(topic, typed));

    GenericData.Record expected = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      expected.put(field.pos(), field.hasDefaultValue() ? GenericData.get().getDefaultValue(field) : datum.get(field.name()));
    }
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void specificAvroReaderPicksTheGeneratedClassTheWriterSchemaNames() {
    Schema event = SCHEMAS.get("AiUsageEvent.avsc");
    SightlineAvroSerde<GenericContainer> generic = SightlineAvroSerde.forValue(GenericContainer.class, registry);
    SightlineAvroSerde<AiUsageEvent> configured = new SightlineAvroSerde<>();
    configured.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistryClient.URL_PREFIX + SCOPE,
        AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);

    byte[] bytes = generic.serializer().serialize("events.ai-usage", (GenericContainer) new RandomDatum(7).of(event));

    assertThat(configured.deserializer().deserialize("events.ai-usage", bytes)).isInstanceOf(AiUsageEvent.class);
  }

  private static Schema withoutDefaultedFields(Schema schema) {
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false,
        schema.getFields().stream().filter(f -> !f.hasDefaultValue()).map(f -> new Schema.Field(f, f.schema())).toList());
  }
}
