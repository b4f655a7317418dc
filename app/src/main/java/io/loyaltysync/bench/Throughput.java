package io.loyaltysync.bench;

/**
 * Sustained throughput of one run over a backlog: input records over the time from the first to the
 * last output record's broker append time, so start-up (group join, state restore, the first
 * transaction) is not counted against the topology.
 *
 * @param inputRecords change events the topology read
 * @param outputRecords records it wrote that a read_committed consumer saw
 * @param firstOutputMillis append time of the first output record
 * @param lastOutputMillis append time of the last output record
 * @param elapsedSeconds wall time from starting the topology to seeing the last output
 * @param streamThreadCpuSeconds CPU time of the topology's stream threads meanwhile (NaN if
 *     unknown)
 * @param topologyCpuSeconds CPU time of all the topology's threads: stream, global, its clients'
 *     network threads (NaN if unknown)
 */
record Throughput(
    long inputRecords,
    long outputRecords,
    long firstOutputMillis,
    long lastOutputMillis,
    double elapsedSeconds,
    double streamThreadCpuSeconds,
    double topologyCpuSeconds) {

  /** Without the CPU figures. */
  Throughput(
      final long inputRecords,
      final long outputRecords,
      final long firstOutputMillis,
      final long lastOutputMillis,
      final double elapsedSeconds) {
    this(
        inputRecords,
        outputRecords,
        firstOutputMillis,
        lastOutputMillis,
        elapsedSeconds,
        Double.NaN,
        Double.NaN);
  }

  /**
   * The share of the elapsed time its stream threads were on a CPU (per thread: 100% is one core
   * busy): near 100, the topology is CPU-bound; well under, it waits (for fetches, commits, the
   * broker) or the machine is busy with something else.
   */
  double streamThreadBusyPercent() {
    return 100 * streamThreadCpuSeconds / Math.max(elapsedSeconds, 1e-3);
  }

  /** CPU microseconds the topology's threads spent per input record. */
  double cpuMicrosPerInputRecord() {
    return topologyCpuSeconds * 1e6 / Math.max(1, inputRecords);
  }

  /** The measured window; at least a millisecond, so a tiny run cannot divide by zero. */
  double windowSeconds() {
    return Math.max(1, lastOutputMillis - firstOutputMillis) / 1000.0;
  }

  double inputPerSecond() {
    return inputRecords / windowSeconds();
  }

  double outputPerSecond() {
    return outputRecords / windowSeconds();
  }
}
