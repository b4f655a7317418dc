package io.loyaltysync.serde;

import org.apache.avro.Schema;

/**
 * The four calls the serdes make to a schema registry, shaped after Confluent's REST API so that an
 * HTTP client can serve Confluent Schema Registry, Apicurio ({@code /apis/ccompat/v7}), Karapace
 * and Redpanda unchanged. Ids are global: one id per distinct schema, whatever the subject.
 *
 * <p>Implementations must be thread-safe: one client is shared by every serde and stream thread.
 * Every method may throw {@link SchemaRegistryUnavailableException} when the registry cannot be
 * reached or answers with a server error; callers rethrow it so the instance restarts rather than
 * dead-letter good records during an outage.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and
   * returns its global id. Registering a schema the subject already has returns the existing id;
   * one already known under another subject gets that subject's id.
   *
   * @throws IncompatibleSchemaException when the subject's compatibility rule refuses the schema
   *     (HTTP 409)
   */
  int register(String subject, Schema schema);

  /**
   * Returns the global id of {@code schema} as registered under {@code subject} ({@code POST
   * /subjects/{subject}}), for producers that must not register.
   *
   * @throws UnknownSchemaException when the subject or the schema under it is not registered (HTTP
   *     404, error codes 40401 and 40403)
   */
  int lookup(String subject, Schema schema);

  /**
   * Returns the schema with global id {@code id} ({@code GET /schemas/ids/{id}}).
   *
   * @throws UnknownSchemaException when no schema has that id (HTTP 404, error code 40403)
   */
  Schema schemaById(int id);

  /**
   * Whether {@code schema} may be registered as the next version of {@code subject} ({@code POST
   * /compatibility/subjects/{subject}/versions/latest}). A subject with no versions accepts any
   * schema.
   */
  boolean compatible(String subject, Schema schema);
}
