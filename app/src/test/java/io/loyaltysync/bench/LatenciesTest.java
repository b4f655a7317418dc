package io.loyaltysync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Exact percentiles by nearest rank, and the throughput arithmetic. */
class LatenciesTest {

  @Test
  void shouldTakeNearestRankPercentilesOfUnsortedSamples() {
    // Given the latencies 1..100 ms, recorded out of order
    final Latencies latencies = new Latencies();
    for (int i = 100; i >= 1; i--) {
      latencies.record(i);
    }

    // When summarised
    final Latencies.Summary summary = latencies.summary();

    // Then each percentile is the smallest sample that many percent do not exceed
    assertEquals(100, summary.count());
    assertEquals(50, summary.p50Millis());
    assertEquals(95, summary.p95Millis());
    assertEquals(99, summary.p99Millis());
    assertEquals(100, summary.maxMillis());
    assertEquals(50.5, summary.meanMillis(), 1e-9);
  }

  @Test
  void shouldLetOneSlowOutlierReachOnlyTheTopPercentiles() {
    final Latencies latencies = new Latencies();
    for (int i = 0; i < 999; i++) {
      latencies.record(10);
    }
    latencies.record(5_000);

    final Latencies.Summary summary = latencies.summary();

    assertEquals(10, summary.p50Millis());
    assertEquals(10, summary.p99Millis());
    assertEquals(5_000, summary.maxMillis());
  }

  @Test
  void shouldGrowPastItsFirstArrayAndForgetOnClear() {
    final Latencies latencies = new Latencies();
    for (int i = 0; i < 5_000; i++) {
      latencies.record(i % 7);
    }
    assertEquals(5_000, latencies.summary().count());

    latencies.clear();

    assertEquals(0, latencies.count());
    assertEquals(new Latencies.Summary(0, 0, 0, 0, 0, 0), latencies.summary());
  }

  @Test
  void shouldTakeASingleSampleForEveryPercentile() {
    final Latencies.Summary summary = Latencies.Summary.of(new long[] {42});

    assertEquals(42, summary.p50Millis());
    assertEquals(42, summary.p99Millis());
    assertEquals(42, summary.maxMillis());
    assertThrows(
        IllegalArgumentException.class, () -> Latencies.Summary.percentile(new long[0], 50));
  }

  @Test
  void shouldDivideInputsByTheWindowFromFirstToLastOutput() {
    // Given 10,000 inputs whose outputs were appended over 250 ms, 2 s after the start
    final Throughput throughput = new Throughput(10_000, 8_000, 1_000_000, 1_000_250, 2.25);

    // Then
    assertEquals(0.25, throughput.windowSeconds(), 1e-9);
    assertEquals(40_000, throughput.inputPerSecond(), 1e-6);
    assertEquals(32_000, throughput.outputPerSecond(), 1e-6);
  }

  @Test
  void shouldNotDivideByZeroWhenEveryOutputHasTheSameAppendTime() {
    final Throughput throughput = new Throughput(5, 5, 7_000, 7_000, 0.1);

    assertEquals(0.001, throughput.windowSeconds(), 1e-12);
    assertEquals(5_000, throughput.inputPerSecond(), 1e-6);
  }
}
