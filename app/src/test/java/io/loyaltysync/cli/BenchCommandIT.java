package io.loyaltysync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench} as a user runs it, in-process and tiny, on its own embedded broker: every phase
 * runs and every figure lands in the JSON with a sane value. It asserts nothing about speed; the
 * targets are judged by the benchmark, on a quiet machine.
 */
class BenchCommandIT {

  private static final int EVENTS = 3_000;
  private static final int CARDS = 2_000;

  @TempDir static Path dir;

  private static int exitCode;
  private static String out;
  private static String err;
  private static JsonNode json;

  @BeforeAll
  static void runATinyBench() throws Exception {
    Main.trustOurAvroPackage();
    final Path file = dir.resolve("bench.json");
    final Commands.Result bench =
        Commands.run(
            "bench",
            "--quick",
            "--events",
            String.valueOf(EVENTS),
            "--keys",
            "300",
            "--initial-sync-cards",
            String.valueOf(CARDS),
            "--latency-seconds",
            "2",
            "--warmup-seconds",
            "1",
            "--json",
            file.toString());
    exitCode = bench.exitCode();
    out = bench.out();
    err = bench.err();
    json = exitCode == 0 ? new ObjectMapper().readTree(file.toFile()) : null;
  }

  @Test
  void shouldRunEveryPhaseAndPrintTheTableWithEveryTarget() {
    assertEquals(0, exitCode, err);
    for (final String phase :
        new String[] {
          "load", "pipeline", "pass-through", "latency", "initial-sync", "map-engine"
        }) {
      assertTrue(err.contains("] " + phase), "no progress of " + phase + ":\n" + err);
    }
    assertTrue(out.contains("pipeline throughput (exactly_once_v2)"), out);
    assertTrue(out.contains("pipeline / pass-through"), out);
    assertTrue(out.contains("p99 latency at 50% load"), out);
    assertTrue(out.contains("initial sync of 1,000,000 cards"), out);
    assertTrue(out.contains("heap at 1,000,000 keys"), out);
    assertTrue(out.contains("Figures written to"), out);
  }

  @Test
  void shouldMeasureThroughputOfTheJobAndThePassThroughOnTheSameEvents() {
    assertEquals(0, exitCode, err);
    final JsonNode pipeline = json.path("pipeline");
    assertEquals(EVENTS, pipeline.path("inputRecords").asLong());
    assertTrue(pipeline.path("inputRecordsPerSecond").asDouble() > 0, pipeline.toString());
    assertTrue(pipeline.path("outputRecords").asLong() > 0, pipeline.toString());
    assertTrue(pipeline.path("cpuMicrosPerInputRecord").asDouble() > 0, pipeline.toString());
    assertEquals("exactly_once_v2", json.path("settings").path("processingGuarantee").asText());
    // the job read every event, wrote what its accounting says, and dead-lettered none
    final JsonNode accounting = pipeline.path("accounting");
    assertEquals(EVENTS, accounting.path("records-in-total").asLong(), accounting.toString());
    assertEquals(pipeline.path("outputRecords").asLong(), accounting.path("writes-total").asLong());
    assertEquals(0, accounting.path("records-dead-lettered-total").asLong());
    assertTrue(accounting.path("records-echo-suppressed-total").asLong() > 0);
    final JsonNode passThrough = json.path("passThrough");
    assertEquals(EVENTS, passThrough.path("outputRecords").asLong());
    assertTrue(passThrough.path("inputRecordsPerSecond").asDouble() > 0);
    assertTrue(json.path("ratio").asDouble() > 0, json.toString());
  }

  @Test
  void shouldMeasureLatencyAtFullAndAtHalfLoad() {
    assertEquals(0, exitCode, err);
    final JsonNode runs = json.path("latency");
    assertEquals(2, runs.size(), runs.toString());
    assertEquals(100, runs.get(0).path("loadPercent").asInt());
    assertEquals(50, runs.get(1).path("loadPercent").asInt());
    for (final JsonNode run : runs) {
      assertTrue(run.path("samples").asLong() > 0, run.toString());
      assertTrue(run.path("p50Millis").asLong() >= 0, run.toString());
      assertTrue(run.path("p50Millis").asLong() <= run.path("p99Millis").asLong(), run.toString());
      assertTrue(run.path("p99Millis").asLong() <= run.path("maxMillis").asLong(), run.toString());
      assertTrue(run.path("sentRecordsPerSecond").asDouble() > 0, run.toString());
    }
  }

  @Test
  void shouldSyncEveryInitialCardAndMeasureTheStoreAndTheMemory() {
    assertEquals(0, exitCode, err);
    final JsonNode sync = json.path("initialSync");
    assertEquals(CARDS, sync.path("cards").asInt());
    assertEquals(CARDS, sync.path("outputRecords").asLong());
    assertTrue(sync.path("seconds").asDouble() > 0, sync.toString());
    assertTrue(sync.path("storeBytesPer1000Keys").asDouble() > 0, sync.toString());
    final JsonNode memory = json.path("memory");
    assertTrue(memory.path("heapPeakUsedBytes").asLong() > 0, memory.toString());
    assertTrue(memory.path("initialSyncLiveHeapBytes").asLong() > 0, memory.toString());
    assertTrue(
        memory.path("heapPeakUsedBytes").asLong()
            <= json.path("machine").path("maxHeapBytes").asLong());
    assertTrue(memory.path("rssPeakBytes").asLong() > 0, memory.toString());
  }

  @Test
  void shouldReportTheMapEngineAndTheMachine() {
    assertEquals(0, exitCode, err);
    assertEquals(6, json.path("mapEngine").size());
    for (final JsonNode row : json.path("mapEngine")) {
      assertTrue(row.path("mapRecordsPerSecondPerCore").asDouble() > 0, row.toString());
      assertTrue(row.path("decodeMapEncodeRecordsPerSecondPerCore").asDouble() > 0);
    }
    final JsonNode machine = json.path("machine");
    assertTrue(machine.path("cores").asInt() > 0);
    assertTrue(machine.path("kafka").asText().startsWith("4."), machine.toString());
    assertTrue(json.path("commandLine").asText().startsWith("bench --quick --events 3000"));
    assertTrue(json.path("embeddedBroker").asBoolean());
    assertEquals(6, json.path("targets").size());
  }
}
