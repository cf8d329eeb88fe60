package dev.sightline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Old data read with a newer schema, and the mock registry refusing what the real one refuses. */
class SchemaEvolutionTest {

  private static final String SCOPE = "schema-evolution";
  private static final String TOPIC = "pings";

  private final MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(SCOPE);

  @AfterEach
  void dropScope() {
    MockSchemaRegistryClient.dropScope(SCOPE);
  }

  @Test
  void dataWrittenWithV1IsReadWithV2AndTheNewFieldsDefault() {
    byte[] old = new SightlineAvroSerializer<GenericRecord>(registry, false).serialize(TOPIC, PingSchemas.v1("a", 3));

    GenericRecord read = SightlineAvroDeserializer.withReaderSchema(registry, PingSchemas.V2).deserialize(TOPIC, old);

    assertThat(read.getSchema()).isEqualTo(PingSchemas.V2);
    assertThat(read.get("id")).hasToString("a");
    assertThat(read.get("count")).isEqualTo(3);
    assertThat(read.get("source")).hasToString("unknown");
  }

  @Test
  void backwardCompatibilityAcceptsANewFieldWithADefaultAndRefusesARequiredOne() {
    int v1 = registry.register("pings-value", PingSchemas.V1);
    int v2 = registry.register("pings-value", PingSchemas.V2);

    assertThat(v2).isNotEqualTo(v1);
    assertThat(registry.latest("pings-value")).hasValueSatisfying(latest -> {
      assertThat(latest.version()).isEqualTo(2);
      assertThat(latest.id()).isEqualTo(v2);
    });
    assertThat(registry.isCompatible("pings-value", PingSchemas.INCOMPATIBLE)).isFalse();
    assertThatThrownBy(() -> registry.register("pings-value", PingSchemas.INCOMPATIBLE))
        .isInstanceOf(SerdeException.IncompatibleSchema.class)
        .hasMessageContaining("'pings-value'")
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
        .hasMessageContaining("owner");
  }

  @Test
  void levelNoneAcceptsAnything() {
    registry.register("pings-value", PingSchemas.V1);
    registry.setCompatibility("pings-value", CompatibilityLevel.NONE);

    assertThat(registry.register("pings-value", PingSchemas.INCOMPATIBLE)).isPositive();
  }

  @Test
  void forwardCompatibilityRefusesWhatOldReadersCannotRead() {
    registry.setCompatibility(CompatibilityLevel.FORWARD);
    registry.register("pings-value", PingSchemas.V2);

    // FORWARD: the earlier version must read data written with the new one; INCOMPATIBLE has no "count" for v2
    assertThatThrownBy(() -> registry.register("pings-value", PingSchemas.INCOMPATIBLE))
        .isInstanceOf(SerdeException.IncompatibleSchema.class)
        .hasMessageContaining("FORWARD");
  }

  @Test
  void serdesConfiguredWithTheSameMockUrlShareTheRegistryUntilTheScopeIsDropped() {
    Map<String, String> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistryClient.URL_PREFIX + SCOPE);
    SightlineAvroSerde<GenericRecord> producer = new SightlineAvroSerde<>();
    producer.configure(config, false);
    byte[] bytes = producer.serializer().serialize(TOPIC, PingSchemas.v1("a", 1));

    SightlineAvroSerde<GenericRecord> consumer = new SightlineAvroSerde<>();
    consumer.configure(config, false);
    assertThat(consumer.deserializer().deserialize(TOPIC, bytes)).isEqualTo(PingSchemas.v1("a", 1));

    MockSchemaRegistryClient.dropScope(SCOPE);
    SightlineAvroSerde<GenericRecord> afterDrop = new SightlineAvroSerde<>();
    afterDrop.configure(config, false);
    assertThatThrownBy(() -> afterDrop.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SerdeException.UnknownSchemaId.class);
  }
}
