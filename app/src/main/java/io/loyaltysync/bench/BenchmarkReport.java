package io.loyaltysync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltysync.bench.BenchmarkCase.Kind;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of one run: printed as tables, and written as JSON with the same numbers.
 *
 * @param options the settings of the run
 * @param environment JVM, processors, heap and collectors, as printed
 * @param results one entry per measured case
 * @param checksum the folded results, printed so the JIT must compute them
 */
public record BenchmarkReport(
    BenchmarkOptions options, String environment, List<Result> results, long checksum) {

  /**
   * Records/s per core that ERP -> CRM loyalty card mapping must reach (design.md, Performance).
   */
  public static final double TARGET_RECORDS_PER_SECOND = 2_000_000;

  static final Template TARGET_TEMPLATE = Template.CARD;
  static final Direction TARGET_DIRECTION = Direction.ERP_TO_CRM;

  /**
   * The figures of one case.
   *
   * @param kind what was measured
   * @param template the template
   * @param direction the mapping direction; null for encode and decode
   * @param side the entity's side for encode and decode, else the source side
   * @param entity the Avro record name of that side's entity
   * @param bytesPerRecord average encoded size for encode and decode, else 0
   * @param rate records per second per iteration
   * @param onCpuPercent share of the measured wall time the benchmark thread was on a CPU; well
   *     under 100 means another process took the core and the figures are low; NaN if unknown
   */
  public record Result(
      Kind kind,
      Template template,
      Direction direction,
      Side side,
      String entity,
      double bytesPerRecord,
      Stats rate,
      double onCpuPercent) {}

  /** Below this share of time on a CPU, a case's figures are flagged as disturbed. */
  static final double QUIET_ON_CPU_PERCENT = 97;

  public BenchmarkReport {
    results = List.copyOf(results);
  }

  /** The results of one kind, in the order measured. */
  public List<Result> results(final Kind kind) {
    return results.stream().filter(r -> r.kind() == kind).toList();
  }

  /** The mapping or pipeline result of one template and direction. */
  public Optional<Result> find(
      final Kind kind, final Template template, final Direction direction) {
    return results(kind).stream()
        .filter(r -> r.template() == template && r.direction() == direction)
        .findFirst();
  }

  /** The encode or decode result of one template's entity on one side. */
  public Optional<Result> find(final Kind kind, final Template template, final Side side) {
    return results(kind).stream()
        .filter(r -> r.template() == template && r.side() == side)
        .findFirst();
  }

  /** The mean rate of ERP -> CRM card mapping against the target. */
  public boolean meetsTarget() {
    return targetResult().rate().mean() >= TARGET_RECORDS_PER_SECOND;
  }

  private Result targetResult() {
    return find(Kind.MAP, TARGET_TEMPLATE, TARGET_DIRECTION).orElseThrow();
  }

  // ---- text -------------------------------------------------------------------------------

  void print(final PrintStream out) {
    out.println();
    out.println("loyalty-sync map engine benchmark");
    out.println("  " + environment);
    out.printf(
        Locale.ROOT,
        "  1 thread, so records/s = records/s per core; %d iterations x %.2f s per case after %.1f s"
            + " warm-up, interleaved over %d cases; %d pre-built records per case, seed %d%n",
        options.iterations(),
        options.iterationSeconds(),
        options.warmupSeconds(),
        results.size(),
        options.poolSize(),
        options.seed());
    printRates(out, Kind.MAP, "Mapping: RecordMapper.map on in-memory source records");
    printCodec(out);
    printRates(out, Kind.PIPELINE, "Decode source bytes + map + encode target, per record");
    final Result target = targetResult();
    out.println();
    out.printf(
        Locale.ROOT,
        "Target: %s %s mapping >= %,.0f records/s per core: mean %,.0f (min %,.0f, median %,.0f)"
            + " -> %s%n",
        TARGET_TEMPLATE.id(),
        TARGET_DIRECTION.label(),
        TARGET_RECORDS_PER_SECOND,
        target.rate().mean(),
        target.rate().min(),
        target.rate().median(),
        meetsTarget() ? "PASS" : "MISS");
    printCpuShare(out);
    out.printf(Locale.ROOT, "checksum: %016x%n", checksum);
  }

  private void printCpuShare(final PrintStream out) {
    final List<Result> disturbed =
        results.stream().filter(r -> r.onCpuPercent() < QUIET_ON_CPU_PERCENT).toList();
    final double lowest =
        results.stream()
            .mapToDouble(Result::onCpuPercent)
            .filter(p -> !Double.isNaN(p))
            .min()
            .orElse(Double.NaN);
    out.printf(
        Locale.ROOT, "Benchmark thread on CPU: lowest case %.1f%% of its measured time%n", lowest);
    if (!disturbed.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "WARNING: %d case(s) below %.0f%% on CPU: another process competed for the cores, so"
              + " their figures are low; trust the median, or run again on a quiet machine%n",
          disturbed.size(),
          QUIET_ON_CPU_PERCENT);
    }
  }

  private void printRates(final PrintStream out, final Kind kind, final String title) {
    out.println();
    out.println(title);
    final boolean pipeline = kind == Kind.PIPELINE;
    out.printf(
        Locale.ROOT,
        "%-13s %-11s %12s %8s %12s %12s %12s %10s %7s%s%n",
        "template",
        "direction",
        "records/s",
        "stddev",
        "min",
        "median",
        "max",
        "ns/record",
        "on-CPU",
        pipeline ? "   sum of parts ns (dec+map+enc)" : "");
    for (final Result r : results(kind)) {
      out.printf(
          Locale.ROOT,
          "%-13s %-11s %,12.0f %7.1f%% %,12.0f %,12.0f %,12.0f %10.1f %6.1f%%%s%n",
          r.template().id(),
          r.direction().label(),
          r.rate().mean(),
          r.rate().relativeStddevPercent(),
          r.rate().min(),
          r.rate().median(),
          r.rate().max(),
          r.rate().nanosPerRecord(),
          r.onCpuPercent(),
          pipeline ? partsOf(r) : "");
    }
  }

  /** What the pipeline would cost if it were exactly its three measured parts. */
  private String partsOf(final Result pipeline) {
    final Template template = pipeline.template();
    final Direction direction = pipeline.direction();
    final double decode = nanos(find(Kind.DECODE, template, direction.source()));
    final double map = nanos(find(Kind.MAP, template, direction));
    final double encode = nanos(find(Kind.ENCODE, template, direction.target()));
    return String.format(
        Locale.ROOT, "   %.1f (%.1f + %.1f + %.1f)", decode + map + encode, decode, map, encode);
  }

  private static double nanos(final Optional<Result> result) {
    return result.map(r -> r.rate().nanosPerRecord()).orElse(Double.NaN);
  }

  private void printCodec(final PrintStream out) {
    out.println();
    out.println(
        "Avro binary codec per entity record: SpecificDatumWriter/Reader, reused"
            + " BinaryEncoder/BinaryDecoder, a fresh record per decode");
    out.printf(
        Locale.ROOT,
        "%-13s %-4s %-31s %6s %12s %7s %9s %12s %7s %9s%n",
        "template",
        "side",
        "entity",
        "bytes",
        "encode rec/s",
        "stddev",
        "ns/rec",
        "decode rec/s",
        "stddev",
        "ns/rec");
    for (final Result encode : results(Kind.ENCODE)) {
      final Result decode = find(Kind.DECODE, encode.template(), encode.side()).orElseThrow();
      out.printf(
          Locale.ROOT,
          "%-13s %-4s %-31s %6.1f %,12.0f %6.1f%% %9.1f %,12.0f %6.1f%% %9.1f%n",
          encode.template().id(),
          encode.side().name().toLowerCase(Locale.ROOT),
          encode.entity(),
          encode.bytesPerRecord(),
          encode.rate().mean(),
          encode.rate().relativeStddevPercent(),
          encode.rate().nanosPerRecord(),
          decode.rate().mean(),
          decode.rate().relativeStddevPercent(),
          decode.rate().nanosPerRecord());
    }
  }

  // ---- JSON -------------------------------------------------------------------------------

  ObjectNode toJson(final ObjectMapper json) {
    final ObjectNode root = json.createObjectNode();
    root.put("benchmark", "map-engine");
    root.put("environment", environment);
    final ObjectNode settings = root.putObject("settings");
    settings.put("warmupSeconds", options.warmupSeconds());
    settings.put("iterations", options.iterations());
    settings.put("iterationSeconds", options.iterationSeconds());
    settings.put("poolSize", options.poolSize());
    settings.put("seed", options.seed());
    settings.put("threads", 1);
    final Result target = targetResult();
    final ObjectNode goal = root.putObject("target");
    goal.put("template", TARGET_TEMPLATE.id());
    goal.put("direction", TARGET_DIRECTION.label());
    goal.put("recordsPerSecondPerCore", TARGET_RECORDS_PER_SECOND);
    goal.put("measuredMean", target.rate().mean());
    goal.put("judgedOn", "mean");
    goal.put("result", meetsTarget() ? "PASS" : "MISS");
    for (final Kind kind : Kind.values()) {
      final ArrayNode rows = root.putArray(kind.name().toLowerCase(Locale.ROOT));
      for (final Result r : results(kind)) {
        final ObjectNode row = rows.addObject();
        row.put("template", r.template().id());
        if (r.direction() != null) {
          row.put("direction", r.direction().label());
        }
        row.put("side", r.side().name().toLowerCase(Locale.ROOT));
        row.put("entity", r.entity());
        if (r.bytesPerRecord() > 0) {
          row.put("bytesPerRecord", r.bytesPerRecord());
        }
        final ObjectNode rate = row.putObject("recordsPerSecond");
        rate.put("mean", r.rate().mean());
        rate.put("stddev", r.rate().stddev());
        rate.put("min", r.rate().min());
        rate.put("median", r.rate().median());
        rate.put("max", r.rate().max());
        final ArrayNode samples = rate.putArray("samples");
        for (final double sample : r.rate().samples()) {
          samples.add(sample);
        }
        row.put("nsPerRecord", r.rate().nanosPerRecord());
        row.put("onCpuPercent", r.onCpuPercent());
      }
    }
    root.put("checksum", String.format(Locale.ROOT, "%016x", checksum));
    return root;
  }

  void writeJson(final Path file) {
    final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      final Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      json.writeValue(file.toFile(), toJson(json));
    } catch (final IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }
}
