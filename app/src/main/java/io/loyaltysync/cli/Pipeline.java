package io.loyaltysync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running KafkaStreams instance of the job, with its lifecycle logged at INFO.
 *
 * <p>An uncaught exception in a stream thread shuts the whole client down (SHUTDOWN_CLIENT) rather
 * than replacing the thread: an infrastructure error that survived Kafka Streams' own retries is
 * not fixed by retrying in the same process, and a stopped process with a non-zero exit code is
 * what a supervisor (systemd, Kubernetes) restarts and an operator sees. The job resumes from its
 * committed state on restart.
 *
 * <p>A run that did not stop cleanly (killed, or failed) leaves its mark in the state directory,
 * and the next run starts from the changelogs instead of from that local state. Under
 * exactly_once_v2 Kafka Streams throws such state away anyway; but a kill while it does so, or
 * while RocksDB creates a store, leaves a store directory RocksDB cannot open, and Kafka Streams
 * 4.3 then fails in {@code start()} on every restart. Under at_least_once this costs a full restore
 * instead of the missing delta: the price of an instance that cannot crash-loop on its own disk.
 *
 * <p>Public for the benchmark, which runs the job exactly as {@code run} does.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** How long a graceful close may take: commit, flush, leave the group. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /** The file a running job keeps in its state directory: the mark of a run not yet stopped. */
  private static final String RUNNING_MARK = "loyalty-sync.running";

  private final KafkaStreams streams;
  private final Path stateDirectory;
  private final CountDownLatch running = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean closedCleanly;

  public Pipeline(final Topology topology, final Properties settings) {
    streams = new KafkaStreams(topology, settings);
    stateDirectory =
        Path.of(
            settings.getProperty(
                StreamsConfig.STATE_DIR_CONFIG,
                (String)
                    StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG)),
            settings.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    streams.setStateListener(
        (now, before) -> {
          LOG.info("Kafka Streams state {} -> {}", before, now);
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
          if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
            running.countDown();
            stopped.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          // The exception's message may quote a record; its class and cause chain go to the log.
          LOG.error("Stream thread failed; shutting the job down", e);
          failure.compareAndSet(null, e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** The mark a run keeps in {@code stateDirectory}, the job's own folder in the state dir. */
  static Path runningMark(final Path stateDirectory) {
    return stateDirectory.resolve(RUNNING_MARK);
  }

  public void start() {
    final Path mark = runningMark(stateDirectory);
    if (Files.exists(mark)) {
      LOG.warn(
          "The last run on {} did not stop cleanly: wiping its local state, to restore it from the"
              + " changelogs",
          stateDirectory);
      streams.cleanUp();
    }
    try {
      Files.createDirectories(stateDirectory);
      if (!Files.exists(mark)) {
        Files.createFile(mark);
      }
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot write to the state directory " + stateDirectory, e);
    }
    LOG.info("Starting the sync pipeline");
    streams.start();
  }

  /** Waits until the job is RUNNING; false when it stopped or the deadline passed first. */
  public boolean awaitRunning(final Duration deadline) throws InterruptedException {
    return running.await(deadline.toMillis(), TimeUnit.MILLISECONDS)
        && streams.state() == KafkaStreams.State.RUNNING;
  }

  /** Waits until the job has stopped, by a close or an error. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** The error that stopped the job, if one did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Whether {@link #close} stopped the job within its timeout, with no error before. */
  boolean closedCleanly() {
    return closedCleanly;
  }

  /**
   * Closes: commits, flushes, and leaves the consumer group at once, so that the other instances
   * (or the next one with the same application id) take its partitions over without waiting out its
   * session timeout (45 s by default), which a close that stays in the group leaves them to do.
   */
  @Override
  public void close() {
    LOG.info(
        "Closing the sync pipeline and leaving its group (up to {} s)", CLOSE_TIMEOUT.toSeconds());
    final boolean closed =
        streams.close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    if (closed && failure.get() == null) {
      closedCleanly = true;
      try {
        Files.deleteIfExists(runningMark(stateDirectory));
      } catch (final IOException e) {
        LOG.warn(
            "Cannot remove {}: the next run restores its state from the changelogs",
            runningMark(stateDirectory),
            e);
      }
    }
    if (closed) {
      LOG.info("Sync pipeline closed");
    } else {
      LOG.warn("Sync pipeline did not close within {} s", CLOSE_TIMEOUT.toSeconds());
    }
  }
}
