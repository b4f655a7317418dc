package io.loyaltysync.bench;

import java.time.Duration;

/**
 * Settings of one run of the end-to-end benchmark ({@code bench}).
 *
 * @param events change events loaded for the throughput runs
 * @param keys rows those events touch, over all templates
 * @param echoRate share of the events that are echoes of the job's own writes
 * @param conflictRate share of the events that are conflicting edits
 * @param initialSyncCards F&amp;O cards of the initial sync
 * @param loadPercent the fixed offered load of the latency run, in percent of the measured maximum
 * @param partitions partitions of every topic the benchmark creates
 * @param replicationFactor replicas of every topic the benchmark creates
 * @param latencySeconds how long each paced run is measured
 * @param warmupSeconds how long each paced run runs before it is measured
 * @param timeout how long a phase may wait for the job beyond the time its work should take
 * @param seed seed of the event generators
 * @param processingGuarantee the job's processing guarantee (exactly_once_v2 unless overridden)
 * @param phases which phases run
 * @param mapEngine settings of the map-engine run
 */
public record EndToEndSettings(
    int events,
    int keys,
    double echoRate,
    double conflictRate,
    int initialSyncCards,
    int loadPercent,
    int partitions,
    short replicationFactor,
    double latencySeconds,
    double warmupSeconds,
    Duration timeout,
    long seed,
    String processingGuarantee,
    Phases phases,
    BenchmarkOptions mapEngine) {

  public static final int DEFAULT_EVENTS = 1_000_000;
  public static final int DEFAULT_KEYS = 100_000;
  public static final double DEFAULT_ECHO_RATE = 0.3;
  public static final double DEFAULT_CONFLICT_RATE = 0.01;
  public static final int DEFAULT_INITIAL_SYNC_CARDS = 1_000_000;
  public static final int DEFAULT_LOAD_PERCENT = 50;
  public static final double DEFAULT_LATENCY_SECONDS = 30;
  public static final double DEFAULT_WARMUP_SECONDS = 5;

  /**
   * Which phases run; the load and the pipeline's throughput always do.
   *
   * @param passThrough the pass-through topology's throughput, and the ratio
   * @param latency the paced runs at full and at the fixed load
   * @param initialSync the initial sync, the store size and the memory at its key count
   * @param mapEngine the map engine alone
   */
  public record Phases(
      boolean passThrough, boolean latency, boolean initialSync, boolean mapEngine) {
    public static Phases all() {
      return new Phases(true, true, true, true);
    }
  }

  public EndToEndSettings {
    positive("--events", events);
    positive("--partitions", partitions);
    positive("--replication-factor", replicationFactor);
    if (keys < 3) {
      throw new IllegalArgumentException("--keys must be at least 3 (a row per template)");
    }
    if (!(echoRate >= 0 && echoRate <= 0.5)) {
      throw new IllegalArgumentException("--echo-rate must be between 0 and 0.5");
    }
    if (!(conflictRate >= 0 && conflictRate <= 0.2)) {
      throw new IllegalArgumentException("--conflict-rate must be between 0 and 0.2");
    }
    if (initialSyncCards < 1 && phases.initialSync()) {
      throw new IllegalArgumentException("--initial-sync-cards must be positive");
    }
    if (loadPercent < 1 || loadPercent > 100) {
      throw new IllegalArgumentException("--load-percent must be between 1 and 100");
    }
    if (!(latencySeconds > 0) || !(warmupSeconds >= 0)) {
      throw new IllegalArgumentException(
          "--latency-seconds must be positive and --warmup-seconds not negative");
    }
  }

  /**
   * How long a phase of {@code records} may take before the benchmark gives up: the timeout plus a
   * second per 2,000 records, far slower than any healthy run.
   */
  Duration deadlineFor(final long records) {
    return timeout.plusMillis(records / 2);
  }

  private static void positive(final String name, final long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
