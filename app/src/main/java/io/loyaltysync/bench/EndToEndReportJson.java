package io.loyaltysync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The report as JSON, the same figures as the table: rates in records per second, times in seconds,
 * latencies in milliseconds, sizes in bytes. A skipped phase is null.
 */
final class EndToEndReportJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EndToEndReportJson() {}

  static ObjectNode toJson(final EndToEndReport report) {
    final ObjectNode root = JSON.createObjectNode();
    root.put("benchmark", "end-to-end");
    root.put("commandLine", report.commandLine());
    root.put("cluster", report.cluster());
    root.put("embeddedBroker", report.embeddedCluster());
    final ObjectNode options = root.putObject("options");
    new TreeMap<>(report.options()).forEach(options::put);
    machine(root.putObject("machine"), report.machine());
    settings(root.putObject("settings"), report.settings());
    final EndToEndReport.Load load = report.load();
    final ObjectNode loaded = root.putObject("load");
    loaded.put("events", load.events());
    loaded.put("rows", load.rows());
    loaded.put("bytes", load.bytes());
    loaded.put("seconds", load.seconds());
    loaded.put("eventsPerSecond", load.perSecond());
    loaded.put("compression", "none");
    final ObjectNode kinds = loaded.putObject("kinds");
    for (final GeneratedEvent.Kind kind : GeneratedEvent.Kind.values()) {
      kinds.put(kind.name().toLowerCase(Locale.ROOT), load.kinds().getOrDefault(kind, 0L));
    }
    run(root.putObject("pipeline"), report.pipeline());
    if (report.passThrough() == null) {
      root.putNull("passThrough");
      root.putNull("ratio");
    } else {
      run(root.putObject("passThrough"), report.passThrough());
      root.put("ratio", report.ratio());
    }
    final ArrayNode latency = root.putArray("latency");
    for (final LatencyRun run : report.latency()) {
      latency(latency.addObject(), run);
    }
    initialSync(root, report.initialSync());
    memory(root.putObject("memory"), report.memory(), report.embeddedCluster());
    mapEngine(root, report.mapEngine());
    final ArrayNode targets = root.putArray("targets");
    for (final Target target : report.targets()) {
      final ObjectNode node = targets.addObject();
      node.put("figure", target.figure());
      node.put("target", target.target());
      node.put("measured", target.measured());
      if (Double.isNaN(target.value())) {
        node.putNull("value");
      } else {
        node.put("value", target.value());
      }
      node.put("result", target.result().name());
      node.put("note", target.note());
    }
    return root;
  }

  static void write(final EndToEndReport report, final Path file) {
    try {
      final Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), toJson(report));
    } catch (final IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  private static void machine(final ObjectNode node, final Machine machine) {
    node.put("cores", machine.cores());
    node.put("maxHeapBytes", machine.maxHeapBytes());
    node.put("java", machine.java());
    node.put("jvm", machine.jvm());
    node.put("collectors", machine.collectors());
    final ArrayNode flags = node.putArray("jvmFlags");
    machine.jvmFlags().forEach(flags::add);
    node.put("kafka", machine.kafka());
    node.put("os", machine.os());
  }

  private static void settings(final ObjectNode node, final EndToEndSettings settings) {
    node.put("events", settings.events());
    node.put("keys", settings.keys());
    node.put("echoRate", settings.echoRate());
    node.put("conflictRate", settings.conflictRate());
    node.put("initialSyncCards", settings.initialSyncCards());
    node.put("loadPercent", settings.loadPercent());
    node.put("partitions", settings.partitions());
    node.put("replicationFactor", settings.replicationFactor());
    node.put("latencySeconds", settings.latencySeconds());
    node.put("warmupSeconds", settings.warmupSeconds());
    node.put("seed", settings.seed());
    node.put("processingGuarantee", settings.processingGuarantee());
  }

  private static void run(final ObjectNode node, final Run run) {
    final Throughput t = run.throughput();
    node.put("inputRecords", t.inputRecords());
    node.put("outputRecords", t.outputRecords());
    node.put("windowSeconds", t.windowSeconds());
    node.put("elapsedSeconds", t.elapsedSeconds());
    node.put("inputRecordsPerSecond", t.inputPerSecond());
    node.put("outputRecordsPerSecond", t.outputPerSecond());
    putOrNull(node, "streamThreadCpuSeconds", t.streamThreadCpuSeconds());
    putOrNull(node, "streamThreadBusyPercent", t.streamThreadBusyPercent());
    putOrNull(node, "topologyCpuSeconds", t.topologyCpuSeconds());
    putOrNull(node, "cpuMicrosPerInputRecord", t.cpuMicrosPerInputRecord());
    if (!run.counters().isEmpty()) {
      final ObjectNode counters = node.putObject("accounting");
      for (final Counter counter : Counter.values()) {
        counters.put(counter.metric(), run.counters().getOrDefault(counter, 0L));
      }
    }
  }

  private static void putOrNull(final ObjectNode node, final String name, final double value) {
    if (Double.isNaN(value)) {
      node.putNull(name);
    } else {
      node.put(name, value);
    }
  }

  private static void latency(final ObjectNode node, final LatencyRun run) {
    node.put("label", run.label());
    node.put("loadPercent", run.loadPercent());
    node.put("offeredRecordsPerSecond", run.offeredPerSecond());
    node.put("sentRecordsPerSecond", run.sentPerSecond());
    node.put("processedRecordsPerSecond", run.processedPerSecond());
    final Latencies.Summary summary = run.latency();
    node.put("samples", summary.count());
    node.put("p50Millis", summary.p50Millis());
    node.put("p95Millis", summary.p95Millis());
    node.put("p99Millis", summary.p99Millis());
    node.put("maxMillis", summary.maxMillis());
    node.put("meanMillis", summary.meanMillis());
  }

  private static void initialSync(final ObjectNode root, final InitialSync sync) {
    if (sync == null) {
      root.putNull("initialSync");
      return;
    }
    final ObjectNode node = root.putObject("initialSync");
    node.put("cards", sync.cards());
    node.put("loadSeconds", sync.loadSeconds());
    node.put("seconds", sync.seconds());
    node.put("cardsPerSecond", sync.cardsPerSecond());
    node.put("outputRecords", sync.throughput().outputRecords());
    node.put("storeBytes", sync.storeBytes());
    node.put("storeBytesPer1000Keys", sync.storeBytesPerThousandKeys());
  }

  private static void memory(final ObjectNode node, final Memory memory, final boolean embedded) {
    node.put(
        "scope",
        "the whole JVM: the job, "
            + (embedded ? "the embedded broker, " : "")
            + "the load generator and the measuring clients");
    node.put("heapPeakUsedBytes", memory.heapPeakUsed());
    node.put("heapPeakAfterGcBytes", memory.heapPeakAfterGc());
    node.put("initialSyncKeys", memory.initialSyncKeys());
    node.put("initialSyncHeapPeakAfterGcBytes", memory.initialSyncHeapAfterGc());
    node.put("initialSyncLiveHeapBytes", memory.initialSyncLiveHeap());
    node.put("rssPeakBytes", memory.rssPeak());
  }

  private static void mapEngine(final ObjectNode root, final BenchmarkReport engine) {
    if (engine == null) {
      root.putNull("mapEngine");
      return;
    }
    final ArrayNode rows = root.putArray("mapEngine");
    for (final Template template : Template.values()) {
      for (final Direction direction : Direction.values()) {
        final ObjectNode row = rows.addObject();
        row.put("template", template.id());
        row.put("direction", direction.label());
        row.put(
            "mapRecordsPerSecondPerCore",
            EndToEndReportText.mean(engine, Kind.MAP, template, direction));
        row.put(
            "decodeMapEncodeRecordsPerSecondPerCore",
            EndToEndReportText.mean(engine, Kind.PIPELINE, template, direction));
      }
    }
  }
}
