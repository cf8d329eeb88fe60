package dev.sightline.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * An in-memory registry for tests, addressed as {@code mock://<scope>}. All clients of one scope
 * share its registry within the JVM, so a serializer and a deserializer configured with the same
 * URL see the same ids. It checks compatibility like the real registry (BACKWARD unless set), so an
 * incompatible schema is refused in tests too. Drop a scope with {@link #dropScope} between tests.
 */
public final class MockSchemaRegistryClient implements SchemaRegistryClient {

  public static final String URL_PREFIX = "mock://";

  // the mock:// contract is "same URL, same registry" across independently configured serdes
  private static final Map<String, Registry> SCOPES = new ConcurrentHashMap<>();

  private final String scope;
  private final Registry registry;

  private MockSchemaRegistryClient(String scope, Registry registry) {
    this.scope = scope;
    this.registry = registry;
  }

  /** A client of the scope's registry, created empty on first use. */
  public static MockSchemaRegistryClient forScope(String scope) {
    if (scope == null || scope.isBlank()) {
      throw new ConfigException("a mock schema registry needs a scope: " + URL_PREFIX + "<scope>");
    }
    return new MockSchemaRegistryClient(scope, SCOPES.computeIfAbsent(scope, s -> new Registry()));
  }

  /** A client for a {@code mock://<scope>} URL. */
  public static MockSchemaRegistryClient forUrl(String url) {
    if (!url.startsWith(URL_PREFIX)) {
      throw new ConfigException("not a mock registry URL (expected " + URL_PREFIX + "<scope>): " + RegistryUrls.redact(url));
    }
    return forScope(url.substring(URL_PREFIX.length()));
  }

  /** Forgets the scope's schemas; clients already holding it keep the old registry. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  /** Sets the compatibility level of every subject of this scope without a level of its own. */
  public void setCompatibility(CompatibilityLevel level) {
    registry.setLevel(null, level);
  }

  public void setCompatibility(String subject, CompatibilityLevel level) {
    registry.setLevel(subject, level);
  }

  @Override
  public int register(String subject, Schema schema) {
    return registry.register(subject, schema);
  }

  @Override
  public OptionalInt idOf(String subject, Schema schema) {
    return registry.idOf(subject, schema);
  }

  @Override
  public Optional<Schema> schemaById(int id) {
    return registry.schemaById(id);
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) {
    return registry.latest(subject);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return registry.problem(subject, schema).isEmpty();
  }

  @Override
  public String location() {
    return URL_PREFIX + scope;
  }

  @Override
  public String toString() {
    return "MockSchemaRegistryClient[" + location() + "]";
  }

  /** One scope's state; ids are global across subjects and equal schemas share an id, as in the real registry. */
  private static final class Registry {
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> levelsBySubject = new HashMap<>();
    private CompatibilityLevel defaultLevel = CompatibilityLevel.BACKWARD;

    synchronized int register(String subject, Schema schema) {
      List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
      if (!versions.contains(schema)) {
        problem(subject, schema).ifPresent(problem -> {
          throw new SerdeException.IncompatibleSchema(subject, schema.getFullName(), problem);
        });
        versions.add(schema);
      }
      return idsBySchema.computeIfAbsent(schema, s -> {
        schemasById.add(s);
        return schemasById.size();
      });
    }

    synchronized OptionalInt idOf(String subject, Schema schema) {
      return versionsBySubject.getOrDefault(subject, List.of()).contains(schema)
          ? OptionalInt.of(idsBySchema.get(schema)) : OptionalInt.empty();
    }

    synchronized Optional<Schema> schemaById(int id) {
      return id >= 1 && id <= schemasById.size() ? Optional.of(schemasById.get(id - 1)) : Optional.empty();
    }

    synchronized Optional<RegisteredSchema> latest(String subject) {
      List<Schema> versions = versionsBySubject.getOrDefault(subject, List.of());
      if (versions.isEmpty()) {
        return Optional.empty();
      }
      Schema schema = versions.get(versions.size() - 1);
      return Optional.of(new RegisteredSchema(subject, versions.size(), idsBySchema.get(schema), schema));
    }

    synchronized Optional<String> problem(String subject, Schema schema) {
      return levelsBySubject.getOrDefault(subject, defaultLevel)
          .problem(schema, versionsBySubject.getOrDefault(subject, List.of()));
    }

    synchronized void setLevel(String subject, CompatibilityLevel level) {
      if (subject == null) {
        defaultLevel = level;
      } else {
        levelsBySubject.put(subject, level);
      }
    }
  }
}
