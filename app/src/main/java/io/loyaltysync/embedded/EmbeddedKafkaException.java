package io.loyaltysync.embedded;

/**
 * The embedded broker could not start or stop. The message is one line, fit to show a user as it is
 * (the port taken, the directory in use); the cause keeps Kafka's own detail for the log.
 */
public final class EmbeddedKafkaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  EmbeddedKafkaException(final String message) {
    super(message);
  }

  EmbeddedKafkaException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
