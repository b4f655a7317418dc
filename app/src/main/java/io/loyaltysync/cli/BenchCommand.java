package io.loyaltysync.cli;

import io.loyaltysync.bench.BenchFailure;
import io.loyaltysync.bench.BenchmarkOptions;
import io.loyaltysync.bench.EndToEndBenchmark;
import io.loyaltysync.bench.EndToEndReport;
import io.loyaltysync.bench.EndToEndSettings;
import io.loyaltysync.config.ConfigException;
import io.loyaltysync.config.ConfigLayers;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.EmbeddedKafkaException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The end-to-end benchmark: throughput, latency, initial sync, memory and the map engine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the job end to end, in one run: load change events of every template and both"
          + " sides (with echoes and conflicts), measure the job's sustained throughput under"
          + " exactly_once_v2 and a pass-through topology's on the same events, latency at full"
          + " and at a fixed load, an initial sync of SNAPSHOT cards, the map engine alone, heap,"
          + " RSS and the state store's size; then print a table against the targets and write"
          + " the same figures as JSON.",
      "Without bootstrap.servers it runs on an embedded broker in this JVM (loopback only) and"
          + " the in-memory registry; with --set bootstrap.servers=... on that cluster, in fresh"
          + " topics of its own (bench-<run>.*), which it deletes at the end.",
      "Progress goes to stderr, the table to stdout.",
      "Exit code: 0 the benchmark ran (a MISS is a finding, not an error), 1 a phase failed or"
          + " missed its deadline, 2 bad options or configuration."
    })
public final class BenchCommand implements Callable<Integer> {

  static final int QUICK_EVENTS = 100_000;
  static final int QUICK_KEYS = 10_000;
  static final int QUICK_INITIAL_SYNC_CARDS = 100_000;
  static final double QUICK_LATENCY_SECONDS = 10;
  static final double QUICK_WARMUP_SECONDS = 3;

  @Spec private CommandSpec spec;

  @Mixin private ConfigMixin options;

  @Mixin private TopicLayoutOptions layout;

  @Option(
      names = "--quick",
      description =
          "A smaller run of a few minutes: "
              + "100,000 events over 10,000 rows, 100,000 initial-sync cards, 10 s latency runs;"
              + " the options below still override it.")
  private boolean quick;

  @Option(
      names = "--events",
      paramLabel = "N",
      description = "Change events to load (default 1,000,000).")
  private Integer events;

  @Option(
      names = "--keys",
      paramLabel = "N",
      description =
          "Rows the events touch over all templates: 70%% cards, 20%% reward points, 10%% levels"
              + " (default 100,000).")
  private Integer keys;

  @Option(
      names = "--echo-rate",
      paramLabel = "R",
      defaultValue = "0.3",
      description = "Share of the events that echo the job's own writes, 0-0.5 (default 0.3).")
  private double echoRate;

  @Option(
      names = "--conflict-rate",
      paramLabel = "R",
      defaultValue = "0.01",
      description =
          "Share of the events that edit a field the other side just edited, 0-0.2 (default"
              + " 0.01).")
  private double conflictRate;

  @Option(
      names = "--initial-sync-cards",
      paramLabel = "N",
      description = "F&O SNAPSHOT cards of the initial sync (default 1,000,000).")
  private Integer initialSyncCards;

  @Option(
      names = "--load-percent",
      paramLabel = "P",
      defaultValue = "50",
      description =
          "The fixed offered load of the latency run, in percent of the measured maximum"
              + " (default 50).")
  private int loadPercent;

  @Option(
      names = "--latency-seconds",
      paramLabel = "S",
      description = "How long each latency run is measured (default 30).")
  private Double latencySeconds;

  @Option(
      names = "--warmup-seconds",
      paramLabel = "S",
      description = "How long each latency run runs before it is measured (default 5).")
  private Double warmupSeconds;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "How long a phase may wait for the job beyond a second per 2,000 records"
              + " (default 120).")
  private long timeoutSeconds;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "20240601",
      description = "Seed of the event generators, so runs compare like for like.")
  private long seed;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      defaultValue = "bench-result.json",
      description = "Where to write the figures as JSON (default: ${DEFAULT-VALUE}).")
  private Path json;

  @Option(names = "--skip-pass-through", description = "Skip the pass-through run (no ratio).")
  private boolean skipPassThrough;

  @Option(names = "--skip-latency", description = "Skip the latency runs.")
  private boolean skipLatency;

  @Option(names = "--skip-initial-sync", description = "Skip the initial sync (no store size).")
  private boolean skipInitialSync;

  @Option(names = "--skip-map-engine", description = "Skip the map engine run.")
  private boolean skipMapEngine;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final Map<String, String> merged;
    final SyncConfig config;
    final EndToEndSettings settings;
    try {
      merged = options.merged(Main.environment());
      config = SyncConfig.from(merged);
      if (layout.problem() != null) {
        throw new IllegalArgumentException(layout.problem());
      }
      settings = settings(config.processingGuarantee());
    } catch (final ConfigException | IllegalArgumentException e) {
      err.println("bench: " + e.getMessage());
      err.flush();
      return Main.BAD_CONFIGURATION;
    }
    final boolean embedded = config.bootstrapServers().isEmpty();
    try (EndToEndBenchmark bench = new EndToEndBenchmark(settings, merged, err)) {
      final String cluster;
      try {
        if (embedded) {
          err.println("[bench] starting the embedded broker (in this JVM, loopback only)");
          err.flush();
          try (EmbeddedKafka broker = EmbeddedKafka.start()) {
            bench.onCluster(broker.bootstrapServers(), true);
          }
          cluster = "embedded broker in this JVM";
        } else {
          bench.onCluster(config.bootstrapServers(), false);
          cluster = config.bootstrapServers();
        }
        bench.mapEngine();
      } catch (final BenchFailure | EmbeddedKafkaException | KafkaException e) {
        err.println("bench: " + e.getMessage());
        err.flush();
        return Main.FAILED;
      }
      final EndToEndReport report =
          bench.report(commandLine(), cluster, ConfigLayers.redacted(merged));
      report.print(out);
      report.writeJson(json);
      out.println("Figures written to " + json.toAbsolutePath());
      out.flush();
      return 0;
    }
  }

  private EndToEndSettings settings(final String processingGuarantee) {
    final BenchmarkOptions mapEngine =
        new BenchmarkOptions(
            quick ? 1 : 4,
            quick ? 3 : 5,
            quick ? 0.03 : 0.1,
            BenchmarkOptions.DEFAULT_POOL_SIZE,
            seed,
            null);
    return new EndToEndSettings(
        pick(events, QUICK_EVENTS, EndToEndSettings.DEFAULT_EVENTS),
        pick(keys, QUICK_KEYS, EndToEndSettings.DEFAULT_KEYS),
        echoRate,
        conflictRate,
        pick(
            initialSyncCards,
            QUICK_INITIAL_SYNC_CARDS,
            EndToEndSettings.DEFAULT_INITIAL_SYNC_CARDS),
        loadPercent,
        layout.partitions,
        layout.replicationFactor,
        pick(latencySeconds, QUICK_LATENCY_SECONDS, EndToEndSettings.DEFAULT_LATENCY_SECONDS),
        pick(warmupSeconds, QUICK_WARMUP_SECONDS, EndToEndSettings.DEFAULT_WARMUP_SECONDS),
        Duration.ofSeconds(timeoutSeconds),
        seed,
        processingGuarantee,
        new EndToEndSettings.Phases(
            !skipPassThrough, !skipLatency, !skipInitialSync, !skipMapEngine),
        mapEngine);
  }

  private <T> T pick(final T given, final T quickValue, final T defaultValue) {
    return given != null ? given : quick ? quickValue : defaultValue;
  }

  /** The arguments as given (the sub-command's name first), with any secret's value hidden. */
  private String commandLine() {
    final List<String> shown = new ArrayList<>();
    boolean setValue = false;
    for (final String arg : spec.commandLine().getParseResult().originalArgs()) {
      final String assignment =
          setValue ? arg : arg.startsWith("--set=") ? arg.substring("--set=".length()) : null;
      if (assignment != null && assignment.contains("=")) {
        final String name = assignment.substring(0, assignment.indexOf('='));
        shown.add(
            (setValue ? "" : "--set=")
                + (ConfigLayers.isSecret(name) ? name + "=(secret, not shown)" : assignment));
      } else {
        shown.add(arg);
      }
      setValue = "--set".equals(arg);
    }
    return String.join(" ", shown);
  }
}
