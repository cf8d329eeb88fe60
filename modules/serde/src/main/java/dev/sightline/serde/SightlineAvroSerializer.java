package dev.sightline.serde;

import dev.sightline.serde.SchemaRegistryClient.RegisteredSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated {@link SpecificRecord}s or {@code GenericRecord}s) in the Confluent
 * wire format, registering or looking up the record's schema under {@code <topic>-value} or
 * {@code <topic>-key} (TopicNameStrategy). Thread safe once configured.
 *
 * <p>Use {@link SightlineAvroSerde#forValue}/{@link SightlineAvroSerde#forKey} in code; Kafka
 * instantiates it by class name and calls {@link #configure}.
 */
public class SightlineAvroSerializer<T extends GenericContainer> implements Serializer<T> {

  /** One reusable encoder (and its buffer) per thread; a serializer is shared by every stream thread. */
  private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean autoRegisterSchemas = true;
  private boolean useLatestVersion;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  /** Per subject, the last schema registered and its id: a registry lookup compares schemas deeply on every call. */
  private final Map<String, Registration> registered = new ConcurrentHashMap<>();
  private final Map<SchemaPair, GenericDatumReader<Object>> toLatest = new ConcurrentHashMap<>();

  private record SchemaPair(Schema own, Schema latest) {}

  private record Registration(Schema schema, int id) {}

  /** For instantiation by class name; {@link #configure} must follow. */
  public SightlineAvroSerializer() {}

  /** Ready to use: registers schemas with {@code registry}; {@link #configure} may still change options. */
  public SightlineAvroSerializer(SchemaRegistryClient registry, boolean isKey) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.isKey = isKey;
  }

  /** TopicNameStrategy: the subject under which a topic's keys or values are registered. */
  public static String subjectName(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  /** Reads {@link AvroSerdeConfig}'s keys; creates the registry client from the URL unless one was given. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = AvroSerdeConfig.from(configs);
    if (registry == null) {
      registry = SchemaRegistryClients.create(config.registryUrl(), configs);
    }
    this.isKey = isKey;
    this.autoRegisterSchemas = config.autoRegisterSchemas();
    this.useLatestVersion = config.useLatestVersion();
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException("serializer not configured: call configure() or use SightlineAvroSerde.forValue/forKey");
    }
    Schema schema = record.getSchema();
    String subject = subjectName(topic, isKey);
    if (useLatestVersion) {
      RegisteredSchema latest = registry.latest(subject).orElseThrow(() -> new SerdeException.SchemaNotRegistered(
          subject, schema.getFullName(), "use.latest.version=true needs a registered version: register one first."));
      Object datum = latest.schema().equals(schema) ? record : asLatest(topic, subject, record, latest);
      return encode(topic, latest.id(), latest.schema(), datum);
    }
    Registration known = registered.get(subject);
    // a generated class's schema is one object: identity is enough to know it is the one registered
    if (known == null || known.schema() != schema) {
      int id = autoRegisterSchemas ? registry.register(subject, schema)
          : registry.idOf(subject, schema).orElseThrow(() -> new SerdeException.SchemaNotRegistered(subject,
              schema.getFullName(), "auto.register.schemas=false: register it first, or enable auto.register.schemas."));
      known = new Registration(schema, id);
      registered.put(subject, known);
    }
    return encode(topic, known.id(), schema, record);
  }

  private byte[] encode(String topic, int schemaId, Schema schema, Object datum) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(WireFormat.header(schemaId));
    writeAvro(out, topic, schema, datum);
    return out.toByteArray();
  }

  private void writeAvro(ByteArrayOutputStream out, String topic, Schema schema, Object datum) {
    // buffered: a direct encoder writes value by value into the (synchronized) byte stream
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
    ENCODERS.set(encoder);
    try {
      writers.computeIfAbsent(schema, s -> newWriter(s, datum)).write(datum, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerdeException.AvroEncodeFailed(topic, schema.getFullName(), e);
    }
  }

  /** A generated class's own model knows its logical-type conversions (e.g. Instant for timestamp-millis). */
  private static DatumWriter<Object> newWriter(Schema schema, Object datum) {
    return datum instanceof SpecificRecord
        ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(datum.getClass()))
        : new GenericDatumWriter<>(schema, GenericData.get());
  }

  /**
   * The record converted to the subject's latest schema by Avro schema resolution. Writing it with
   * the latest schema directly would be wrong: Avro writers take fields by position, not by name.
   */
  private Object asLatest(String topic, String subject, T record, RegisteredSchema latest) {
    Schema own = record.getSchema();
    GenericDatumReader<Object> reader = toLatest.computeIfAbsent(new SchemaPair(own, latest.schema()), pair -> {
      CompatibilityLevel.readProblem(pair.latest(), pair.own()).ifPresent(problem -> {
        throw new SerdeException.IncompatibleSchema(subject, own.getFullName(),
            "use.latest.version=true but version " + latest.version() + " cannot read it: " + problem);
      });
      return new GenericDatumReader<>(pair.own(), pair.latest(), GenericData.get());
    });
    ByteArrayOutputStream ownBytes = new ByteArrayOutputStream(256);
    writeAvro(ownBytes, topic, own, record);
    try {
      return reader.read(null, DecoderFactory.get().binaryDecoder(ownBytes.toByteArray(), null));
    } catch (IOException | RuntimeException e) {
      throw new SerdeException.AvroEncodeFailed(topic, own.getFullName(), e);
    }
  }
}
