package io.loyaltysync.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster inside this JVM: one KRaft process that is controller and
 * broker, listening on 127.0.0.1 only, configured for exactly-once on one node. It keeps its data
 * in a temporary directory, deleted on {@link #close()}, or in a given directory, kept for the next
 * start. The default when no cluster is configured, and the cluster of the integration tests.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *   props.put("bootstrap.servers", kafka.bootstrapServers());
 *   ...
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final KafkaRaftServer server;
  private final int port;
  private final Path dataDirectory;
  private final boolean temporary;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafka(
      final KafkaRaftServer server,
      final int port,
      final Path dataDirectory,
      final boolean temporary) {
    this.server = server;
    this.port = port;
    this.dataDirectory = dataDirectory;
    this.temporary = temporary;
  }

  /** A broker on a free port with a temporary data directory; returns once it takes requests. */
  public static EmbeddedKafka start() {
    return builder().start();
  }

  /** For a given port, a kept data directory or broker settings of one's own. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code 127.0.0.1:<port>}, for the clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return BrokerProperties.LOOPBACK + ":" + port;
  }

  /** The port clients connect to. */
  public int port() {
    return port;
  }

  /** Where the broker keeps its logs and metadata. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Whether {@link #close()} deletes the data directory. */
  public boolean isTemporary() {
    return temporary;
  }

  /** Stops the broker cleanly, then deletes a temporary data directory. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.shutdown();
      server.awaitShutdown();
      LOG.info("Embedded Kafka broker on {} stopped", bootstrapServers());
    } finally {
      LocalResources.release(dataDirectory);
      if (temporary) {
        deleteQuietly(dataDirectory);
      }
    }
  }

  private static void deleteQuietly(final Path directory) {
    try {
      LocalResources.deleteTree(directory);
    } catch (final IOException e) {
      // The OS cleans its temp directory eventually; a failed delete must not fail a shutdown.
      LOG.warn("Could not delete the embedded broker's temporary directory {}: {}", directory, e);
    }
  }

  /** Options of the embedded broker; every one has a working default. */
  public static final class Builder {

    private int port;
    private Path dataDirectory;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();

    private Builder() {}

    /** The client port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(final int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /** Keep the broker's data in {@code directory} (created if missing) and leave it on close. */
    public Builder dataDirectory(final Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * A {@code server.properties} setting applied over the embedded defaults (tuning); one that
     * changes the listeners or directories takes the loopback-only and clean-up promises with it.
     */
    public Builder brokerProperty(final String name, final String value) {
      brokerProperties.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /**
     * Formats the data directory if it is new, starts the broker and returns once it takes
     * requests.
     *
     * @throws EmbeddedKafkaException with a one-line message when the port is taken, the directory
     *     is in use by another broker, or the broker fails to start
     */
    public EmbeddedKafka start() {
      final boolean temporary = dataDirectory == null;
      final Path directory = temporary ? createTemporaryDirectory() : prepare(dataDirectory);
      if (!LocalResources.claim(directory)) {
        throw StartFailures.directoryInUse(directory);
      }
      try {
        return startIn(directory, temporary);
      } catch (final RuntimeException e) {
        LocalResources.release(directory);
        if (temporary) {
          deleteQuietly(directory);
        }
        throw e;
      }
    }

    private EmbeddedKafka startIn(final Path directory, final boolean temporary) {
      if (LocalResources.isLockedByAnotherProcess(directory)) {
        throw StartFailures.directoryInUse(directory);
      }
      final int brokerPort = port == 0 ? LocalResources.freePort() : port;
      LocalResources.requireBindable(brokerPort);
      // The broker's port was free but is not held: the next pick may return it again, and Kafka
      // refuses two listeners on one port (seen in CI).
      int controllerPort = LocalResources.freePort();
      while (controllerPort == brokerPort) {
        controllerPort = LocalResources.freePort();
      }
      final KafkaConfig config;
      try {
        config =
            new KafkaConfig(
                BrokerProperties.of(brokerPort, controllerPort, directory, brokerProperties),
                false);
      } catch (final ConfigException | IllegalArgumentException e) {
        throw StartFailures.invalidSetting(e);
      }
      formatIfNew(directory);
      final KafkaRaftServer server;
      try {
        // Reads and checks the directory's meta.properties: a directory of another cluster or
        // node fails here.
        server = new KafkaRaftServer(config, Time.SYSTEM);
      } catch (final RuntimeException e) {
        throw StartFailures.explain(e, brokerPort, controllerPort, directory);
      }
      try {
        server.startup();
      } catch (final RuntimeException e) {
        stopAfterFailedStart(server);
        throw StartFailures.explain(e, brokerPort, controllerPort, directory);
      }
      LOG.info(
          "Embedded Kafka broker started on {}:{} (data in {}{})",
          BrokerProperties.LOOPBACK,
          brokerPort,
          directory,
          temporary ? ", deleted on close" : "");
      return new EmbeddedKafka(server, brokerPort, directory, temporary);
    }

    private static Path createTemporaryDirectory() {
      try {
        return Files.createTempDirectory("loyalty-sync-kafka-");
      } catch (final IOException e) {
        throw new EmbeddedKafkaException(
            "cannot create a temporary directory for the embedded Kafka broker: " + e, e);
      }
    }

    private static Path prepare(final Path directory) {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new EmbeddedKafkaException(
            "cannot start the embedded Kafka broker: " + directory + " is not a directory");
      }
      try {
        return Files.createDirectories(directory).toAbsolutePath().normalize();
      } catch (final IOException e) {
        throw new EmbeddedKafkaException(
            "cannot create the embedded Kafka broker's data directory " + directory + ": " + e, e);
      }
    }

    /**
     * A new directory gets a cluster id and the bootstrap metadata; one formatted before keeps its
     * own, which the formatter would reject as a different cluster.
     */
    private static void formatIfNew(final Path directory) {
      if (Files.exists(directory.resolve("meta.properties"))) {
        return;
      }
      final Formatter formatter =
          new Formatter()
              // The formatter narrates to stdout, which belongs to the commands' output.
              .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
              .setNodeId(BrokerProperties.NODE_ID)
              .setClusterId(Uuid.randomUuid().toString())
              .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
              .setMetadataLogDirectory(directory.toString())
              .addDirectory(directory.toString());
      try {
        formatter.run();
      } catch (final Exception e) {
        throw new EmbeddedKafkaException(
            "cannot format " + directory + " for the embedded Kafka broker: " + e.getMessage(), e);
      }
    }

    private static void stopAfterFailedStart(final KafkaRaftServer server) {
      try {
        // The controller starts before the broker and is still running when the broker fails.
        server.shutdown();
        server.awaitShutdown();
      } catch (final RuntimeException e) {
        LOG.debug("Stopping the embedded broker after a failed start failed too", e);
      }
    }
  }
}
