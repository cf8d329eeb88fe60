package dev.sightline.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Confluent Schema Registry REST API, which Confluent Schema Registry, Apicurio
 * (ccompat API), Redpanda and Karapace all serve. Ids and schemas are cached both ways, and the
 * latest version of a subject once fetched, so steady-state serialization makes no HTTP call.
 * With several URLs, a request that cannot reach one is retried on the next.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final int SUBJECT_NOT_FOUND = 40401;
  private static final int SCHEMA_NOT_FOUND = 40403;
  private static final int HTTP_NOT_FOUND = 404;
  private static final int HTTP_CONFLICT = 409;
  private static final int HTTP_UNPROCESSABLE = 422;
  private static final int MAX_REGISTRY_MESSAGE = 500;
  private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryUrls urls;
  private final RegistryAuth auth;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  private record Response(int status, JsonNode body) {}

  private RestSchemaRegistryClient(Builder builder) {
    this.urls = builder.urls;
    this.auth = builder.auth != null ? builder.auth
        : builder.urls.userInfo().map(RegistryAuth::basic).orElse(RegistryAuth.none());
    this.requestTimeout = builder.requestTimeout;
    HttpClient.Builder http = HttpClient.newBuilder()
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (builder.sslContext != null) {
      http.sslContext(builder.sslContext);
    }
    this.http = http.build();
  }

  /**
   * Starts a client of the registry at {@code urls}: one or more comma-separated http(s) URLs. A
   * {@code user:password@} in a URL is used for basic auth unless {@link Builder#auth} says otherwise.
   */
  public static Builder builder(String urls) {
    return new Builder(RegistryUrls.parse(Objects.requireNonNull(urls, "urls")));
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    String operation = "register schema " + schema.getFullName() + " under subject '" + subject + "'";
    Response response = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema), operation);
    if (response.status() == 200) {
      int id = requiredInt(response, "id", operation);
      remember(key, id);
      LOG.info("Schema {} registered under subject '{}' with id {} at {}", schema.getFullName(), subject, id, urls);
      return id;
    }
    if (response.status() == HTTP_CONFLICT) {
      throw new SerdeException.IncompatibleSchema(subject, schema.getFullName(), registryMessage(response));
    }
    if (response.status() == HTTP_UNPROCESSABLE) {
      throw new SerdeException.InvalidSchema(subject, schema.getFullName(), registryMessage(response));
    }
    throw failure(response, operation);
  }

  @Override
  public OptionalInt idOf(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return OptionalInt.of(cached);
    }
    String operation = "look up schema " + schema.getFullName() + " under subject '" + subject + "'";
    Response response = send("POST", "/subjects/" + encode(subject), schemaBody(schema), operation);
    if (isNotFound(response, SUBJECT_NOT_FOUND, SCHEMA_NOT_FOUND)) {
      return OptionalInt.empty();
    }
    requireOk(response, operation);
    int id = requiredInt(response, "id", operation);
    remember(key, id);
    return OptionalInt.of(id);
  }

  @Override
  public Optional<Schema> schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    String operation = "fetch schema id " + id;
    Response response = send("GET", "/schemas/ids/" + id, null, operation);
    if (isNotFound(response, SCHEMA_NOT_FOUND)) {
      return Optional.empty();
    }
    requireOk(response, operation);
    Schema schema = parseAvro(response, operation);
    schemasById.putIfAbsent(id, schema);
    return Optional.of(schema);
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) {
    RegisteredSchema cached = latestBySubject.get(subject);
    if (cached != null) {
      return Optional.of(cached);
    }
    String operation = "fetch the latest version of subject '" + subject + "'";
    Response response = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null, operation);
    if (isNotFound(response, SUBJECT_NOT_FOUND)) {
      return Optional.empty();
    }
    requireOk(response, operation);
    RegisteredSchema latest = new RegisteredSchema(subject, requiredInt(response, "version", operation),
        requiredInt(response, "id", operation), parseAvro(response, operation));
    remember(new SubjectSchema(subject, latest.schema()), latest.id());
    latestBySubject.putIfAbsent(subject, latest);
    return Optional.of(latest);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    String operation = "check schema " + schema.getFullName() + " against subject '" + subject + "'";
    Response response = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
        schemaBody(schema), operation);
    if (isNotFound(response, SUBJECT_NOT_FOUND)) {
      return true; // a subject without versions accepts any schema
    }
    requireOk(response, operation);
    JsonNode compatible = response.body().path("is_compatible");
    if (!compatible.isBoolean()) {
      throw new SerdeException.RegistryError(location(), operation, "the answer has no boolean 'is_compatible'");
    }
    return compatible.booleanValue();
  }

  @Override
  public String location() {
    return urls.location();
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient[" + urls + ", auth=" + auth + "]";
  }

  private void remember(SubjectSchema key, int id) {
    idsBySubjectSchema.putIfAbsent(key, id);
    schemasById.putIfAbsent(id, key.schema());
  }

  private Response send(String method, String path, Object body, String operation) {
    IOException lastFailure = null;
    for (URI base : urls.bases()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(requestTimeout)
          .header("Accept", ACCEPT);
      auth.authorizationHeader().ifPresent(header -> request.header("Authorization", header));
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofByteArray(toJson(body)));
      }
      try {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), parseJson(response.body()));
      } catch (IOException e) {
        LOG.warn("Schema registry {} unreachable to {}: {}", base, operation, SerdeException.describe(e));
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SerdeException.RegistryUnreachable(location(), e);
      }
    }
    throw new SerdeException.RegistryUnreachable(location(), lastFailure);
  }

  private static Map<String, String> schemaBody(Schema schema) {
    return Map.of("schema", schema.toString(), "schemaType", "AVRO");
  }

  private static byte[] toJson(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }

  /** Error pages of proxies are not JSON; they become an empty body and the status code tells the story. */
  private static JsonNode parseJson(byte[] bytes) {
    try {
      JsonNode node = bytes.length == 0 ? null : JSON.readTree(bytes);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static boolean isNotFound(Response response, int... errorCodes) {
    if (response.status() != HTTP_NOT_FOUND) {
      return false;
    }
    int errorCode = response.body().path("error_code").asInt(HTTP_NOT_FOUND);
    for (int code : errorCodes) {
      if (code == errorCode) {
        return true;
      }
    }
    return false;
  }

  private void requireOk(Response response, String operation) {
    if (response.status() != 200) {
      throw failure(response, operation);
    }
  }

  private SerdeException failure(Response response, String operation) {
    if (response.status() == 401 || response.status() == 403) {
      return new SerdeException.RegistryAuthFailed(location(), response.status());
    }
    JsonNode errorCode = response.body().path("error_code");
    return new SerdeException.RegistryError(location(), operation, "HTTP " + response.status()
        + (errorCode.isInt() ? ", error_code " + errorCode.intValue() : "") + ", " + registryMessage(response));
  }

  private static String registryMessage(Response response) {
    String message = response.body().path("message").asText("");
    if (message.isBlank()) {
      return "no message";
    }
    return message.length() <= MAX_REGISTRY_MESSAGE ? message : message.substring(0, MAX_REGISTRY_MESSAGE) + "...";
  }

  private int requiredInt(Response response, String field, String operation) {
    JsonNode value = response.body().path(field);
    if (!value.isInt()) {
      throw new SerdeException.RegistryError(location(), operation, "the answer has no integer '" + field + "'");
    }
    return value.intValue();
  }

  private Schema parseAvro(Response response, String operation) {
    String type = response.body().path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new SerdeException.RegistryError(location(), operation, "it is a " + type + " schema, not Avro");
    }
    if (!response.body().path("references").isEmpty()) {
      throw new SerdeException.RegistryError(location(), operation,
          "the schema uses schema references, which this client does not resolve");
    }
    JsonNode text = response.body().path("schema");
    if (!text.isTextual()) {
      throw new SerdeException.RegistryError(location(), operation, "the answer has no 'schema' text");
    }
    try {
      return new Schema.Parser().parse(text.textValue());
    } catch (SchemaParseException e) {
      throw new SerdeException.RegistryError(location(), operation, "the schema does not parse as Avro: " + e.getMessage());
    }
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Options of a {@link RestSchemaRegistryClient}; TLS uses the JDK's default SSLContext unless one is given. */
  public static final class Builder {
    private final RegistryUrls urls;
    private RegistryAuth auth;
    private Duration connectTimeout = AvroSerdeConfig.DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = AvroSerdeConfig.DEFAULT_REQUEST_TIMEOUT;
    private SSLContext sslContext;

    private Builder(RegistryUrls urls) {
      this.urls = urls;
    }

    public Builder auth(RegistryAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Time allowed for a whole request, from sending to the last byte of the answer. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    public RestSchemaRegistryClient build() {
      return new RestSchemaRegistryClient(this);
    }
  }
}
