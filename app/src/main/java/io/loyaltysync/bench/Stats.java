package io.loyaltysync.bench;

import java.util.Arrays;

/**
 * Summary of the per-iteration rates of one case, in records per second.
 *
 * @param mean arithmetic mean of the iterations
 * @param stddev sample standard deviation (0 for a single iteration)
 * @param min slowest iteration
 * @param max fastest iteration
 * @param samples every iteration, in the order measured
 */
public record Stats(double mean, double stddev, double min, double max, double[] samples) {

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
    return new Stats(
        mean,
        stddev,
        Arrays.stream(samples).min().orElseThrow(),
        Arrays.stream(samples).max().orElseThrow(),
        samples);
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
