package io.loyaltysync.serde;

/**
 * A schema registry refused or failed a call. The subclasses say whether the record or the
 * infrastructure is at fault; anything else (e.g. an invalid schema or refused credentials) is a
 * configuration error that stops the instance.
 */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaRegistryException(final String message) {
    super(message);
  }

  public SchemaRegistryException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
