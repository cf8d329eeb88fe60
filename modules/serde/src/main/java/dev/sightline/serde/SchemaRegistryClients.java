package dev.sightline.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Creates the registry client a {@code schema.registry.url} names. */
public final class SchemaRegistryClients {

  private SchemaRegistryClients() {}

  /**
   * A {@link MockSchemaRegistryClient} for {@code mock://<scope>}, a {@link RestSchemaRegistryClient}
   * for http(s) URLs (comma-separated for failover), with credentials and timeouts from {@code config}
   * (the keys of {@link AvroSerdeConfig}).
   *
   * @throws ConfigException for a missing or unsupported URL or inconsistent credentials
   */
  public static SchemaRegistryClient create(String url, Map<String, ?> config) {
    if (url == null || url.isBlank()) {
      throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL + " is not set: give http(s)://host:port "
          + "(several comma-separated) or " + MockSchemaRegistryClient.URL_PREFIX + "<scope> for tests");
    }
    String trimmed = url.strip();
    if (trimmed.startsWith(MockSchemaRegistryClient.URL_PREFIX)) {
      return MockSchemaRegistryClient.forUrl(trimmed);
    }
    AvroSerdeConfig settings = AvroSerdeConfig.from(config);
    RestSchemaRegistryClient.Builder builder = RestSchemaRegistryClient.builder(trimmed)
        .connectTimeout(settings.connectTimeout())
        .requestTimeout(settings.requestTimeout());
    boolean basicFromUserInfo = settings.basicAuthSource() == AvroSerdeConfig.BasicAuthSource.USER_INFO;
    if (basicFromUserInfo && settings.bearerAuthToken() != null) {
      throw new ConfigException("set either " + AvroSerdeConfig.BASIC_AUTH_USER_INFO + " (basic auth) or "
          + AvroSerdeConfig.BEARER_AUTH_TOKEN + ", not both");
    }
    if (basicFromUserInfo) {
      if (settings.basicAuthUserInfo() == null) {
        throw new ConfigException(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs "
            + AvroSerdeConfig.BASIC_AUTH_USER_INFO + "=user:password");
      }
      builder.auth(RegistryAuth.basic(settings.basicAuthUserInfo().value()));
    } else if (settings.bearerAuthToken() != null) {
      builder.auth(RegistryAuth.bearer(settings.bearerAuthToken().value()));
    }
    // otherwise the builder uses the URL's user:password@, if any (basic.auth.credentials.source=URL)
    return builder.build();
  }
}
