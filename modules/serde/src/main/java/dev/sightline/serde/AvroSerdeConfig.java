package dev.sightline.serde;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.types.Password;

/**
 * The serde's configuration, read from the same keys as Confluent's Avro serde so existing
 * client configurations keep working. Unknown keys (the rest of a Kafka config) are ignored.
 * Secrets are held as Kafka {@link Password}s, whose {@code toString()} hides them.
 */
public record AvroSerdeConfig(
    String registryUrl,
    BasicAuthSource basicAuthSource,
    Password basicAuthUserInfo,
    Password bearerAuthToken,
    boolean autoRegisterSchemas,
    boolean useLatestVersion,
    boolean specificAvroReader,
    Duration connectTimeout,
    Duration requestTimeout) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Where basic-auth credentials come from: the URL's user info (Confluent's default) or {@link #BASIC_AUTH_USER_INFO}. */
  public enum BasicAuthSource { URL, USER_INFO }

  private static final ConfigDef DEFINITION = new ConfigDef()
      .define(SCHEMA_REGISTRY_URL, Type.STRING, null, Importance.HIGH,
          "Registry URL(s), comma-separated http(s)://host:port, or mock://<scope> for an in-memory registry.")
      .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, BasicAuthSource.URL.name(),
          ValidString.in(BasicAuthSource.URL.name(), BasicAuthSource.USER_INFO.name()), Importance.MEDIUM,
          "URL: basic-auth credentials from the URL's user:password@; USER_INFO: from basic.auth.user.info.")
      .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
          "user:password for basic auth when basic.auth.credentials.source=USER_INFO.")
      .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM, "Static bearer token.")
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
          "Register the record's schema under its subject when serializing.")
      .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
          "Serialize with the subject's latest registered schema instead of the record's own (no registration).")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
          "Deserialize into the generated class named by the writer schema instead of GenericRecord.")
      .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, (int) DEFAULT_CONNECT_TIMEOUT.toMillis(), ConfigDef.Range.atLeast(1), Importance.LOW,
          "Timeout for opening a connection to the registry.")
      .define(HTTP_READ_TIMEOUT_MS, Type.INT, (int) DEFAULT_REQUEST_TIMEOUT.toMillis(), ConfigDef.Range.atLeast(1), Importance.LOW,
          "Timeout for a whole registry request.");

  /** Reads the serde's keys from a client or Streams configuration; throws Kafka's ConfigException on a bad value. */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    Map<String, Object> values = DEFINITION.parse(configs);
    return new AvroSerdeConfig(
        (String) values.get(SCHEMA_REGISTRY_URL),
        BasicAuthSource.valueOf((String) values.get(BASIC_AUTH_CREDENTIALS_SOURCE)),
        (Password) values.get(BASIC_AUTH_USER_INFO),
        (Password) values.get(BEARER_AUTH_TOKEN),
        (Boolean) values.get(AUTO_REGISTER_SCHEMAS),
        (Boolean) values.get(USE_LATEST_VERSION),
        (Boolean) values.get(SPECIFIC_AVRO_READER),
        Duration.ofMillis((Integer) values.get(HTTP_CONNECT_TIMEOUT_MS)),
        Duration.ofMillis((Integer) values.get(HTTP_READ_TIMEOUT_MS)));
  }

  /** The definitions, e.g. for documentation ({@code configDef().toHtml()}). */
  public static ConfigDef configDef() {
    return new ConfigDef(DEFINITION);
  }

  /** The URL may hold user:password@, so it is shown without it. */
  @Override
  public String toString() {
    return "AvroSerdeConfig[registryUrl=" + RegistryUrls.redact(registryUrl) + ", basicAuthSource=" + basicAuthSource
        + ", autoRegisterSchemas=" + autoRegisterSchemas + ", useLatestVersion=" + useLatestVersion
        + ", specificAvroReader=" + specificAvroReader + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + "]";
  }
}
