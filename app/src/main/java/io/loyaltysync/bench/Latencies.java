package io.loyaltysync.bench;

import java.util.Arrays;

/**
 * End-to-end latencies in milliseconds, kept exactly (a growable array of longs, sorted once when
 * summarised), so percentiles are exact rather than bucketed. Not thread-safe.
 */
final class Latencies {

  private long[] values = new long[1024];
  private int count;

  void record(final long millis) {
    if (count == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[count++] = millis;
  }

  int count() {
    return count;
  }

  /** Forgets every latency recorded. */
  void clear() {
    count = 0;
  }

  /** The percentiles of everything recorded so far. */
  Summary summary() {
    return Summary.of(Arrays.copyOf(values, count));
  }

  /**
   * Percentiles of a set of latencies, by the nearest-rank method: p is the smallest value that at
   * least p percent of the samples do not exceed.
   *
   * @param count samples
   * @param p50Millis median
   * @param p95Millis 95th percentile
   * @param p99Millis 99th percentile
   * @param maxMillis largest
   * @param meanMillis arithmetic mean
   */
  record Summary(
      long count,
      long p50Millis,
      long p95Millis,
      long p99Millis,
      long maxMillis,
      double meanMillis) {

    /** Sorts {@code samples} in place; all zeros when there are none. */
    static Summary of(final long[] samples) {
      if (samples.length == 0) {
        return new Summary(0, 0, 0, 0, 0, 0);
      }
      Arrays.sort(samples);
      double sum = 0;
      for (final long sample : samples) {
        sum += sample;
      }
      return new Summary(
          samples.length,
          percentile(samples, 50),
          percentile(samples, 95),
          percentile(samples, 99),
          samples[samples.length - 1],
          sum / samples.length);
    }

    /** The nearest-rank percentile of sorted {@code samples}. */
    static long percentile(final long[] sorted, final double percent) {
      if (sorted.length == 0) {
        throw new IllegalArgumentException("no samples");
      }
      final int rank = (int) Math.ceil(percent / 100 * sorted.length);
      return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
  }
}
