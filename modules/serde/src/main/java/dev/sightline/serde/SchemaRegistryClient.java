package dev.sightline.serde;

import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;

/**
 * The few Schema Registry operations the serde needs. Implementations are thread safe and cache
 * what never changes (a schema's id, an id's schema). Failures are {@link SerdeException}s;
 * "not found" is an empty result, so callers can say which record or topic it concerns.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} (a no-op returning the same id when it is already
   * registered) and returns its id.
   *
   * @throws SerdeException.IncompatibleSchema if the subject's compatibility level refuses it
   */
  int register(String subject, Schema schema);

  /** The id of {@code schema} if it is registered under {@code subject}, without registering it. */
  OptionalInt idOf(String subject, Schema schema);

  /** The schema with this id, if the registry knows it. */
  Optional<Schema> schemaById(int id);

  /** The subject's latest version, if it has any. */
  Optional<RegisteredSchema> latest(String subject);

  /** Whether registering {@code schema} under {@code subject} would pass its compatibility check. */
  boolean isCompatible(String subject, Schema schema);

  /** Where this registry is, fit for messages: a URL without credentials or a mock scope. */
  String location();

  /** One version of a subject. */
  record RegisteredSchema(String subject, int version, int id, Schema schema) {}
}
