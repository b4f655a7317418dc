package io.loyaltysync.bench;

import java.util.Arrays;

/**
 * Summary of the per-iteration rates of one case, in records per second.
 *
 * @param mean arithmetic mean of the iterations
 * @param stddev sample standard deviation (0 for a single iteration)
 * @param min slowest iteration
 * @param median middle iteration (mean of the middle two for an even count): unlike the mean, not
 *     dragged down by one iteration that another process interrupted
 * @param max fastest iteration
 * @param samples every iteration, in the order measured
 */
public record Stats(
    double mean, double stddev, double min, double median, double max, double[] samples) {

  public Stats {
    samples = samples.clone();
  }

  static Stats of(final double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    final double mean = Arrays.stream(samples).average().orElseThrow();
    double squares = 0;
    for (final double sample : samples) {
      squares += (sample - mean) * (sample - mean);
    }
    final double stddev = samples.length > 1 ? Math.sqrt(squares / (samples.length - 1)) : 0;
    final double[] sorted = samples.clone();
    Arrays.sort(sorted);
    final int middle = sorted.length / 2;
    final double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return new Stats(mean, stddev, sorted[0], median, sorted[sorted.length - 1], samples);
  }

  @Override
  public double[] samples() {
    return samples.clone();
  }

  /** Nanoseconds per record at the mean rate. */
  public double nanosPerRecord() {
    return 1e9 / mean;
  }

  /** Standard deviation as a percentage of the mean. */
  public double relativeStddevPercent() {
    return 100 * stddev / mean;
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof Stats that
        && mean == that.mean
        && stddev == that.stddev
        && min == that.min
        && median == that.median
        && max == that.max
        && Arrays.equals(samples, that.samples);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(mean) + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "Stats[mean="
        + mean
        + ", stddev="
        + stddev
        + ", samples="
        + Arrays.toString(samples)
        + "]";
  }
}
