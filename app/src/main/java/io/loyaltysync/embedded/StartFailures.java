package io.loyaltysync.embedded;

import java.net.BindException;
import java.nio.file.Path;

/** The one-line messages of a failed start: what a user needs, with Kafka's detail as the cause. */
final class StartFailures {

  private static final String CANNOT_START = "cannot start the embedded Kafka broker: ";

  private StartFailures() {}

  static EmbeddedKafkaException portTaken(final int port) {
    return new EmbeddedKafkaException(portTakenMessage(port));
  }

  static EmbeddedKafkaException portNotBindable(final int port, final Exception cause) {
    return new EmbeddedKafkaException(
        CANNOT_START
            + "port "
            + port
            + " on "
            + BrokerProperties.LOOPBACK
            + " cannot be bound: "
            + cause.getMessage(),
        cause);
  }

  static EmbeddedKafkaException invalidSetting(final RuntimeException cause) {
    return new EmbeddedKafkaException(
        CANNOT_START + "invalid broker setting: " + firstLine(cause), cause);
  }

  static EmbeddedKafkaException directoryInUse(final Path directory) {
    return new EmbeddedKafkaException(directoryInUseMessage(directory));
  }

  /** Kafka's start-up failures, turned into the one line a user needs. */
  static EmbeddedKafkaException explain(
      final RuntimeException failure,
      final int brokerPort,
      final int controllerPort,
      final Path directory) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      final String message = String.valueOf(cause.getMessage());
      if (cause instanceof BindException || message.contains("failed to bind")) {
        // The controller's port was free a moment ago; another process can still take it.
        final boolean controller = message.contains(":" + controllerPort);
        return new EmbeddedKafkaException(
            portTakenMessage(controller ? controllerPort : brokerPort), failure);
      }
      if (message.contains("Failed to acquire lock")) {
        return new EmbeddedKafkaException(directoryInUseMessage(directory), failure);
      }
    }
    return new EmbeddedKafkaException(CANNOT_START + firstLine(failure), failure);
  }

  private static String portTakenMessage(final int port) {
    return CANNOT_START
        + "port "
        + port
        + " on "
        + BrokerProperties.LOOPBACK
        + " is already in use";
  }

  private static String directoryInUseMessage(final Path directory) {
    return CANNOT_START + "data directory " + directory + " is in use by another Kafka broker";
  }

  private static String firstLine(final Throwable failure) {
    final String message = failure.getMessage();
    return (message == null ? failure.getClass().getName() : message)
        .lines()
        .findFirst()
        .orElse("");
  }
}
