package io.loyaltysync.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * A schema registry in memory, for the embedded mode and tests: global ids by schema content,
 * versions per subject, and Confluent's default BACKWARD rule (a new version must read data written
 * with the latest one). Thread-safe.
 *
 * <p>{@link #forUrl} serves {@code mock://<scope>} URLs as Confluent's serdes do: every caller
 * naming the same scope shares one registry, so a producer and a streams app in one JVM agree on
 * ids without a server.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

  /** The URL scheme that names an in-memory registry instead of a server. */
  public static final String MOCK_URL_PREFIX = "mock://";

  private static final ConcurrentMap<String, InMemorySchemaRegistry> SCOPES =
      new ConcurrentHashMap<>();

  // Guarded by this. Ids start at 1 and are positions in schemasById, so 0 is never an id.
  private final List<Schema> schemasById = new ArrayList<>();
  // Schema equality ignores docs but compares defaults, logical types and other properties, which
  // change how data resolves, so two schemas that differ in them never share an id.
  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();

  /** An empty registry of its own, shared with no scope. */
  public InMemorySchemaRegistry() {}

  /** The shared registry of {@code url}'s scope, created on first use. */
  public static InMemorySchemaRegistry forUrl(final String url) {
    return SCOPES.computeIfAbsent(scope(url), name -> new InMemorySchemaRegistry());
  }

  /** Forgets the registry of {@code scope}: the next {@link #forUrl} for it starts empty. */
  public static void dropScope(final String scope) {
    SCOPES.remove(scope);
  }

  /** Whether {@code url} names an in-memory registry rather than a server. */
  public static boolean isMockUrl(final String url) {
    return url != null && url.startsWith(MOCK_URL_PREFIX);
  }

  private static String scope(final String url) {
    if (!isMockUrl(url)) {
      throw new IllegalArgumentException(
          "not an in-memory registry URL: '" + url + "', expected " + MOCK_URL_PREFIX + "<scope>");
    }
    final String scope = url.substring(MOCK_URL_PREFIX.length());
    if (scope.isBlank() || scope.contains("/") || scope.contains(",")) {
      throw new IllegalArgumentException(
          "bad in-memory registry URL '" + url + "': the scope must be one non-empty name");
    }
    return scope;
  }

  @Override
  public synchronized int register(final String subject, final Schema schema) {
    final List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
    final Integer known = idsBySchema.get(schema);
    if (known != null && versions.contains(known)) {
      return known;
    }
    if (!versions.isEmpty()) {
      final String incompatibility = againstLatest(versions, schema);
      if (incompatibility != null) {
        throw new IncompatibleSchemaException(
            "schema "
                + schema.getFullName()
                + " is not backward compatible with version "
                + versions.size()
                + " of subject "
                + subject
                + ": "
                + incompatibility);
      }
    }
    final int id = known != null ? known : add(schema);
    versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized int lookup(final String subject, final Schema schema) {
    final List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new UnknownSchemaException("subject " + subject + " is not in the registry");
    }
    final Integer id = idsBySchema.get(schema);
    if (id == null || !versions.contains(id)) {
      throw new UnknownSchemaException(
          "schema " + schema.getFullName() + " is not registered under subject " + subject);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(final int id) {
    if (id < 1 || id > schemasById.size()) {
      throw new UnknownSchemaException("schema id " + id + " is not in the registry");
    }
    return schemasById.get(id - 1);
  }

  @Override
  public synchronized boolean compatible(final String subject, final Schema schema) {
    final List<Integer> versions = versionsBySubject.get(subject);
    return versions == null || versions.isEmpty() || againstLatest(versions, schema) == null;
  }

  private int add(final Schema schema) {
    // A private copy: a caller adding properties to its own instance later must not change the
    // key this registry hashed.
    final Schema copy = new Schema.Parser().parse(schema.toString());
    schemasById.add(copy);
    final int id = schemasById.size();
    idsBySchema.put(copy, id);
    return id;
  }

  /** Why {@code schema} cannot read data of the subject's latest version, or null when it can. */
  private String againstLatest(final List<Integer> versions, final Schema schema) {
    final Schema latest = schemasById.get(versions.get(versions.size() - 1) - 1);
    return Compatibility.whyNotReadable(schema, latest);
  }
}
