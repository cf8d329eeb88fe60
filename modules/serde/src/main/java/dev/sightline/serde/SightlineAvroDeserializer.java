package dev.sightline.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro records in the Confluent wire format, fetching the writer schema by the id in the
 * header. Into a generated class, the reader schema is the class's own, so data written with an
 * older (compatible) schema is resolved into the newer one; into {@code GenericRecord}, it is the
 * writer's schema unless a reader schema is given. Every failure is a {@link SerdeException}, a
 * Kafka {@code SerializationException}, so a deserialization exception handler can route the record.
 * Thread safe once configured.
 */
public class SightlineAvroDeserializer<T extends GenericContainer> implements Deserializer<T> {

  private SchemaRegistryClient registry;
  private Function<Schema, GenericDatumReader<T>> readerFactory;
  private final boolean readerFixed;
  private final Map<Integer, GenericDatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

  /** For instantiation by class name; {@link #configure} must follow ({@code specific.avro.reader} picks the mode). */
  public SightlineAvroDeserializer() {
    this.readerFixed = false;
  }

  /**
   * Ready to use: reads into {@code type}, a generated {@link SpecificRecord} class, or
   * {@code GenericRecord} (reader schema = writer schema).
   */
  public SightlineAvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
    this(registry, readerForType(type));
  }

  private SightlineAvroDeserializer(SchemaRegistryClient registry, Function<Schema, GenericDatumReader<T>> readerFactory) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.readerFactory = readerFactory;
    this.readerFixed = true;
  }

  /** Reads {@code GenericRecord}s resolved into {@code readerSchema}, e.g. the newest version of a schema. */
  public static SightlineAvroDeserializer<GenericRecord> withReaderSchema(SchemaRegistryClient registry, Schema readerSchema) {
    Objects.requireNonNull(readerSchema, "readerSchema");
    return new SightlineAvroDeserializer<>(registry, writer -> new GenericDatumReader<>(writer, readerSchema, GenericData.get()));
  }

  /** Reads {@link AvroSerdeConfig}'s keys; creates the registry client from the URL unless one was given. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = AvroSerdeConfig.from(configs);
    if (registry == null) {
      registry = SchemaRegistryClients.create(config.registryUrl(), configs);
    }
    if (!readerFixed) {
      readerFactory = config.specificAvroReader() ? SightlineAvroDeserializer::specificReaderByWriterName : genericReader();
      readersBySchemaId.clear();
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null; // a tombstone
    }
    if (registry == null) {
      throw new IllegalStateException("deserializer not configured: call configure() or use SightlineAvroSerde.forValue/forKey");
    }
    int schemaId = WireFormat.schemaId(data, topic);
    GenericDatumReader<T> reader = readerFor(schemaId, topic);
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
    try {
      T value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new IOException("bytes remain after the record: the data does not match writer schema " + schemaId);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new SerdeException.AvroDecodeFailed(topic, schemaId, reader.getExpected().getFullName(), e);
    }
  }

  private GenericDatumReader<T> readerFor(int schemaId, String topic) {
    GenericDatumReader<T> cached = readersBySchemaId.get(schemaId);
    if (cached != null) {
      return cached;
    }
    Schema writer = registry.schemaById(schemaId)
        .orElseThrow(() -> new SerdeException.UnknownSchemaId(schemaId, topic, registry.location()));
    GenericDatumReader<T> reader;
    try {
      reader = readerFactory.apply(writer);
    } catch (RuntimeException e) {
      throw new SerdeException.AvroDecodeFailed(topic, schemaId, writer.getFullName(), e);
    }
    readersBySchemaId.putIfAbsent(schemaId, reader);
    return reader;
  }

  private static <T extends GenericContainer> Function<Schema, GenericDatumReader<T>> readerForType(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (SpecificRecord.class.isAssignableFrom(type)) {
      SpecificData model = SpecificData.getForClass(type);
      Schema readerSchema = model.getSchema(type);
      return writer -> new SpecificDatumReader<>(writer, readerSchema, model);
    }
    if (type.isAssignableFrom(GenericData.Record.class)) {
      return genericReader();
    }
    throw new IllegalArgumentException(type.getName() + " is neither a generated SpecificRecord class nor GenericRecord");
  }

  private static <T extends GenericContainer> Function<Schema, GenericDatumReader<T>> genericReader() {
    return writer -> new GenericDatumReader<>(writer, writer, GenericData.get());
  }

  /** {@code specific.avro.reader=true}: the generated class the writer schema names, with its own schema as reader. */
  private static <T extends GenericContainer> GenericDatumReader<T> specificReaderByWriterName(Schema writer) {
    Class<?> type = SpecificData.get().getClass(writer);
    if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
      throw new AvroTypeException("no generated class " + writer.getFullName() + " on the classpath "
          + "(specific.avro.reader=true)");
    }
    SpecificData model = SpecificData.getForClass(type);
    return new SpecificDatumReader<>(writer, model.getSchema(type), model);
  }
}
