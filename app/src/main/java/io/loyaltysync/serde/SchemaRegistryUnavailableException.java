package io.loyaltysync.serde;

/**
 * The registry could not be reached or failed on its side (connection refused, timeout, HTTP 5xx).
 * Infrastructure, not data: it is rethrown so the instance restarts and resumes from committed
 * state instead of dead-lettering good records.
 */
public final class SchemaRegistryUnavailableException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public SchemaRegistryUnavailableException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
