package io.loyaltysync.serde;

/**
 * The registry refused to register a schema that breaks the subject's compatibility rule (HTTP
 * 409). A deployment error, not bad data: the app's schema must change, not the record.
 */
public final class IncompatibleSchemaException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public IncompatibleSchemaException(final String message) {
    super(message);
  }
}
