package dev.sightline.serde;

import java.io.IOException;
import org.apache.avro.AvroTypeException;
import org.apache.avro.SystemLimitException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Every failure of this module's serializers, deserializers and registry clients.
 *
 * <p>They extend Kafka's {@link SerializationException} so that a Kafka Streams
 * deserialization exception handler (or a dead-letter route) sees them as bad records. Each
 * message says what happened and what to check; none carries credentials or record content.
 */
public abstract sealed class SerdeException extends SerializationException
    permits SerdeException.RegistryUnreachable,
        SerdeException.RegistryAuthFailed,
        SerdeException.RegistryError,
        SerdeException.IncompatibleSchema,
        SerdeException.InvalidSchema,
        SerdeException.SchemaNotRegistered,
        SerdeException.UnknownSchemaId,
        SerdeException.UnknownMagicByte,
        SerdeException.PayloadTooShort,
        SerdeException.AvroDecodeFailed,
        SerdeException.AvroEncodeFailed {

  private SerdeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The registry could not be reached at all (connection refused, timeout, TLS failure). */
  public static final class RegistryUnreachable extends SerdeException {
    public RegistryUnreachable(String location, Throwable cause) {
      super("Schema registry " + location + " is unreachable (" + describe(cause) + "). Check "
          + "schema.registry.url, that the registry is running, and the network and TLS settings.", cause);
    }
  }

  /** The registry answered 401 or 403. */
  public static final class RegistryAuthFailed extends SerdeException {
    public RegistryAuthFailed(String location, int httpStatus) {
      super("Schema registry " + location + " refused the request with HTTP " + httpStatus
          + ". Check basic.auth.credentials.source / basic.auth.user.info or bearer.auth.token.", null);
    }
  }

  /** The registry answered with an error this module has no more specific type for. */
  public static final class RegistryError extends SerdeException {
    public RegistryError(String location, String operation, String detail) {
      super("Schema registry " + location + " failed to " + operation + ": " + detail + ".", null);
    }
  }

  /** The registry refused a schema as incompatible with the subject's earlier versions (HTTP 409). */
  public static final class IncompatibleSchema extends SerdeException {
    public IncompatibleSchema(String subject, String schemaName, String registryMessage) {
      super("Schema " + schemaName + " is incompatible with the registered versions of subject '" + subject
          + "': " + registryMessage + ". Check the subject's compatibility level and evolve the schema "
          + "compatibly (e.g. add fields with defaults).", null);
    }
  }

  /** The registry refused a schema as invalid (error code 42201). */
  public static final class InvalidSchema extends SerdeException {
    public InvalidSchema(String subject, String schemaName, String registryMessage) {
      super("Schema " + schemaName + " was rejected as invalid for subject '" + subject + "': "
          + registryMessage + ".", null);
    }
  }

  /** The serializer may not register, and the schema (or any schema) is not registered under the subject. */
  public static final class SchemaNotRegistered extends SerdeException {
    public SchemaNotRegistered(String subject, String schemaName, String hint) {
      super("Schema " + schemaName + " has no registered version under subject '" + subject + "'. " + hint, null);
    }
  }

  /** A record names a schema id the registry does not know. */
  public static final class UnknownSchemaId extends SerdeException {
    public UnknownSchemaId(int id, String topic, String location) {
      super("Schema id " + id + " of a record from topic '" + topic + "' is not known to schema registry "
          + location + ". Check that producer and consumer use the same registry.", null);
    }
  }

  /** The first byte is not the wire format's magic byte 0. */
  public static final class UnknownMagicByte extends SerdeException {
    public UnknownMagicByte(byte magic, String topic) {
      super(String.format("Unknown magic byte 0x%02x in a record from topic '%s' (expected 0x00, the Confluent "
          + "wire format). Check that the producer uses a Schema Registry Avro serializer.", magic, topic), null);
    }
  }

  /** Fewer bytes than the 5-byte header. */
  public static final class PayloadTooShort extends SerdeException {
    public PayloadTooShort(int length, String topic) {
      super("A record from topic '" + topic + "' has " + length + " bytes, too short for the Confluent wire "
          + "format (1 magic byte + 4-byte schema id + Avro data).", null);
    }
  }

  /** The Avro body does not decode with the writer schema, or does not resolve into the reader schema. */
  public static final class AvroDecodeFailed extends SerdeException {
    public AvroDecodeFailed(String topic, int schemaId, String readerSchemaName, Throwable cause) {
      super("Could not decode a record from topic '" + topic + "' written with schema id " + schemaId + " as "
          + readerSchemaName + " (" + summary(cause, decodeMessageIsSafe(cause)) + "). Check that the "
          + "producer's schema is compatible with the reader's and that the data is not corrupt.",
          safeCause(cause, decodeMessageIsSafe(cause)));
    }

    /** Decoder and schema-resolution errors name schemas, lengths and indexes; conversions (e.g. UUID) may echo data. */
    private static boolean decodeMessageIsSafe(Throwable cause) {
      return cause instanceof IOException || cause instanceof AvroTypeException
          || cause instanceof SystemLimitException || cause instanceof IndexOutOfBoundsException;
    }
  }

  /**
   * The record could not be written with its schema (e.g. null in a non-null field, a value of the wrong type).
   * Avro's writer puts the offending value into its messages ("value ... is not a ..."), so they are withheld.
   */
  public static final class AvroEncodeFailed extends SerdeException {
    public AvroEncodeFailed(String topic, String schemaName, Throwable cause) {
      super("Could not encode a " + schemaName + " record for topic '" + topic + "' (" + summary(cause, false)
          + "). Check that every non-null field is set and every value matches its schema type.",
          safeCause(cause, false));
    }
  }

  /** Exception type and message; registry and decoder messages carry no secrets or record content. */
  static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static String summary(Throwable cause, boolean messageIsSafe) {
    return messageIsSafe ? describe(cause)
        : cause.getClass().getSimpleName() + ", message withheld as it may contain record values";
  }

  /** The cause itself when its message is safe to show, else a stand-in keeping only its type and stack trace. */
  private static Throwable safeCause(Throwable cause, boolean messageIsSafe) {
    if (messageIsSafe) {
      return cause;
    }
    Throwable standIn = new Throwable(cause.getClass().getName() + " (message withheld)");
    standIn.setStackTrace(cause.getStackTrace());
    return standIn;
  }
}
