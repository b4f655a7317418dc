package io.loyaltysync.bench;

import io.loyaltysync.bench.GeneratedEvent.Kind;
import io.loyaltysync.topology.SyncMetrics;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The figures of one {@code bench} run, and the targets they are judged against (design.md,
 * Performance; issue 5). {@link EndToEndReportText} prints them, {@link EndToEndReportJson} writes
 * the same figures as JSON. A phase that was skipped is null (or an empty list).
 *
 * @param machine where it ran
 * @param settings the run's settings
 * @param commandLine the arguments of the run, as given
 * @param cluster the cluster: the embedded broker in this JVM, or the bootstrap servers
 * @param options the job's options as every layer set them (secrets hidden), defaults aside
 * @param load the bulk load of change events
 * @param pipeline the job draining them
 * @param passThrough the pass-through topology draining the same events
 * @param latency the paced runs, at full load and at the fixed load
 * @param initialSync the initial sync
 * @param memory memory of the whole process
 * @param mapEngine the map engine alone
 */
public record EndToEndReport(
    Machine machine,
    EndToEndSettings settings,
    String commandLine,
    String cluster,
    Map<String, String> options,
    Load load,
    Run pipeline,
    Run passThrough,
    List<LatencyRun> latency,
    InitialSync initialSync,
    Memory memory,
    BenchmarkReport mapEngine) {

  /** Input records/s the job must sustain under exactly_once_v2. */
  public static final double PIPELINE_TARGET = 40_000;

  /** The job's share of a pass-through topology's throughput it must reach. */
  public static final double RATIO_TARGET = 0.7;

  /** p99 end-to-end latency at {@link #LATENCY_TARGET_LOAD_PERCENT} of the maximum load. */
  public static final long P99_TARGET_MILLIS = 250;

  public static final int LATENCY_TARGET_LOAD_PERCENT = 50;

  /** An initial sync of {@link #INITIAL_SYNC_TARGET_CARDS} cards must take less. */
  public static final double INITIAL_SYNC_TARGET_SECONDS = 90;

  public static final int INITIAL_SYNC_TARGET_CARDS = 1_000_000;

  /** The heap the job may need at a million keys. */
  public static final long HEAP_TARGET_BYTES = 512L * 1024 * 1024;

  /** The guarantee the throughput target is set for. */
  public static final String TARGET_GUARANTEE = "exactly_once_v2";

  public EndToEndReport {
    options = Map.copyOf(options);
    latency = latency == null ? List.of() : List.copyOf(latency);
  }

  /**
   * The machine and JVM.
   *
   * @param cores processors available to the JVM
   * @param maxHeapBytes the JVM's maximum heap
   * @param java Java version
   * @param jvm VM name and version
   * @param collectors garbage collectors
   * @param jvmFlags the JVM's input arguments
   * @param kafka Kafka client version
   * @param os operating system and architecture
   */
  public record Machine(
      int cores,
      long maxHeapBytes,
      String java,
      String jvm,
      String collectors,
      List<String> jvmFlags,
      String kafka,
      String os) {

    /** This JVM. */
    public static Machine current() {
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory(),
          System.getProperty("java.version"),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
          ManagementFactory.getGarbageCollectorMXBeans().stream()
              .map(GarbageCollectorMXBean::getName)
              .collect(Collectors.joining(", ")),
          List.copyOf(ManagementFactory.getRuntimeMXBean().getInputArguments()),
          AppInfoParser.getVersion(),
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.version")
              + " "
              + System.getProperty("os.arch"));
    }
  }

  /**
   * The bulk load.
   *
   * @param events change events published (currency rows aside)
   * @param rows rows they touch, over all templates
   * @param kinds events by kind
   * @param bytes key and value bytes
   * @param seconds from the first send to the last acknowledgement
   */
  public record Load(long events, int rows, Map<Kind, Long> kinds, long bytes, double seconds) {
    public Load {
      kinds = Map.copyOf(kinds);
    }

    public double perSecond() {
      return events / Math.max(seconds, 1e-3);
    }
  }

  /**
   * One topology draining the loaded events.
   *
   * @param throughput its throughput
   * @param counters the job's accounting; empty for the pass-through topology
   */
  public record Run(Throughput throughput, Map<SyncMetrics.Counter, Long> counters) {
    public Run {
      counters = Map.copyOf(counters);
    }
  }

  /**
   * A paced run against the running job.
   *
   * @param label what it is ("full load", "50% load")
   * @param loadPercent offered load in percent of the measured maximum
   * @param offeredPerSecond change events per second offered
   * @param sentPerSecond change events per second actually sent in the measured window
   * @param processedPerSecond change events per second the job read in the measured window
   * @param latency end-to-end latencies of the outputs of the measured window's events
   */
  public record LatencyRun(
      String label,
      int loadPercent,
      double offeredPerSecond,
      double sentPerSecond,
      double processedPerSecond,
      Latencies.Summary latency) {}

  /**
   * The initial sync.
   *
   * @param cards F&amp;O cards, one SNAPSHOT each
   * @param loadSeconds publishing them
   * @param throughput syncing them, from the job's start to the last Dataverse card seen
   * @param storeBytes the job's state directory after the sync (job closed, stores flushed)
   */
  public record InitialSync(int cards, double loadSeconds, Throughput throughput, long storeBytes) {
    public double seconds() {
      return throughput.elapsedSeconds();
    }

    public double cardsPerSecond() {
      return cards / Math.max(seconds(), 1e-3);
    }

    public double storeBytesPerThousandKeys() {
      return storeBytes * 1000.0 / cards;
    }
  }

  /**
   * Memory of the whole process (job, embedded broker, load generator, measuring clients), in
   * bytes; -1 when not known.
   *
   * @param heapPeakUsed the largest heap in use sampled, garbage included
   * @param heapPeakAfterGc the largest heap in use right after a collection, any phase
   * @param initialSyncKeys keys in the job's store during the initial sync (0 if skipped)
   * @param initialSyncHeapAfterGc the largest heap after a collection during the initial sync
   * @param initialSyncLiveHeap the heap in use after a full collection at the end of the sync
   * @param rssPeak the peak resident set size (VmHWM)
   */
  public record Memory(
      long heapPeakUsed,
      long heapPeakAfterGc,
      long initialSyncKeys,
      long initialSyncHeapAfterGc,
      long initialSyncLiveHeap,
      long rssPeak) {

    /** The heap judged against the target: the larger of the two after-collection figures. */
    public long initialSyncHeap() {
      return Math.max(initialSyncHeapAfterGc, initialSyncLiveHeap);
    }
  }

  /** What a target's check came to. */
  public enum Result {
    PASS,
    MISS,
    /** Not measured in this run, or measured under other conditions than the target's. */
    NOT_JUDGED
  }

  /**
   * One target and the figure held against it.
   *
   * @param figure what is judged
   * @param target the target, as text
   * @param measured the figure, as text
   * @param value the figure as a number (NaN if not measured)
   * @param result the verdict
   * @param note how the figure relates to the target, when not one to one
   */
  public record Target(
      String figure, String target, String measured, double value, Result result, String note) {}

  /** Ratio of the job's throughput to the pass-through topology's; NaN if not measured. */
  public double ratio() {
    return passThrough == null
        ? Double.NaN
        : pipeline.throughput().inputPerSecond() / passThrough.throughput().inputPerSecond();
  }

  /** The paced run at the fixed load, if it ran. */
  public LatencyRun fixedLoadRun() {
    return latency.stream()
        .filter(run -> run.loadPercent() == settings.loadPercent())
        .reduce((first, second) -> second)
        .orElse(null);
  }

  /** Every target, judged. */
  public List<Target> targets() {
    final List<Target> targets = new ArrayList<>();
    final double rate = pipeline.throughput().inputPerSecond();
    final boolean guaranteed = TARGET_GUARANTEE.equals(settings.processingGuarantee());
    targets.add(
        new Target(
            "pipeline throughput (" + TARGET_GUARANTEE + ")",
            ">= " + Format.count(PIPELINE_TARGET) + " rec/s",
            Format.count(rate) + " rec/s",
            rate,
            !guaranteed ? Result.NOT_JUDGED : rate >= PIPELINE_TARGET ? Result.PASS : Result.MISS,
            guaranteed ? "" : "measured under " + settings.processingGuarantee()));
    targets.add(ratioTarget());
    targets.add(latencyTarget());
    targets.add(initialSyncTarget());
    targets.add(heapTarget());
    targets.add(mapEngineTarget());
    return targets;
  }

  private Target ratioTarget() {
    final double ratio = ratio();
    return new Target(
        "pipeline / pass-through",
        ">= " + Format.fixed(RATIO_TARGET, 2),
        Double.isNaN(ratio) ? "-" : Format.fixed(ratio, 2),
        ratio,
        Double.isNaN(ratio) ? Result.NOT_JUDGED : ratio >= RATIO_TARGET ? Result.PASS : Result.MISS,
        "");
  }

  private Target latencyTarget() {
    final LatencyRun run = fixedLoadRun();
    final String figure = "p99 latency at " + LATENCY_TARGET_LOAD_PERCENT + "% load";
    final String target = "<= " + P99_TARGET_MILLIS + " ms";
    if (run == null || run.latency().count() == 0) {
      return new Target(figure, target, "-", Double.NaN, Result.NOT_JUDGED, "not measured");
    }
    final long p99 = run.latency().p99Millis();
    if (run.loadPercent() != LATENCY_TARGET_LOAD_PERCENT) {
      return new Target(
          figure,
          target,
          p99 + " ms",
          p99,
          Result.NOT_JUDGED,
          "measured at " + run.loadPercent() + "% load");
    }
    return new Target(
        figure, target, p99 + " ms", p99, p99 <= P99_TARGET_MILLIS ? Result.PASS : Result.MISS, "");
  }

  private Target initialSyncTarget() {
    final String figure = "initial sync of " + Format.count(INITIAL_SYNC_TARGET_CARDS) + " cards";
    final String target = "< " + Format.fixed(INITIAL_SYNC_TARGET_SECONDS, 0) + " s";
    if (initialSync == null) {
      return new Target(figure, target, "-", Double.NaN, Result.NOT_JUDGED, "not measured");
    }
    // Fewer cards are judged by the rate the target implies: a million in 90 s.
    final double projected =
        initialSync.seconds() * INITIAL_SYNC_TARGET_CARDS / initialSync.cards();
    final boolean scaled = initialSync.cards() != INITIAL_SYNC_TARGET_CARDS;
    return new Target(
        figure,
        target,
        Format.fixed(projected, 1) + " s",
        projected,
        projected < INITIAL_SYNC_TARGET_SECONDS ? Result.PASS : Result.MISS,
        scaled
            ? "projected from "
                + Format.count(initialSync.cards())
                + " cards in "
                + Format.fixed(initialSync.seconds(), 1)
                + " s"
            : "");
  }

  private Target heapTarget() {
    final String figure = "heap at " + Format.count(INITIAL_SYNC_TARGET_CARDS) + " keys";
    final String target = "<= " + HEAP_TARGET_BYTES / (1024 * 1024) + " MiB";
    if (initialSync == null || memory.initialSyncHeap() < 0) {
      return new Target(figure, target, "-", Double.NaN, Result.NOT_JUDGED, "not measured");
    }
    final long heap = memory.initialSyncHeap();
    final String whole = "whole JVM after GC" + (embeddedCluster() ? ", broker included" : "");
    return new Target(
        figure,
        target,
        Format.mib(heap),
        heap / (1024.0 * 1024),
        heap <= HEAP_TARGET_BYTES ? Result.PASS : Result.MISS,
        memory.initialSyncKeys() == INITIAL_SYNC_TARGET_CARDS
            ? whole
            : whole + "; at " + Format.count(memory.initialSyncKeys()) + " keys");
  }

  private Target mapEngineTarget() {
    final String figure =
        "map engine, "
            + BenchmarkReport.TARGET_TEMPLATE.id()
            + " "
            + BenchmarkReport.TARGET_DIRECTION.label()
            + " per core";
    final String target =
        ">= " + Format.count(BenchmarkReport.TARGET_RECORDS_PER_SECOND) + " rec/s";
    if (mapEngine == null) {
      return new Target(figure, target, "-", Double.NaN, Result.NOT_JUDGED, "not measured");
    }
    final double mean =
        mapEngine
            .find(
                BenchmarkCase.Kind.MAP,
                BenchmarkReport.TARGET_TEMPLATE,
                BenchmarkReport.TARGET_DIRECTION)
            .orElseThrow()
            .rate()
            .mean();
    return new Target(
        figure,
        target,
        Format.count(mean) + " rec/s",
        mean,
        mapEngine.meetsTarget() ? Result.PASS : Result.MISS,
        "mapping alone; mean of a short run");
  }

  /** Prints the figures as tables, then each target with PASS or MISS. */
  public void print(final PrintWriter out) {
    EndToEndReportText.print(this, out);
  }

  /** Writes the same figures as JSON. */
  public void writeJson(final Path file) {
    EndToEndReportJson.write(this, file);
  }

  /** Whether the cluster was the broker embedded in this JVM. */
  public boolean embeddedCluster() {
    return cluster.startsWith("embedded");
  }
}
