package io.loyaltysync.bench;

import io.loyaltysync.cli.Pipeline;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncMetrics.Counter;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs a topology over a backlog until it is done, and measures it: the shared part of the
 * pipeline, pass-through and initial-sync phases, with the helpers the phases share.
 */
final class Drainer {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final long CHECK_NANOS = 250_000_000L;
  private static final long QUIET_NANOS = 5_000_000_000L;

  private final EndToEndSettings settings;
  private final Progress progress;

  Drainer(final EndToEndSettings settings, final Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Starts {@code job} and reads its output until it has read {@code inputs} records and the output
   * holds {@code expectedOutputs}; if the output stays short while the job has read everything and
   * the consumer is at the end for {@value #QUIET_NANOS} ns, takes what it has.
   */
  Throughput drain(
      final String phase,
      final Pipeline job,
      final OutputWatcher watcher,
      final long inputs,
      final LongSupplier processed,
      final LongSupplier expectedOutputs) {
    final long start = System.nanoTime();
    final long deadline = start + settings.deadlineFor(inputs).toNanos();
    job.start();
    long in = 0;
    long expected = Long.MAX_VALUE;
    long lastCheck = 0;
    while (true) {
      failIfStopped(phase, job);
      watcher.poll(POLL);
      final long now = System.nanoTime();
      if (now - lastCheck >= CHECK_NANOS) {
        in = processed.getAsLong();
        expected = expectedOutputs.getAsLong();
        lastCheck = now;
      }
      final long seen = watcher.count();
      final long read = in;
      final long wanted = expected;
      progress.tick(
          () ->
              "read "
                  + Progress.count(read, inputs, seconds(start))
                  + "; outputs seen "
                  + Format.count(seen)
                  + (wanted == Long.MAX_VALUE ? "" : " of " + Format.count(wanted)));
      if (in >= inputs && seen >= expected) {
        break;
      }
      if (in >= inputs && now - watcher.lastSeenNanos() > QUIET_NANOS && watcher.atEnd()) {
        progress.line(
            "warning: the job read every input but only "
                + seen
                + " of "
                + expected
                + " outputs appeared; taking those");
        break;
      }
      if (now - deadline > 0) {
        throw new BenchFailure(
            phase
                + ": not done after "
                + Format.fixed(seconds(start), 0)
                + " s: the topology read "
                + in
                + " of "
                + inputs
                + " inputs, and "
                + seen
                + " of "
                + (expected == Long.MAX_VALUE ? "?" : Long.toString(expected))
                + " outputs were seen (raise --timeout if the machine is just slow)");
      }
    }
    final String clientId = clientIdOf(job);
    final Throughput throughput =
        new Throughput(
            inputs,
            watcher.count(),
            watcher.firstAppendMillis(),
            watcher.lastAppendMillis(),
            (watcher.lastSeenNanos() - start) / 1e9,
            ThreadCpu.seconds(clientId, true),
            ThreadCpu.seconds(clientId, false));
    progress.line(
        Format.count(throughput.inputPerSecond())
            + " input records/s, "
            + Format.count(throughput.outputPerSecond())
            + " output records/s over "
            + Format.fixed(throughput.windowSeconds(), 2)
            + " s; stream thread on CPU "
            + Format.fixed(throughput.streamThreadBusyPercent(), 0)
            + "% of the time, "
            + Format.fixed(throughput.cpuMicrosPerInputRecord(), 1)
            + " us CPU per input record");
    return throughput;
  }

  /**
   * The client id of a running topology (application id + a UUID), which starts the name of each of
   * its threads; "" when it has no stream thread.
   */
  private static String clientIdOf(final Pipeline job) {
    return job.streams().metadataForLocalThreads().stream()
        .map(thread -> thread.threadName())
        .map(name -> name.substring(0, name.lastIndexOf("-StreamThread-")))
        .findFirst()
        .orElse("");
  }

  static void failIfStopped(final String phase, final Pipeline job) {
    if (job.failure().isPresent()) {
      throw new BenchFailure(
          phase + ": the topology failed: " + job.failure().get(), job.failure().get());
    }
    final KafkaStreams.State state = job.streams().state();
    if (state == KafkaStreams.State.ERROR
        || state == KafkaStreams.State.NOT_RUNNING
        || state == KafkaStreams.State.PENDING_ERROR) {
      throw new BenchFailure(phase + ": the topology stopped (" + state + ")");
    }
  }

  static long counter(final KafkaStreams streams, final Counter counter) {
    return SyncCounters.of(streams).get(counter);
  }

  static List<String> outboundTopics(final Topics topics) {
    final List<String> names = new ArrayList<>();
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        names.add(topics.records(template, side).name());
      }
    }
    return names;
  }

  /** A set of topics with serdes of its own, for a client that must not share the job's. */
  static Topics freshTopics(final SyncConfig config) {
    return new SyncTopology(config, SchemaRegistries.serdesFor(config)).topics();
  }

  static double seconds(final long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
