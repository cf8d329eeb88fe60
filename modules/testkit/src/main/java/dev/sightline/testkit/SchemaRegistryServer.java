package dev.sightline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory schema registry on a local HTTP port, answering like Confluent Schema Registry's
 * documented REST API (register, look up, fetch by id, latest version, compatibility), with error
 * bodies {@code {"error_code":..., "message":...}}. Unlike {@code mock://}, which lives in one JVM,
 * it serves every process of a test — e.g. an application started in a child JVM. It records every
 * request and can demand an Authorization header or refuse registrations as incompatible.
 */
public final class SchemaRegistryServer implements AutoCloseable {

  public record Request(String method, String path, String authorization, String contentType, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
  private static final Pattern LOOKUP = Pattern.compile("/subjects/([^/]+)");
  private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
  private static final Pattern LATEST = Pattern.compile("/subjects/([^/]+)/versions/latest");
  private static final Pattern COMPATIBILITY = Pattern.compile("/compatibility/subjects/([^/]+)/versions/latest");

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<String> schemasById = new ArrayList<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
  private volatile String requiredAuthorization;
  private volatile boolean refuseAsIncompatible;

  public SchemaRegistryServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    // the default executor is one thread: enough for a test, and it keeps the registry's state consistent
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Answers 401 to requests without exactly this Authorization header. */
  public void requireAuthorization(String header) {
    requiredAuthorization = header;
  }

  /** Answers 409 to every registration, as the registry does for a schema its compatibility level refuses. */
  public void refuseAsIncompatible() {
    refuseAsIncompatible = true;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(new Request(exchange.getRequestMethod(), path, authorization,
          exchange.getRequestHeaders().getFirst("Content-Type"), body));
      if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
        reply(exchange, 401, error(401, "Unauthorized"));
        return;
      }
      Answer answer = route(exchange.getRequestMethod(), path, body);
      reply(exchange, answer.status(), answer.body());
    }
  }

  private record Answer(int status, Map<String, Object> body) {}

  private Answer route(String method, String path, JsonNode body) {
    Matcher m;
    if (method.equals("POST") && (m = REGISTER.matcher(path)).matches()) {
      if (refuseAsIncompatible) {
        return new Answer(409, error(409, "Schema being registered is incompatible with an earlier schema for subject"));
      }
      return new Answer(200, Map.of("id", register(decode(m.group(1)), body.path("schema").asText())));
    }
    if (method.equals("GET") && (m = BY_ID.matcher(path)).matches()) {
      int id = Integer.parseInt(m.group(1));
      return id >= 1 && id <= schemasById.size()
          ? new Answer(200, Map.of("schema", schemasById.get(id - 1)))
          : new Answer(404, error(40403, "Schema " + id + " not found"));
    }
    if (method.equals("GET") && (m = LATEST.matcher(path)).matches()) {
      List<Integer> versions = versionsBySubject.get(decode(m.group(1)));
      if (versions == null) {
        return new Answer(404, error(40401, "Subject not found"));
      }
      int id = versions.get(versions.size() - 1);
      return new Answer(200, Map.of("subject", decode(m.group(1)), "version", versions.size(), "id", id,
          "schema", schemasById.get(id - 1)));
    }
    if (method.equals("POST") && (m = COMPATIBILITY.matcher(path)).matches()) {
      return versionsBySubject.containsKey(decode(m.group(1)))
          ? new Answer(200, Map.of("is_compatible", !refuseAsIncompatible))
          : new Answer(404, error(40401, "Subject not found"));
    }
    if (method.equals("POST") && (m = LOOKUP.matcher(path)).matches()) {
      List<Integer> versions = versionsBySubject.get(decode(m.group(1)));
      if (versions == null) {
        return new Answer(404, error(40401, "Subject not found"));
      }
      int id = schemasById.indexOf(body.path("schema").asText()) + 1;
      return versions.contains(id)
          ? new Answer(200, Map.of("subject", decode(m.group(1)), "id", id, "version", versions.indexOf(id) + 1))
          : new Answer(404, error(40403, "Schema not found"));
    }
    return new Answer(404, error(404, "HTTP 404 Not Found"));
  }

  private int register(String subject, String schema) {
    int id = schemasById.indexOf(schema) + 1;
    if (id == 0) {
      schemasById.add(schema);
      id = schemasById.size();
    }
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  private static Map<String, Object> error(int code, String message) {
    return Map.of("error_code", code, "message", message);
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
