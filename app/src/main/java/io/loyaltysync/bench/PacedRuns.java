package io.loyaltysync.bench;

import io.loyaltysync.cli.Pipeline;
import io.loyaltysync.config.StreamsSettings;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.OutboundRecords;
import io.loyaltysync.topology.SyncMetrics.Counter;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The latency runs: the job, restarted on the state the throughput run left, takes change events
 * from a paced producer at a set share of the measured maximum, first 100% ("full load"), then the
 * fixed load; each event's source timestamp is its send time. A consumer thread reads every output
 * as it is committed and records append time minus the source timestamp the record carries, for the
 * events sent after the warm-up. A run ends when the job has read every event sent and every write
 * it counted has been read.
 */
final class PacedRuns {

  private static final long PARK_NANOS = 200_000;
  private static final Duration POLL = Duration.ofMillis(100);

  private final EndToEndSettings settings;
  private final Progress progress;
  private final MemoryProbe probe;

  PacedRuns(final EndToEndSettings settings, final Progress progress, final MemoryProbe probe) {
    this.settings = settings;
    this.progress = progress;
    this.probe = probe;
  }

  /**
   * @param decoding topics whose deserializers read the outbound records' source timestamps
   * @param maxPerSecond the job's measured maximum, input records/s
   */
  List<EndToEndReport.LatencyRun> run(
      final BenchCluster cluster,
      final SyncConfig config,
      final SyncTopology topology,
      final Topics decoding,
      final ChangeEventGenerator generator,
      final double maxPerSecond) {
    probe.phase("latency");
    final Map<String, Deserializer<GenericRecord>> decoders = new HashMap<>();
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        final Topics.Topic<GenericRecord> topic = decoding.records(template, side);
        decoders.put(topic.name(), topic.valueSerde().deserializer());
      }
    }
    final List<EndToEndReport.LatencyRun> runs = new ArrayList<>();
    try (Pipeline job = new Pipeline(topology.build(), StreamsSettings.of(config));
        OutputWatcher watcher =
            new OutputWatcher(
                cluster.clientProps(),
                Drainer.outboundTopics(topology.topics()),
                true,
                decoders,
                OutboundRecords.SOURCE_TIMESTAMP);
        EventPublisher publisher =
            new EventPublisher(cluster.clientProps(), Drainer.freshTopics(config), true)) {
      progress.phase("latency", "restarting the job on its state");
      job.start();
      try {
        if (!job.awaitRunning(settings.timeout())) {
          throw new BenchFailure("latency: the job did not start: " + job.streams().state());
        }
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchFailure("latency: interrupted");
      }
      final AtomicBoolean stop = new AtomicBoolean();
      final AtomicReference<RuntimeException> failed = new AtomicReference<>();
      final Thread reader =
          new Thread(
              () -> {
                try {
                  while (!stop.get()) {
                    watcher.poll(POLL);
                  }
                } catch (final RuntimeException e) {
                  failed.set(e);
                }
              },
              "bench-latency-reader");
      reader.start();
      try {
        final List<Integer> loads =
            settings.loadPercent() == 100 ? List.of(100) : List.of(100, settings.loadPercent());
        for (final int percent : loads) {
          runs.add(paced(job, watcher, publisher, generator, percent, maxPerSecond, failed));
        }
      } finally {
        stop.set(true);
        try {
          reader.join();
        } catch (final InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return runs;
  }

  private EndToEndReport.LatencyRun paced(
      final Pipeline job,
      final OutputWatcher watcher,
      final EventPublisher publisher,
      final ChangeEventGenerator generator,
      final int percent,
      final double maxPerSecond,
      final AtomicReference<RuntimeException> readerFailure) {
    final String label = percent == 100 ? "full load" : percent + "% load";
    final double rate = maxPerSecond * percent / 100;
    final long warmup = (long) (settings.warmupSeconds() * 1e9);
    final long measured = (long) (settings.latencySeconds() * 1e9);
    progress.phase(
        "latency " + percent + "%",
        label
            + ": "
            + Format.count(rate)
            + " events/s for "
            + Format.fixed(settings.warmupSeconds(), 0)
            + " s warm-up + "
            + Format.fixed(settings.latencySeconds(), 0)
            + " s measured");
    watcher.window(Long.MAX_VALUE, Long.MAX_VALUE);
    watcher.resetLatencies();
    final long readBefore = Drainer.counter(job.streams(), Counter.IN);
    final long start = System.nanoTime();
    long sent = 0;
    long windowStart = -1;
    long sentAtWindow = 0;
    long readAtWindow = 0;
    while (true) {
      final long elapsed = System.nanoTime() - start;
      if (windowStart < 0 && elapsed >= warmup) {
        windowStart = System.nanoTime();
        sentAtWindow = sent;
        readAtWindow = Drainer.counter(job.streams(), Counter.IN);
        watcher.window(System.currentTimeMillis(), Long.MAX_VALUE);
      }
      if (elapsed >= warmup + measured) {
        break;
      }
      final long due = (long) (rate * elapsed / 1e9);
      while (sent < due) {
        publisher.send(generator.next(System.currentTimeMillis()));
        sent++;
      }
      Drainer.failIfStopped(label, job);
      failIfReaderFailed(readerFailure);
      final long total = sent;
      progress.tick(
          () ->
              "sent "
                  + Format.count(total)
                  + ", read by the job "
                  + Format.count(Drainer.counter(job.streams(), Counter.IN) - readBefore)
                  + ", latencies so far: "
                  + watcher.latencies().count());
      LockSupport.parkNanos(PARK_NANOS);
    }
    final double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
    final long readAtEnd = Drainer.counter(job.streams(), Counter.IN);
    final long sentInWindow = sent - sentAtWindow;
    publisher.flush();
    awaitDrained(label, job, watcher, readBefore + sent, readerFailure);
    final Latencies.Summary summary = watcher.latencies();
    progress.line(
        "p50 "
            + summary.p50Millis()
            + " ms, p95 "
            + summary.p95Millis()
            + " ms, p99 "
            + summary.p99Millis()
            + " ms, max "
            + summary.maxMillis()
            + " ms over "
            + summary.count()
            + " outputs");
    return new EndToEndReport.LatencyRun(
        label,
        percent,
        rate,
        sentInWindow / windowSeconds,
        (readAtEnd - readAtWindow) / windowSeconds,
        summary);
  }

  /** Until the job has read {@code read} events and every write it counted has been seen. */
  private void awaitDrained(
      final String label,
      final Pipeline job,
      final OutputWatcher watcher,
      final long read,
      final AtomicReference<RuntimeException> readerFailure) {
    final long start = System.nanoTime();
    final long deadline = start + settings.deadlineFor(read).toNanos();
    while (true) {
      Drainer.failIfStopped(label, job);
      failIfReaderFailed(readerFailure);
      final long in = Drainer.counter(job.streams(), Counter.IN);
      final long writes = Drainer.counter(job.streams(), Counter.WRITES);
      if (in >= read && watcher.count() >= writes) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new BenchFailure(
            label
                + ": the job did not catch up: it read "
                + in
                + " of "
                + read
                + " events; "
                + watcher.count()
                + " of "
                + writes
                + " writes seen");
      }
      progress.tick(() -> "catching up: read " + in + " of " + read + " events");
      BenchCluster.sleep(50);
    }
  }

  private static void failIfReaderFailed(final AtomicReference<RuntimeException> failure) {
    if (failure.get() != null) {
      throw new BenchFailure(
          "reading the output failed: " + failure.get().getMessage(), failure.get());
    }
  }
}
