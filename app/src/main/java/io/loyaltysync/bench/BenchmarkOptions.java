package io.loyaltysync.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Settings of one map-engine benchmark run. The defaults make a run of about a minute on the
 * reference 2-core machine: long enough for C2 to settle, short enough to repeat when figures look
 * noisy. Many short iterations rather than a few long ones, so a burst of other work on the machine
 * spoils a few samples (visible in min and stddev, not in the median) instead of a whole case.
 *
 * @param warmupSeconds total warm-up, spread over every case before anything is measured
 * @param iterations measured iterations of every case
 * @param iterationSeconds length of one measured iteration of one case
 * @param poolSize pre-built records per case, cycled; each pass maps the whole pool
 * @param seed seed of the record generator, so two runs measure the same records
 * @param json where to also write the figures as JSON; null for none
 */
public record BenchmarkOptions(
    double warmupSeconds,
    int iterations,
    double iterationSeconds,
    int poolSize,
    long seed,
    Path json) {

  public static final double DEFAULT_WARMUP_SECONDS = 10;
  public static final int DEFAULT_ITERATIONS = 10;
  public static final double DEFAULT_ITERATION_SECONDS = 0.2;
  public static final int DEFAULT_POOL_SIZE = 4096;
  public static final long DEFAULT_SEED = 20_240_601L;

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "usage: java -cp loyalty-sync.jar io.loyaltysync.bench.MapEngineBenchmark [options]",
          "  --warmup-seconds S     total warm-up over all cases (default "
              + DEFAULT_WARMUP_SECONDS
              + ")",
          "  --iterations N         measured iterations per case (default "
              + DEFAULT_ITERATIONS
              + ")",
          "  --iteration-seconds S  length of one iteration of one case (default "
              + DEFAULT_ITERATION_SECONDS
              + ")",
          "  --pool-size N          pre-built records per case, cycled (default "
              + DEFAULT_POOL_SIZE
              + ")",
          "  --seed N               record generator seed (default " + DEFAULT_SEED + ")",
          "  --json FILE            also write the figures as JSON to FILE",
          "  --help                 print this text");

  public BenchmarkOptions {
    if (!(warmupSeconds >= 0)) {
      throw new IllegalArgumentException("--warmup-seconds must be >= 0, was " + warmupSeconds);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("--iterations must be >= 1, was " + iterations);
    }
    if (!(iterationSeconds > 0)) {
      throw new IllegalArgumentException(
          "--iteration-seconds must be > 0, was " + iterationSeconds);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("--pool-size must be >= 1, was " + poolSize);
    }
  }

  public static BenchmarkOptions defaults() {
    return new BenchmarkOptions(
        DEFAULT_WARMUP_SECONDS,
        DEFAULT_ITERATIONS,
        DEFAULT_ITERATION_SECONDS,
        DEFAULT_POOL_SIZE,
        DEFAULT_SEED,
        null);
  }

  /**
   * Reads {@code --name value} pairs over the defaults.
   *
   * @throws IllegalArgumentException naming the option that is unknown, incomplete or invalid
   */
  public static BenchmarkOptions parse(final String... args) {
    double warmup = DEFAULT_WARMUP_SECONDS;
    int iterations = DEFAULT_ITERATIONS;
    double iterationSeconds = DEFAULT_ITERATION_SECONDS;
    int poolSize = DEFAULT_POOL_SIZE;
    long seed = DEFAULT_SEED;
    Path json = null;
    for (int i = 0; i < args.length; i += 2) {
      final String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + ": needs a value");
      }
      final String value = args[i + 1];
      try {
        switch (name.toLowerCase(Locale.ROOT)) {
          case "--warmup-seconds" -> warmup = Double.parseDouble(value);
          case "--iterations" -> iterations = Integer.parseInt(value);
          case "--iteration-seconds" -> iterationSeconds = Double.parseDouble(value);
          case "--pool-size" -> poolSize = Integer.parseInt(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--json" -> json = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      } catch (final NumberFormatException e) {
        throw new IllegalArgumentException(name + ": not a number: " + value, e);
      }
    }
    return new BenchmarkOptions(warmup, iterations, iterationSeconds, poolSize, seed, json);
  }

  /** The same settings, writing JSON to {@code file}. */
  public BenchmarkOptions withJson(final Path file) {
    return new BenchmarkOptions(warmupSeconds, iterations, iterationSeconds, poolSize, seed, file);
  }
}
