package dev.sightline.serde;

import dev.sightline.testkit.SchemaRegistryServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client against a local server that answers like the registry's documented API. */
class RestSchemaRegistryClientTest {

  private static final String TOPIC = "pings";
  private static final String SECRET = "s3cret-Pa55";

  private final SchemaRegistryServer server = new SchemaRegistryServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registersOnceAndTheCacheServesLaterRecords() {
    SightlineAvroSerializer<GenericRecord> serializer = new SightlineAvroSerializer<>(client(server.url()), false);

    byte[] first = serializer.serialize(TOPIC, PingSchemas.v1("a", 1));
    serializer.serialize(TOPIC, PingSchemas.v1("b", 2));

    assertThat(WireFormat.schemaId(first, TOPIC)).isEqualTo(1);
    assertThat(server.requests()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/subjects/pings-value/versions");
      assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
      assertThat(request.body().path("schemaType").asText()).isEqualTo("AVRO");
      assertThat(request.body().path("schema").asText()).isEqualTo(PingSchemas.V1.toString());
    });
  }

  @Test
  void keysAreRegisteredUnderTheKeySubject() {
    new SightlineAvroSerializer<GenericRecord>(client(server.url()), true).serialize(TOPIC, PingSchemas.v1("a", 1));

    assertThat(server.requests()).extracting(SchemaRegistryServer.Request::path).containsExactly("/subjects/pings-key/versions");
  }

  @Test
  void fetchesAWriterSchemaByIdOnce() {
    byte[] bytes = new SightlineAvroSerializer<GenericRecord>(client(server.url()), false)
        .serialize(TOPIC, PingSchemas.v1("a", 1));
    SightlineAvroDeserializer<GenericRecord> deserializer = new SightlineAvroDeserializer<>(client(server.url()), GenericRecord.class);

    assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(PingSchemas.v1("a", 1));
    assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(PingSchemas.v1("a", 1));
    assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
        .containsExactly("POST /subjects/pings-value/versions", "GET /schemas/ids/1");
  }

  @Test
  void anIdTheRegistryAnswers40403ForIsAnUnknownSchemaId() {
    RestSchemaRegistryClient client = client(server.url());
    byte[] bytes = {0, 0, 0, 0, 99, 2, 'a', 2};

    assertThat(client.schemaById(99)).isEmpty();
    assertThatThrownBy(() -> new SightlineAvroDeserializer<>(client, GenericRecord.class).deserialize(TOPIC, bytes))
        .isInstanceOf(SerdeException.UnknownSchemaId.class)
        .hasMessageContaining("Schema id 99").hasMessageContaining("'pings'").hasMessageContaining(server.url());
  }

  @Test
  void a409IsAnIncompatibleSchemaNamingTheSubjectAndTheRegistrysMessage() {
    server.refuseAsIncompatible();
    SightlineAvroSerializer<GenericRecord> serializer = new SightlineAvroSerializer<>(client(server.url()), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, PingSchemas.v1("a", 1)))
        .isInstanceOf(SerdeException.IncompatibleSchema.class)
        .hasMessageContaining("'pings-value'")
        .hasMessageContaining("incompatible with an earlier schema");
  }

  @Test
  void basicAuthFromUserInfoIsSent() {
    server.requireAuthorization(basic("alice:" + SECRET));
    SchemaRegistryClient client = SchemaRegistryClients.create(server.url(), Map.of(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:" + SECRET));

    client.register("s", PingSchemas.V1);

    assertThat(server.requests()).extracting(SchemaRegistryServer.Request::authorization)
        .containsExactly(basic("alice:" + SECRET));
    assertThat(client.toString()).doesNotContain(SECRET).doesNotContain(basic("alice:" + SECRET));
  }

  @Test
  void basicAuthFromTheUrlIsSentAndTheUrlIsShownWithoutIt() {
    server.requireAuthorization(basic("alice:" + SECRET));
    String url = server.url().replace("http://", "http://alice:" + SECRET + "@");
    SchemaRegistryClient client = SchemaRegistryClients.create(url, Map.of());

    client.register("s", PingSchemas.V1);

    assertThat(server.requests()).extracting(SchemaRegistryServer.Request::authorization)
        .containsExactly(basic("alice:" + SECRET));
    assertThat(client.location()).isEqualTo(server.url());
    assertThat(client.toString()).doesNotContain(SECRET);
  }

  @Test
  void aBearerTokenIsSent() {
    server.requireAuthorization("Bearer tok-" + SECRET);
    SchemaRegistryClient client = SchemaRegistryClients.create(server.url(),
        Map.of(AvroSerdeConfig.BEARER_AUTH_TOKEN, "tok-" + SECRET));

    client.register("s", PingSchemas.V1);

    assertThat(server.requests()).extracting(SchemaRegistryServer.Request::authorization)
        .containsExactly("Bearer tok-" + SECRET);
    assertThat(client.toString()).doesNotContain(SECRET);
  }

  @Test
  void refusedCredentialsAreAClearErrorThatDoesNotRepeatThem() {
    server.requireAuthorization(basic("alice:right"));
    SchemaRegistryClient client = SchemaRegistryClients.create(server.url(), Map.of(
        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:" + SECRET));

    assertThatThrownBy(() -> client.register("s", PingSchemas.V1))
        .isInstanceOf(SerdeException.RegistryAuthFailed.class)
        .hasMessageContaining("HTTP 401").hasMessageContaining("basic.auth.user.info")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void withoutAutoRegistrationTheSchemaIsLookedUp() {
    Map<String, Object> config = Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(), AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
    SightlineAvroSerializer<GenericRecord> serializer = new SightlineAvroSerializer<>();
    serializer.configure(config, false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, PingSchemas.v1("a", 1)))
        .isInstanceOf(SerdeException.SchemaNotRegistered.class)
        .hasMessageContaining("'pings-value'").hasMessageContaining("auto.register.schemas");

    int id = client(server.url()).register("pings-value", PingSchemas.V1);
    assertThat(WireFormat.schemaId(serializer.serialize(TOPIC, PingSchemas.v1("a", 1)), TOPIC)).isEqualTo(id);
    assertThat(server.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "POST /subjects/pings-value", "POST /subjects/pings-value/versions", "POST /subjects/pings-value");
  }

  @Test
  void useLatestVersionWritesOlderRecordsWithTheLatestSchema() {
    int latestId = client(server.url()).register("pings-value", PingSchemas.V2);
    SightlineAvroSerializer<GenericRecord> serializer = new SightlineAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true), false);

    byte[] bytes = serializer.serialize(TOPIC, PingSchemas.v1("a", 7));

    assertThat(WireFormat.schemaId(bytes, TOPIC)).isEqualTo(latestId);
    GenericRecord read = new SightlineAvroDeserializer<>(client(server.url()), GenericRecord.class).deserialize(TOPIC, bytes);
    assertThat(read.getSchema()).isEqualTo(PingSchemas.V2);
    assertThat(read.get("count")).isEqualTo(7);
    assertThat(read.get("source")).hasToString("unknown");
  }

  @Test
  void compatibilityIsAskedOfTheRegistry() {
    RestSchemaRegistryClient client = client(server.url());
    assertThat(client.isCompatible("pings-value", PingSchemas.V1)).as("no versions yet").isTrue();
    client.register("pings-value", PingSchemas.V1);
    assertThat(client.isCompatible("pings-value", PingSchemas.V2)).isTrue();
    server.refuseAsIncompatible();
    assertThat(client.isCompatible("pings-value", PingSchemas.INCOMPATIBLE)).isFalse();
  }

  @Test
  void anUnreachableRegistryIsAClearError() throws IOException {
    String closed = "http://127.0.0.1:" + closedPort();
    RestSchemaRegistryClient client = RestSchemaRegistryClient.builder(closed).connectTimeout(Duration.ofSeconds(2)).build();

    assertThatThrownBy(() -> new SightlineAvroSerializer<GenericRecord>(client, false).serialize(TOPIC, PingSchemas.v1("a", 1)))
        .isInstanceOf(SerdeException.RegistryUnreachable.class)
        .hasMessageContaining(closed).hasMessageContaining("ConnectException").hasMessageContaining("schema.registry.url");
  }

  @Test
  void theNextUrlIsTriedWhenOneIsUnreachable() throws IOException {
    RestSchemaRegistryClient client = client("http://127.0.0.1:" + closedPort() + ", " + server.url());

    assertThat(client.register("s", PingSchemas.V1)).isEqualTo(1);
  }

  private static RestSchemaRegistryClient client(String urls) {
    return RestSchemaRegistryClient.builder(urls).build();
  }

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
