package dev.sightline.serde;

import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro serde in the Confluent wire format, for keys or values.
 *
 * <p>In code: {@code SightlineAvroSerde.forValue(AiUsageEvent.class, registry)}, ready to use.
 * By class name (e.g. {@code default.value.serde}): Kafka calls {@link #configure} with
 * {@code schema.registry.url} and the other keys of {@link AvroSerdeConfig}.
 */
public class SightlineAvroSerde<T extends GenericContainer> implements Serde<T> {

  private final SightlineAvroSerializer<T> serializer;
  private final SightlineAvroDeserializer<T> deserializer;

  /** For instantiation by class name; {@link #configure} must follow. */
  public SightlineAvroSerde() {
    this(new SightlineAvroSerializer<>(), new SightlineAvroDeserializer<>());
  }

  public SightlineAvroSerde(SightlineAvroSerializer<T> serializer, SightlineAvroDeserializer<T> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
  }

  /** Values of {@code type} (a generated class, or {@code GenericRecord}), subject {@code <topic>-value}. */
  public static <T extends GenericContainer> SightlineAvroSerde<T> forValue(Class<T> type, SchemaRegistryClient registry) {
    return of(type, registry, false);
  }

  /** Keys of {@code type} (a generated class, or {@code GenericRecord}), subject {@code <topic>-key}. */
  public static <T extends GenericContainer> SightlineAvroSerde<T> forKey(Class<T> type, SchemaRegistryClient registry) {
    return of(type, registry, true);
  }

  private static <T extends GenericContainer> SightlineAvroSerde<T> of(Class<T> type, SchemaRegistryClient registry,
      boolean isKey) {
    return new SightlineAvroSerde<>(new SightlineAvroSerializer<>(registry, isKey),
        new SightlineAvroDeserializer<>(registry, type));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
