package io.loyaltysync.serde;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltysync.serde.RegistryHttp.Answer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} speaking Confluent's REST API over HTTP(S), so that it serves
 * Confluent Schema Registry, Karapace, Redpanda and Apicurio ({@code /apis/ccompat/v7}) unchanged.
 * Thread-safe.
 *
 * <p>Ids are cached by (subject, schema) and schemas by id, so each is asked once for the life of
 * the client: a registry never changes the schema behind an id, nor the id of a registered schema.
 * Compatibility is never cached, since it changes as versions are registered. Failures are sorted
 * by {@link RegistryHttp}; a 404 means an unknown schema only when it carries one of Confluent's
 * error codes, so that a wrong base URL is a configuration error and not a reason to dead-letter
 * every record.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);

  // Confluent's error codes, also used by Apicurio, Karapace and Redpanda.
  private static final int SUBJECT_NOT_FOUND = 40401;
  private static final int VERSION_NOT_FOUND = 40402;
  private static final int SCHEMA_NOT_FOUND = 40403;

  private final RegistryConnection connection;
  private final RegistryHttp http;
  private final ConcurrentMap<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Schema> schemas = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(final RegistryConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.http = new RegistryHttp(connection);
    LOG.info("Schema registry client for {}", connection);
  }

  @Override
  public int register(final String subject, final Schema schema) {
    final SubjectSchema key = new SubjectSchema(subject, schema);
    final Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    final String what = "register " + schema.getFullName() + " under subject " + subject;
    final Answer answer =
        http.post(
            "/subjects/" + RegistryHttp.segment(subject) + "/versions",
            RegistryHttp.schemaBody(schema.toString()),
            what);
    if (answer.status() == 409) {
      throw new IncompatibleSchemaException(
          "the "
              + http.at()
              + " refused "
              + schema.getFullName()
              + " as incompatible with subject "
              + subject
              + ": "
              + answer.message());
    }
    return remember(key, answer, what);
  }

  @Override
  public int lookup(final String subject, final Schema schema) {
    final SubjectSchema key = new SubjectSchema(subject, schema);
    final Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    final String what = "look up " + schema.getFullName() + " under subject " + subject;
    final Answer answer =
        http.post(
            "/subjects/" + RegistryHttp.segment(subject),
            RegistryHttp.schemaBody(schema.toString()),
            what);
    if (answer.status() == 404 && answer.errorCode() == SUBJECT_NOT_FOUND) {
      throw new UnknownSchemaException("subject " + subject + " is not in the registry");
    }
    if (answer.status() == 404 && answer.errorCode() == SCHEMA_NOT_FOUND) {
      throw new UnknownSchemaException(
          "schema " + schema.getFullName() + " is not registered under subject " + subject);
    }
    return remember(key, answer, what);
  }

  @Override
  public Schema schemaById(final int id) {
    final Schema cached = schemas.get(id);
    if (cached != null) {
      return cached;
    }
    final String what = "fetch schema id " + id;
    final Answer answer = http.get("/schemas/ids/" + id, what);
    if (answer.status() == 404 && answer.errorCode() == SCHEMA_NOT_FOUND) {
      // Not cached: the schema may be registered a moment later.
      throw new UnknownSchemaException("schema id " + id + " is not in the registry");
    }
    if (answer.status() != 200) {
      throw http.unexpected(answer, what);
    }
    final Schema schema = avro(id, answer, what);
    final Schema raced = schemas.putIfAbsent(id, schema);
    return raced != null ? raced : schema;
  }

  @Override
  public boolean compatible(final String subject, final Schema schema) {
    final String what = "check " + schema.getFullName() + " against subject " + subject;
    final Answer answer =
        http.post(
            "/compatibility/subjects/" + RegistryHttp.segment(subject) + "/versions/latest",
            RegistryHttp.schemaBody(schema.toString()),
            what);
    if (answer.status() == 404
        && (answer.errorCode() == SUBJECT_NOT_FOUND || answer.errorCode() == VERSION_NOT_FOUND)) {
      return true; // a subject with no versions accepts any schema
    }
    if (answer.status() != 200) {
      throw http.unexpected(answer, what);
    }
    final JsonNode verdict = http.field(answer, "is_compatible", what);
    if (!verdict.isBoolean()) {
      throw http.unexpected(answer, what);
    }
    return verdict.booleanValue();
  }

  @Override
  public String toString() {
    return "HttpSchemaRegistryClient[" + connection + "]";
  }

  private int remember(final SubjectSchema key, final Answer answer, final String what) {
    if (answer.status() != 200) {
      throw http.unexpected(answer, what);
    }
    final JsonNode id = http.field(answer, "id", what);
    if (!id.canConvertToInt()) {
      throw http.unexpected(answer, what);
    }
    LOG.debug(
        "Schema {} has id {} under subject {}", key.schema().getFullName(), id, key.subject());
    final Integer raced = ids.putIfAbsent(key, id.intValue());
    return raced != null ? raced : id.intValue();
  }

  /**
   * The Avro schema of a {@code GET /schemas/ids} answer. An id whose schema is not Avro is
   * reported as unknown: it comes from a record, and a record written with another format is bad
   * data to dead-letter, not a reason to stop.
   */
  private Schema avro(final int id, final Answer answer, final String what) {
    final JsonNode type = answer.body() == null ? null : answer.body().get("schemaType");
    if (type != null && !type.isNull() && !type.asText().equalsIgnoreCase("AVRO")) {
      throw new UnknownSchemaException(
          "schema id " + id + " is a " + type.asText() + " schema, not an Avro one");
    }
    final String text = http.field(answer, "schema", what).asText();
    try {
      return new Schema.Parser().parse(text);
    } catch (final AvroRuntimeException e) {
      throw new UnknownSchemaException(
          "schema id " + id + " is not an Avro schema this app can read: " + e.getMessage());
    }
  }

  /** Cache key: the same schema may have an id under one subject and none under another. */
  private record SubjectSchema(String subject, Schema schema) {}
}
