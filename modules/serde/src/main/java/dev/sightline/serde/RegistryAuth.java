package dev.sightline.serde;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * How requests to the registry authenticate: not at all, HTTP basic, or a bearer token.
 * Holds only the ready Authorization header; {@code toString()} names the scheme, never the secret.
 */
public final class RegistryAuth {

  private static final RegistryAuth NONE = new RegistryAuth("none", null);

  private final String scheme;
  private final String authorizationHeader;

  private RegistryAuth(String scheme, String authorizationHeader) {
    this.scheme = scheme;
    this.authorizationHeader = authorizationHeader;
  }

  public static RegistryAuth none() {
    return NONE;
  }

  /** Basic auth from {@code user:password}, the form of {@code basic.auth.user.info} and of a URL's user info. */
  public static RegistryAuth basic(String userInfo) {
    if (userInfo == null || userInfo.indexOf(':') <= 0) {
      // the value itself is not repeated: it may be a password typed into the wrong place
      throw new ConfigException("basic auth credentials must have the form user:password (check "
          + AvroSerdeConfig.BASIC_AUTH_USER_INFO + " or the user info of " + AvroSerdeConfig.SCHEMA_REGISTRY_URL + ")");
    }
    String encoded = Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    return new RegistryAuth("basic", "Basic " + encoded);
  }

  public static RegistryAuth bearer(String token) {
    if (token == null || token.isBlank()) {
      throw new ConfigException(AvroSerdeConfig.BEARER_AUTH_TOKEN + " is empty");
    }
    return new RegistryAuth("bearer", "Bearer " + token.strip());
  }

  Optional<String> authorizationHeader() {
    return Optional.ofNullable(authorizationHeader);
  }

  @Override
  public String toString() {
    return "RegistryAuth[" + scheme + "]";
  }
}
