package dev.sightline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.avro.generic.GenericContainer;

/** Whatever bytes arrive, the deserializer returns a record or throws one of its own SerializationExceptions. */
class DeserializerPropertiesTest {

  private static final String SCOPE = "deserializer-properties";
  private static final MockSchemaRegistryClient REGISTRY = MockSchemaRegistryClient.forScope(SCOPE);
  private static final List<Integer> KNOWN_IDS = registerAll();
  private static final SightlineAvroDeserializer<GenericContainer> DESERIALIZER =
      new SightlineAvroDeserializer<>(REGISTRY, GenericContainer.class);

  @AfterContainer
  static void dropScope() {
    MockSchemaRegistryClient.dropScope(SCOPE);
  }

  @Property(tries = 2000)
  void randomBytesOnlyEverRaiseTheModulesExceptions(@ForAll("payloads") byte[] payload) {
    Throwable thrown = catchThrowable(() -> DESERIALIZER.deserialize("fuzz", payload));

    if (thrown != null) {
      assertThat(thrown).isInstanceOf(SerdeException.class);
    }
  }

  /** Mostly a valid header with a registered id, so the Avro decoder gets the random bodies. */
  @Provide
  Arbitrary<byte[]> payloads() {
    Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<byte[]> withKnownHeader = Arbitraries.of(KNOWN_IDS)
        .flatMap(id -> anyBytes.map(body -> ByteBuffer.allocate(WireFormat.HEADER_SIZE + body.length)
            .put(WireFormat.MAGIC_BYTE).putInt(id).put(body).array()));
    return Arbitraries.frequencyOf(Tuple.of(1, anyBytes), Tuple.of(4, withKnownHeader));
  }

  /** The project's schemas and the test ones, so the bodies hit records, unions, arrays, maps and enums. */
  private static List<Integer> registerAll() {
    return Stream.concat(SchemaFiles.all().values().stream(), Stream.of(PingSchemas.V1))
        .map(schema -> REGISTRY.register("fuzz." + schema.getFullName(), schema))
        .toList();
  }
}
