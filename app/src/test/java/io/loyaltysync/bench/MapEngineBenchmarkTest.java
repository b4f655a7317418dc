package io.loyaltysync.bench;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltysync.bench.BenchmarkCase.Kind;
import io.loyaltysync.bench.BenchmarkReport.Result;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the harness for a few milliseconds: checks that it measures every case and reports the same
 * figures in its table and its JSON. It asserts nothing about speed; that is the benchmark's job.
 */
class MapEngineBenchmarkTest {

  private static final int ITERATIONS = 2;

  @TempDir static Path dir;

  private static BenchmarkReport report;
  private static String printed;
  private static JsonNode json;

  @BeforeAll
  static void runTheHarnessBriefly() throws Exception {
    final Path file = dir.resolve("figures/bench.json");
    final BenchmarkOptions options =
        BenchmarkOptions.parse(
            "--warmup-seconds", "0.01",
            "--iterations", String.valueOf(ITERATIONS),
            "--iteration-seconds", "0.001",
            "--pool-size", "64",
            "--json", file.toString());
    final ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
      report = MapEngineBenchmark.run(options, out);
    }
    printed = text.toString(StandardCharsets.UTF_8);
    json = new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void shouldMeasureMappingForEveryTemplateAndDirection() {
    final List<Result> map = report.results(Kind.MAP);
    assertEquals(Template.values().length * Direction.values().length, map.size());
    for (final Template template : Template.values()) {
      for (final Direction direction : Direction.values()) {
        final Result result = report.find(Kind.MAP, template, direction).orElseThrow();
        assertPositive(result);
        assertTrue(
            printed.contains(String.format("%-13s %-11s", template.id(), direction.label())),
            "table row for " + template.id() + " " + direction.label());
      }
    }
  }

  @Test
  void shouldMeasureTheCodecOfEverySidesEntityAndTheWholePipeline() {
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        final Result encode = report.find(Kind.ENCODE, template, side).orElseThrow();
        assertPositive(encode);
        assertTrue(encode.bytesPerRecord() > 0, "encoded size of " + encode.entity());
        assertPositive(report.find(Kind.DECODE, template, side).orElseThrow());
      }
      for (final Direction direction : Direction.values()) {
        assertPositive(report.find(Kind.PIPELINE, template, direction).orElseThrow());
      }
    }
  }

  @Test
  void shouldWriteTheSameFiguresToJson() {
    final List<Executable> checks = new ArrayList<>();
    for (final Kind kind : Kind.values()) {
      final JsonNode rows = json.path(kind.name().toLowerCase(Locale.ROOT));
      final List<Result> results = report.results(kind);
      assertEquals(results.size(), rows.size(), kind + " rows");
      for (int i = 0; i < results.size(); i++) {
        final Result result = results.get(i);
        final JsonNode row = rows.get(i);
        checks.add(() -> assertEquals(result.template().id(), row.path("template").asText()));
        if (result.direction() != null) {
          checks.add(
              () -> assertEquals(result.direction().label(), row.path("direction").asText()));
        }
        final JsonNode rate = row.path("recordsPerSecond");
        checks.add(() -> assertEquals(result.rate().mean(), rate.path("mean").asDouble(-1)));
        checks.add(() -> assertEquals(result.rate().min(), rate.path("min").asDouble(-1)));
        checks.add(() -> assertEquals(result.rate().median(), rate.path("median").asDouble(-1)));
        checks.add(() -> assertEquals(result.rate().max(), rate.path("max").asDouble(-1)));
        checks.add(() -> assertEquals(ITERATIONS, rate.path("samples").size()));
        checks.add(() -> assertEquals(result.onCpuPercent(), row.path("onCpuPercent").asDouble()));
        checks.add(
            () ->
                assertEquals(result.rate().nanosPerRecord(), row.path("nsPerRecord").asDouble(-1)));
      }
    }
    assertEquals(6, json.path("map").size());
    assertAll(checks);
  }

  @Test
  void shouldReportTheCardTargetAsPassOrMissInBothOutputs() {
    final String verdict = report.meetsTarget() ? "PASS" : "MISS";
    assertTrue(printed.contains("-> " + verdict), printed);
    assertEquals(verdict, json.path("target").path("result").asText());
    assertEquals(
        report.find(Kind.MAP, Template.CARD, Direction.ERP_TO_CRM).orElseThrow().rate().mean(),
        json.path("target").path("measuredMean").asDouble(-1));
    assertEquals(String.format("%016x", report.checksum()), json.path("checksum").asText());
  }

  @Test
  void shouldRefuseAnUnknownOrIncompleteOption() {
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--threads", "2"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--iterations"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse("--iterations", "0"));
  }

  private static void assertPositive(final Result result) {
    final String name = result.kind() + " " + result.template() + " " + result.side();
    assertTrue(result.rate().mean() > 0 && Double.isFinite(result.rate().mean()), name);
    assertTrue(result.rate().min() > 0, name);
    assertEquals(ITERATIONS, result.rate().samples().length, name);
  }
}
