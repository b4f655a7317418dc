package io.loyaltysync.serde;

/**
 * The registry does not know a schema id, or a schema under a subject. When it comes from a
 * record's schema id it is bad data: the deserializer turns it into an {@link
 * UndecodableRecordException} of category {@code UNKNOWN_SCHEMA} and the record goes to the dead
 * letter.
 */
public final class UnknownSchemaException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public UnknownSchemaException(final String message) {
    super(message);
  }
}
