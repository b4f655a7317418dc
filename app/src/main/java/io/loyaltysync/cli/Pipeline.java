package io.loyaltysync.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
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
 * <p>Public for the benchmark, which runs the job exactly as {@code run} does.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** How long a graceful close may take: commit, flush, leave the group. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final CountDownLatch running = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  public Pipeline(final Topology topology, final Properties settings) {
    streams = new KafkaStreams(topology, settings);
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

  public void start() {
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

  /**
   * Closes, and leaves the consumer group at once: the next instance with the same application id
   * then gets the partitions without waiting out this one's session timeout (45 s by default),
   * which a plain close leaves the group to do.
   */
  public void closeAndLeaveGroup() {
    LOG.info(
        "Closing the sync pipeline and leaving its group (up to {} s)", CLOSE_TIMEOUT.toSeconds());
    final boolean closed =
        streams.close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    if (!closed) {
      LOG.warn("Sync pipeline did not close within {} s", CLOSE_TIMEOUT.toSeconds());
    }
  }

  @Override
  public void close() {
    LOG.info("Closing the sync pipeline (up to {} s)", CLOSE_TIMEOUT.toSeconds());
    final boolean closed = streams.close(CLOSE_TIMEOUT);
    if (closed) {
      LOG.info("Sync pipeline closed");
    } else {
      LOG.warn("Sync pipeline did not close within {} s", CLOSE_TIMEOUT.toSeconds());
    }
  }
}
