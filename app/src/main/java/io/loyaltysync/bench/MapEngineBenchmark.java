package io.loyaltysync.bench;

import io.loyaltysync.cli.Main;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.MapRegistry;
import io.loyaltysync.mapping.RecordMapper;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.avro.generic.IndexedRecord;

/**
 * The map engine alone, in records/s per core (design.md, Performance): for every template and
 * direction, {@code RecordMapper.map} on in-memory records, the Avro binary encode and decode of
 * each side's entity record, and decode + map + encode together. Single-threaded, so a rate is a
 * rate per core.
 *
 * <p>No JMH: a warm-up pass over every case first, so the JIT sees the same mix of map plans,
 * converters and schemas as a job that syncs all three tables (measuring one plan alone in a fresh
 * JVM would flatter it); then measured iterations interleaved across the cases, so a burst of noise
 * from another process is spread over them instead of sinking one.
 *
 * <pre>java -cp loyalty-sync.jar io.loyaltysync.bench.MapEngineBenchmark [--json FILE] ...</pre>
 */
public final class MapEngineBenchmark {

  private static final int WARMUP_ROUNDS = 5;

  private long checksum;

  private MapEngineBenchmark() {}

  public static void main(final String[] args) {
    // Before any Avro class loads: the datum reader refuses classes from untrusted packages.
    Main.trustOurAvroPackage();
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(BenchmarkOptions.USAGE);
      return;
    }
    final BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (final IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    // A MISS is reported, not an error: the benchmark measures, it does not gate a build.
    run(options, System.out);
  }

  /** Builds the inputs, warms up, measures, prints the tables and writes the JSON if asked. */
  public static BenchmarkReport run(final BenchmarkOptions options, final PrintStream out) {
    return new MapEngineBenchmark().execute(options, out);
  }

  private BenchmarkReport execute(final BenchmarkOptions options, final PrintStream out) {
    final List<BenchmarkCase> cases = cases(MapRegistry.bundled(), options);
    out.printf(
        Locale.ROOT,
        "map engine benchmark: %d cases, warm-up %.1f s, then %d x %.2f s per case%n",
        cases.size(),
        options.warmupSeconds(),
        options.iterations(),
        options.iterationSeconds());
    if (options.warmupSeconds() > 0) {
      final long slice = nanos(options.warmupSeconds() / (WARMUP_ROUNDS * cases.size()));
      for (int round = 0; round < WARMUP_ROUNDS; round++) {
        cases.forEach(c -> measure(c, slice));
      }
    }
    // No System.gc() here: G1 would shrink the heap, and the first measured iterations would pay
    // for committing (on a VM, first-touch faulting) the memory again: it halved them.
    final double[][] samples = new double[cases.size()][options.iterations()];
    final long[] wall = new long[cases.size()];
    final long[] cpu = new long[cases.size()];
    final long budget = nanos(options.iterationSeconds());
    for (int iteration = 0; iteration < options.iterations(); iteration++) {
      for (int c = 0; c < cases.size(); c++) {
        final long cpuBefore = threadCpuNanos();
        final long wallBefore = System.nanoTime();
        samples[c][iteration] = measure(cases.get(c), budget);
        wall[c] += System.nanoTime() - wallBefore;
        cpu[c] += threadCpuNanos() - cpuBefore;
      }
      out.printf(Locale.ROOT, "  iteration %d/%d done%n", iteration + 1, options.iterations());
    }
    final List<BenchmarkReport.Result> results = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      final BenchmarkCase bench = cases.get(c);
      checksum = 31 * checksum + bench.retainedChecksum();
      results.add(
          new BenchmarkReport.Result(
              bench.kind(),
              bench.template(),
              bench.direction(),
              bench.side(),
              bench.template().entity(bench.side()).schema().getName(),
              bench.bytesPerRecord(),
              Stats.of(samples[c]),
              cpuKnown() ? Math.min(100, 100.0 * cpu[c] / wall[c]) : Double.NaN));
    }
    final BenchmarkReport report = new BenchmarkReport(options, environment(), results, checksum);
    report.print(out);
    if (options.json() != null) {
      report.writeJson(options.json());
      out.println("figures written to " + options.json().toAbsolutePath());
    }
    return report;
  }

  /** Runs whole passes over the case's pool until {@code budget} has elapsed; records/s. */
  private double measure(final BenchmarkCase bench, final long budget) {
    long records = 0;
    long folded = 0;
    final long start = System.nanoTime();
    long elapsed;
    do {
      folded += bench.pass();
      records += bench.poolSize();
      elapsed = System.nanoTime() - start;
    } while (elapsed < budget);
    checksum = 31 * checksum + folded;
    return records * 1e9 / elapsed;
  }

  /** Map, encode, decode and pipeline cases of every template, in the order they are reported. */
  static List<BenchmarkCase> cases(final MapRegistry registry, final BenchmarkOptions options) {
    final SampleRecords samples = new SampleRecords(options.seed());
    final List<BenchmarkCase> map = new ArrayList<>();
    final List<BenchmarkCase> encode = new ArrayList<>();
    final List<BenchmarkCase> decode = new ArrayList<>();
    final List<BenchmarkCase> pipeline = new ArrayList<>();
    for (final Template template : Template.values()) {
      final CompiledMap compiled = registry.current(template);
      final IndexedRecord[][] pools = new IndexedRecord[Side.values().length][];
      final byte[][][] encoded = new byte[Side.values().length][][];
      for (final Side side : Side.values()) {
        final IndexedRecord[] pool = samples.pool(template, side, options.poolSize());
        final AvroCodec codec = codec(template, side);
        final byte[][] bytes = new byte[pool.length][];
        long total = 0;
        for (int i = 0; i < pool.length; i++) {
          bytes[i] = codec.toBytes(pool[i]);
          total += bytes[i].length;
        }
        final double bytesPerRecord = (double) total / pool.length;
        pools[side.ordinal()] = pool;
        encoded[side.ordinal()] = bytes;
        encode.add(BenchmarkCase.encode(template, side, codec, pool, bytesPerRecord));
        decode.add(
            BenchmarkCase.decode(template, side, codec(template, side), bytes, bytesPerRecord));
      }
      for (final Direction direction : Direction.values()) {
        final RecordMapper mapper = compiled.records(direction);
        final IndexedRecord[] sources = pools[direction.source().ordinal()];
        for (final IndexedRecord source : sources) {
          BenchmarkCase.mapOrFail(mapper, source); // every input must map: fail before measuring
        }
        map.add(BenchmarkCase.map(template, direction, mapper, sources));
        pipeline.add(
            BenchmarkCase.pipeline(
                template,
                direction,
                codec(template, direction.source()),
                mapper,
                codec(template, direction.target()),
                encoded[direction.source().ordinal()]));
      }
    }
    final List<BenchmarkCase> all = new ArrayList<>(map);
    all.addAll(encode);
    all.addAll(decode);
    all.addAll(pipeline);
    return all;
  }

  private static AvroCodec codec(final Template template, final Side side) {
    return new AvroCodec(template.entity(side).schema());
  }

  /**
   * CPU time of this thread (0 when the JVM cannot tell). Against wall time it shows how long
   * another process kept the benchmark off the CPU.
   */
  private static long threadCpuNanos() {
    return cpuKnown() ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
  }

  private static boolean cpuKnown() {
    return ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported();
  }

  private static long nanos(final double seconds) {
    return Math.max(1, (long) (seconds * 1e9));
  }

  private static String environment() {
    final Runtime runtime = Runtime.getRuntime();
    final String collectors =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", "));
    final List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
    return String.format(
        Locale.ROOT,
        "%s %s, %d processors, max heap %d MiB, GC: %s%s",
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        runtime.availableProcessors(),
        runtime.maxMemory() >> 20,
        collectors,
        flags.isEmpty() ? "" : ", flags: " + String.join(" ", flags));
  }
}
