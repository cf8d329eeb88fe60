package dev.sightline.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * The registry's base URLs, parsed from a comma-separated {@code schema.registry.url}. Any
 * {@code user:password@} part is split off, so the URLs can be shown in messages and logs.
 */
record RegistryUrls(List<URI> bases, Optional<String> userInfo) {

  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  static RegistryUrls parse(String commaSeparated) {
    List<URI> bases = new ArrayList<>();
    String userInfo = null;
    for (String part : commaSeparated.split(",")) {
      URI uri = toUri(part.strip());
      if (uri.getRawUserInfo() != null && userInfo == null) {
        userInfo = uri.getUserInfo();
      }
      bases.add(withoutUserInfo(uri));
    }
    return new RegistryUrls(List.copyOf(bases), Optional.ofNullable(userInfo));
  }

  /** A URL string fit for messages: any user info replaced by ***. */
  static String redact(String url) {
    return url == null ? null : USER_INFO.matcher(url).replaceAll("//***@");
  }

  String location() {
    return bases.size() == 1 ? bases.get(0).toString() : bases.toString();
  }

  @Override
  public String toString() {
    return location();
  }

  private static URI toUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // the exception's message repeats the input, which may hold credentials
      throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL + " '" + redact(url) + "' is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL + " '" + redact(url) + "' is not supported: use "
          + "http(s)://host:port (several comma-separated) or " + MockSchemaRegistryClient.URL_PREFIX + "<scope>");
    }
    return uri;
  }

  private static URI withoutUserInfo(URI uri) {
    try {
      String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
      return new URI(uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
          + path);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a URL that parsed once must parse again", e);
    }
  }
}
