package io.loyaltysync.bench;

import io.loyaltysync.bench.BenchmarkCase.Kind;
import io.loyaltysync.bench.EndToEndReport.InitialSync;
import io.loyaltysync.bench.EndToEndReport.LatencyRun;
import io.loyaltysync.bench.EndToEndReport.Machine;
import io.loyaltysync.bench.EndToEndReport.Memory;
import io.loyaltysync.bench.EndToEndReport.Run;
import io.loyaltysync.bench.EndToEndReport.Target;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.io.PrintWriter;
import java.util.Locale;

/** The report as a person reads it: sections of figures, then each target with PASS or MISS. */
final class EndToEndReportText {

  private EndToEndReportText() {}

  static void print(final EndToEndReport report, final PrintWriter out) {
    final Machine machine = report.machine();
    final EndToEndSettings settings = report.settings();
    out.println();
    out.println("loyalty-sync bench");
    out.printf(
        Locale.ROOT,
        "  %d cores, %s, max heap %s, Kafka %s; cluster: %s; %s; %d partition(s) per topic%n",
        machine.cores(),
        machine.jvm(),
        Format.mib(machine.maxHeapBytes()),
        machine.kafka(),
        report.cluster(),
        settings.processingGuarantee(),
        settings.partitions());
    final EndToEndReport.Load load = report.load();
    out.printf(
        Locale.ROOT,
        "  load: %s change events over %s rows (cards %d%%, reward points %d%%, levels %d%%; edits"
            + " %d%% on the F&O side): %s; %s in %s s (%s/s), no compression%n",
        Format.count(load.events()),
        Format.count(load.rows()),
        ChangeEventGenerator.CARD_PERCENT,
        ChangeEventGenerator.REWARD_POINT_PERCENT,
        100 - ChangeEventGenerator.CARD_PERCENT - ChangeEventGenerator.REWARD_POINT_PERCENT,
        ChangeEventGenerator.ERP_PERCENT,
        kinds(load),
        Format.mib(load.bytes()),
        Format.fixed(load.seconds(), 1),
        Format.count(load.perSecond()));
    throughput(report, out);
    latency(report, out);
    initialSync(report.initialSync(), out);
    memory(report, out);
    mapEngine(report.mapEngine(), out);
    targets(report, out);
    out.flush();
  }

  private static String kinds(final EndToEndReport.Load load) {
    final StringBuilder text = new StringBuilder();
    for (final GeneratedEvent.Kind kind : GeneratedEvent.Kind.values()) {
      final long count = load.kinds().getOrDefault(kind, 0L);
      if (count > 0) {
        text.append(text.length() == 0 ? "" : ", ")
            .append(kind.name().toLowerCase(Locale.ROOT))
            .append(' ')
            .append(Format.count(count));
      }
    }
    return text.toString();
  }

  private static void throughput(final EndToEndReport report, final PrintWriter out) {
    out.println();
    out.println(
        "Throughput: input records / (last - first output append time), outputs read"
            + " read_committed");
    out.printf(
        Locale.ROOT,
        "  %-13s %12s %12s %10s %10s %9s %9s %11s %12s%n",
        "topology",
        "input rec/s",
        "output rec/s",
        "inputs",
        "outputs",
        "window s",
        "wall s",
        "stream CPU",
        "us CPU/input");
    row(out, "pipeline", report.pipeline());
    if (report.passThrough() != null) {
      row(out, "pass-through", report.passThrough());
      out.printf(
          Locale.ROOT, "  ratio pipeline / pass-through: %s%n", Format.fixed(report.ratio(), 2));
    }
    final var c = report.pipeline().counters();
    out.printf(
        Locale.ROOT,
        "  the job's accounting: %s emitted, %s echoes suppressed, %s no-ops, %s dead letters, %s"
            + " parked; %s writes, %s conflicts%n",
        Format.count(c.getOrDefault(Counter.EMITTED, 0L)),
        Format.count(c.getOrDefault(Counter.ECHO, 0L)),
        Format.count(c.getOrDefault(Counter.NO_OP, 0L)),
        Format.count(c.getOrDefault(Counter.DEAD_LETTER, 0L)),
        Format.count(c.getOrDefault(Counter.PARKED, 0L)),
        Format.count(c.getOrDefault(Counter.WRITES, 0L)),
        Format.count(c.getOrDefault(Counter.CONFLICTS, 0L)));
  }

  private static void row(final PrintWriter out, final String name, final Run run) {
    final Throughput t = run.throughput();
    out.printf(
        Locale.ROOT,
        "  %-13s %12s %12s %10s %10s %9s %9s %10s%% %12s%n",
        name,
        Format.count(t.inputPerSecond()),
        Format.count(t.outputPerSecond()),
        Format.count(t.inputRecords()),
        Format.count(t.outputRecords()),
        Format.fixed(t.windowSeconds(), 2),
        Format.fixed(t.elapsedSeconds(), 2),
        Format.fixed(t.streamThreadBusyPercent(), 0),
        Format.fixed(t.cpuMicrosPerInputRecord(), 1));
  }

  private static void latency(final EndToEndReport report, final PrintWriter out) {
    if (report.latency().isEmpty()) {
      return;
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Latency: source timestamp -> output append time, ms; paced events against the running"
            + " job, %s s measured after %s s warm-up%n",
        Format.fixed(report.settings().latencySeconds(), 0),
        Format.fixed(report.settings().warmupSeconds(), 0));
    out.printf(
        Locale.ROOT,
        "  %-16s %11s %11s %11s %9s %7s %7s %7s %7s%n",
        "load",
        "offered/s",
        "sent/s",
        "processed/s",
        "samples",
        "p50",
        "p95",
        "p99",
        "max");
    for (final LatencyRun run : report.latency()) {
      out.printf(
          Locale.ROOT,
          "  %-16s %11s %11s %11s %9s %7d %7d %7d %7d%n",
          run.label(),
          Format.count(run.offeredPerSecond()),
          Format.count(run.sentPerSecond()),
          Format.count(run.processedPerSecond()),
          Format.count(run.latency().count()),
          run.latency().p50Millis(),
          run.latency().p95Millis(),
          run.latency().p99Millis(),
          run.latency().maxMillis());
    }
  }

  private static void initialSync(final InitialSync sync, final PrintWriter out) {
    if (sync == null) {
      return;
    }
    out.println();
    out.println("Initial sync: F&O SNAPSHOT cards -> the Dataverse outbound topic");
    out.printf(
        Locale.ROOT,
        "  %s cards: published in %s s; synced in %s s from the job's start to the last card"
            + " read_committed (%s cards/s)%n",
        Format.count(sync.cards()),
        Format.fixed(sync.loadSeconds(), 1),
        Format.fixed(sync.seconds(), 1),
        Format.count(sync.cardsPerSecond()));
    out.printf(
        Locale.ROOT,
        "  state store on disk after the sync: %s, %s KiB per 1,000 keys%n",
        Format.mib(sync.storeBytes()),
        Format.fixed(sync.storeBytesPerThousandKeys() / 1024, 1));
  }

  private static void memory(final EndToEndReport report, final PrintWriter out) {
    final Memory memory = report.memory();
    out.println();
    out.println(
        "Memory of the whole JVM: the job"
            + (report.embeddedCluster() ? ", the embedded broker" : "")
            + ", the load generator and the measuring clients");
    out.printf(
        Locale.ROOT,
        "  heap in use, peak (garbage included): %s; after GC, peak: %s; RSS peak (VmHWM): %s%n",
        Format.mib(memory.heapPeakUsed()),
        Format.mib(memory.heapPeakAfterGc()),
        Format.mib(memory.rssPeak()));
    if (memory.initialSyncKeys() > 0) {
      out.printf(
          Locale.ROOT,
          "  during the initial sync (%s keys): heap after GC, peak %s; live after a full GC at"
              + " the end %s%n",
          Format.count(memory.initialSyncKeys()),
          Format.mib(memory.initialSyncHeapAfterGc()),
          Format.mib(memory.initialSyncLiveHeap()));
    }
  }

  private static void mapEngine(final BenchmarkReport engine, final PrintWriter out) {
    if (engine == null) {
      return;
    }
    out.println();
    out.println("Map engine alone: records/s per core (one thread, in-memory records)");
    out.printf(
        Locale.ROOT,
        "  %-13s %-11s %14s %20s%n",
        "template",
        "direction",
        "map",
        "decode+map+encode");
    for (final Template template : Template.values()) {
      for (final Direction direction : Direction.values()) {
        out.printf(
            Locale.ROOT,
            "  %-13s %-11s %14s %20s%n",
            template.id(),
            direction.label(),
            Format.count(mean(engine, Kind.MAP, template, direction)),
            Format.count(mean(engine, Kind.PIPELINE, template, direction)));
      }
    }
  }

  static double mean(
      final BenchmarkReport engine,
      final Kind kind,
      final Template template,
      final Direction direction) {
    return engine.find(kind, template, direction).map(r -> r.rate().mean()).orElse(Double.NaN);
  }

  private static void targets(final EndToEndReport report, final PrintWriter out) {
    out.println();
    out.println("Targets (2-core machine, broker on the same cores)");
    out.printf(
        Locale.ROOT, "  %-40s %-20s %-20s %-6s %s%n", "figure", "target", "measured", "result", "");
    for (final Target target : report.targets()) {
      out.printf(
          Locale.ROOT,
          "  %-40s %-20s %-20s %-6s %s%n",
          target.figure(),
          target.target(),
          target.measured(),
          target.result() == EndToEndReport.Result.NOT_JUDGED ? "-" : target.result().name(),
          target.note());
    }
  }
}
