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
 */
record Throughput(
    long inputRecords,
    long outputRecords,
    long firstOutputMillis,
    long lastOutputMillis,
    double elapsedSeconds) {

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
