package dev.sightline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Picking the client from the URL, and configuration mistakes as clear errors that never show secrets. */
class SchemaRegistryClientsTest {

  private static final String SECRET = "pa55-w0rd";

  @Test
  void mockUrlsGiveTheScopesInMemoryRegistry() {
    SchemaRegistryClient client = SchemaRegistryClients.create("mock://clients-test", Map.of());

    assertThat(client).isInstanceOf(MockSchemaRegistryClient.class);
    assertThat(client.location()).isEqualTo("mock://clients-test");
    MockSchemaRegistryClient.dropScope("clients-test");
  }

  @Test
  void httpUrlsGiveTheRestClient() {
    SchemaRegistryClient client = SchemaRegistryClients.create("https://registry.example:8081/apis/ccompat/v7/", Map.of());

    assertThat(client).isInstanceOf(RestSchemaRegistryClient.class);
    assertThat(client.location()).isEqualTo("https://registry.example:8081/apis/ccompat/v7");
  }

  @Test
  void otherSchemesAreRejectedWithTheSupportedOnes() {
    assertThatThrownBy(() -> SchemaRegistryClients.create("ftp://bob:" + SECRET + "@host/x", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ftp://***@host/x").hasMessageContaining("http(s)://").hasMessageContaining("mock://")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> SchemaRegistryClients.create("registry:8081", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not supported");
  }

  @Test
  void aMalformedUrlIsRejectedWithoutItsCredentials() {
    assertThatThrownBy(() -> SchemaRegistryClients.create("http://bob:" + SECRET + "@bad host", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not a valid URL").hasMessageNotContaining(SECRET);
  }

  @Test
  void aMissingUrlSaysWhatToSet() {
    SightlineAvroSerializer<GenericRecord> serializer = new SightlineAvroSerializer<>();

    assertThatThrownBy(() -> serializer.configure(Map.of(), false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url is not set");
  }

  @Test
  void inconsistentCredentialsAreRejected() {
    assertThatThrownBy(() -> SchemaRegistryClients.create("http://h:1", Map.of(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
    assertThatThrownBy(() -> SchemaRegistryClients.create("http://h:1", Map.of(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:" + SECRET,
        AvroSerdeConfig.BEARER_AUTH_TOKEN, SECRET)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not both").hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> SchemaRegistryClients.create("http://h:1", Map.of(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, SECRET)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("user:password").hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> SchemaRegistryClients.create("http://h:1", Map.of(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("URL, USER_INFO");
  }

  @Test
  void theConfigurationShowsNoSecrets() {
    AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://bob:" + SECRET + "@h:1",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:" + SECRET,
        AvroSerdeConfig.BEARER_AUTH_TOKEN, SECRET));

    assertThat(config.toString()).contains("http://***@h:1").doesNotContain(SECRET);
    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.useLatestVersion()).isFalse();
  }
}
