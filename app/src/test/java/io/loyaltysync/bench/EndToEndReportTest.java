package io.loyaltysync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltysync.bench.BenchmarkCase.Kind;
import io.loyaltysync.bench.EndToEndReport.Result;
import io.loyaltysync.bench.EndToEndReport.Target;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench report: each figure judged against its target, and the same figures in both forms. */
class EndToEndReportTest {

  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void shouldPassEveryTargetTheFiguresMeet() {
    // Given figures that meet every target
    final EndToEndReport report =
        report("exactly_once_v2", 45_000, 60_000, 50, 120, 1_000_000, 80, 300 * MIB, 3_000_000);

    // Then each is judged PASS
    for (final Target target : report.targets()) {
      assertEquals(Result.PASS, target.result(), target.toString());
    }
    assertEquals(0.75, report.ratio(), 1e-9);
  }

  @Test
  void shouldMissBelowTheTargetsAndProjectASmallerInitialSyncToAMillionCards() {
    // Given figures below the targets, and an initial sync of 200,000 cards in 20 s
    final EndToEndReport report =
        report("exactly_once_v2", 30_000, 60_000, 50, 300, 200_000, 20, 600 * MIB, 1_000_000);

    // Then every target is missed; the sync is judged as 100 s for a million cards
    final List<Target> targets = report.targets();
    for (final Target target : targets) {
      assertEquals(Result.MISS, target.result(), target.toString());
    }
    final Target sync = find(targets, "initial sync");
    assertEquals(100, sync.value(), 1e-9);
    assertEquals("projected from 200,000 cards in 20.0 s", sync.note());
    assertTrue(find(targets, "heap").note().contains("at 200,000 keys"));
  }

  @Test
  void shouldNotJudgeTheLatencyTargetOnARunAtAnotherLoad() {
    final EndToEndReport report =
        report("exactly_once_v2", 45_000, 60_000, 60, 120, 1_000_000, 80, 300 * MIB, 3_000_000);

    final Target latency = find(report.targets(), "p99");
    assertEquals(Result.NOT_JUDGED, latency.result());
    assertEquals("measured at 60% load", latency.note());
  }

  @Test
  void shouldNotJudgeTheThroughputTargetMeasuredUnderAnotherGuarantee() {
    final EndToEndReport report =
        report("at_least_once", 45_000, 60_000, 50, 120, 1_000_000, 80, 300 * MIB, 3_000_000);

    final Target throughput = report.targets().get(0);
    assertEquals(Result.NOT_JUDGED, throughput.result());
    assertEquals("measured under at_least_once", throughput.note());
  }

  @Test
  void shouldWriteEveryFigureToTheJsonAndTheTable() throws Exception {
    // Given a full report
    final EndToEndReport report =
        report("exactly_once_v2", 45_000, 60_000, 50, 120, 1_000_000, 80, 300 * MIB, 3_000_000);

    // When written as JSON and printed
    final Path file = dir.resolve("out/bench.json");
    report.writeJson(file);
    final JsonNode json = new ObjectMapper().readTree(file.toFile());
    final StringWriter text = new StringWriter();
    report.print(new PrintWriter(text));
    final String table = text.toString();

    // Then the JSON holds every figure, with the machine facts and the settings
    assertEquals("end-to-end", json.path("benchmark").asText());
    assertTrue(json.path("machine").path("cores").asInt() > 0);
    assertFalse(json.path("machine").path("kafka").asText().isEmpty());
    assertEquals(1_000_000, json.path("settings").path("events").asInt());
    assertEquals("bench --events 1000000", json.path("commandLine").asText());
    assertEquals(45_000, json.path("pipeline").path("inputRecordsPerSecond").asDouble(), 1e-6);
    assertEquals(900_000, json.path("pipeline").path("accounting").path("writes-total").asLong());
    assertEquals(25, json.path("pipeline").path("cpuMicrosPerInputRecord").asDouble(), 1e-9);
    assertEquals(50, json.path("pipeline").path("streamThreadBusyPercent").asDouble(), 1e-9);
    assertEquals("5", json.path("options").path("kafka.linger.ms").asText());
    assertEquals("exactly_once_v2", json.path("settings").path("processingGuarantee").asText());
    assertEquals(60_000, json.path("passThrough").path("inputRecordsPerSecond").asDouble(), 1e-6);
    assertEquals(0.75, json.path("ratio").asDouble(), 1e-9);
    assertEquals(2, json.path("latency").size());
    assertEquals(120, json.path("latency").get(1).path("p99Millis").asLong());
    assertEquals(80, json.path("initialSync").path("seconds").asDouble(), 1e-9);
    assertEquals(350_000, json.path("initialSync").path("storeBytesPer1000Keys").asDouble(), 1e-6);
    assertEquals(300 * MIB, json.path("memory").path("initialSyncHeapPeakAfterGcBytes").asLong());
    assertEquals(6, json.path("mapEngine").size());
    assertEquals(6, json.path("targets").size());
    assertEquals("PASS", json.path("targets").get(0).path("result").asText());
    // and the table shows the same figures, each target with its verdict
    assertTrue(table.contains("45,000"), table);
    assertTrue(table.contains("ratio pipeline / pass-through: 0.75"), table);
    assertTrue(table.contains("p99 latency at 50% load"), table);
    assertEquals(6, table.lines().filter(line -> line.contains(" PASS ")).count(), table);
  }

  @Test
  void shouldWriteNullForEveryPhaseThatWasSkipped() throws Exception {
    final EndToEndReport full =
        report("exactly_once_v2", 45_000, 60_000, 50, 120, 1_000_000, 80, 300 * MIB, 3_000_000);
    final EndToEndReport skipped =
        new EndToEndReport(
            full.machine(),
            full.settings(),
            full.commandLine(),
            full.cluster(),
            full.options(),
            full.load(),
            full.pipeline(),
            null,
            List.of(),
            null,
            new EndToEndReport.Memory(100, 50, 0, -1, -1, 200),
            null);

    final Path file = dir.resolve("skipped.json");
    skipped.writeJson(file);
    final JsonNode json = new ObjectMapper().readTree(file.toFile());

    assertTrue(json.path("passThrough").isNull());
    assertTrue(json.path("ratio").isNull());
    assertTrue(json.path("initialSync").isNull());
    assertTrue(json.path("mapEngine").isNull());
    assertEquals(0, json.path("latency").size());
    assertEquals("PASS", json.path("targets").get(0).path("result").asText());
    assertEquals(Result.NOT_JUDGED, find(skipped.targets(), "pass-through").result());
  }

  // ---- builders ---------------------------------------------------------------------------------

  private static EndToEndReport report(
      final String guarantee,
      final double pipelineRate,
      final double passThroughRate,
      final int loadPercent,
      final long p99,
      final int cards,
      final double syncSeconds,
      final long heap,
      final double mapRate) {
    final EndToEndSettings settings =
        new EndToEndSettings(
            1_000_000,
            100_000,
            0.3,
            0.01,
            cards,
            loadPercent,
            1,
            (short) 1,
            30,
            5,
            Duration.ofSeconds(120),
            1,
            guarantee,
            EndToEndSettings.Phases.all(),
            BenchmarkOptions.defaults());
    return new EndToEndReport(
        EndToEndReport.Machine.current(),
        settings,
        "bench --events 1000000",
        "embedded broker in this JVM",
        Map.of("kafka.linger.ms", "5"),
        new EndToEndReport.Load(
            1_000_000, 100_000, Map.of(GeneratedEvent.Kind.UPDATE, 1_000_000L), 150 * MIB, 8),
        run(pipelineRate, Map.of(Counter.IN, 1_000_000L, Counter.WRITES, 900_000L)),
        run(passThroughRate, Map.of()),
        List.of(
            latencyRun("full load", 100, p99 * 10),
            latencyRun(loadPercent + "% load", loadPercent, p99)),
        new EndToEndReport.InitialSync(
            cards,
            3,
            new Throughput(cards, cards, 0, (long) (syncSeconds * 900), syncSeconds),
            cards * 350L),
        new EndToEndReport.Memory(heap * 2, heap, cards, heap, heap / 2, 900 * MIB),
        mapEngine(mapRate));
  }

  private static EndToEndReport.Run run(final double rate, final Map<Counter, Long> counters) {
    // the outputs of 20 s worth of inputs, appended over exactly 20 s
    // and the topology spent 25 us of CPU per input, half the elapsed time on its stream thread
    final long inputs = Math.round(rate * 20);
    return new EndToEndReport.Run(
        new Throughput(inputs, inputs * 9 / 10, 10_000, 30_000, 22, 11, inputs * 25e-6), counters);
  }

  private static EndToEndReport.LatencyRun latencyRun(
      final String label, final int percent, final long p99) {
    return new EndToEndReport.LatencyRun(
        label,
        percent,
        20_000,
        20_000,
        19_990,
        new Latencies.Summary(100_000, p99 / 4, p99 / 2, p99, p99 * 2, p99 / 3.0));
  }

  private static BenchmarkReport mapEngine(final double rate) {
    final List<BenchmarkReport.Result> results = new ArrayList<>();
    for (final Kind kind : List.of(Kind.MAP, Kind.PIPELINE)) {
      for (final Template template : Template.values()) {
        for (final Direction direction : Direction.values()) {
          results.add(
              new BenchmarkReport.Result(
                  kind,
                  template,
                  direction,
                  direction.source(),
                  template.entity(direction.source()).schema().getName(),
                  0,
                  Stats.of(new double[] {rate, rate}),
                  100));
        }
      }
    }
    return new BenchmarkReport(BenchmarkOptions.defaults(), "test", results, 0);
  }

  private static Target find(final List<Target> targets, final String figure) {
    return targets.stream().filter(t -> t.figure().contains(figure)).findFirst().orElseThrow();
  }
}
