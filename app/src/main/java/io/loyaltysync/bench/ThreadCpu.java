package io.loyaltysync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of a topology's own threads (stream threads, the global thread, their clients' network
 * threads: every thread whose name carries the instance's client id). Against the wall time of a
 * run it tells a CPU-bound topology (its stream thread near 100%) from one that waits.
 */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * CPU seconds so far of the live threads of one Kafka Streams instance.
   *
   * @param clientId the instance's client id (application id and a UUID unless configured)
   * @param streamThreadsOnly count only its stream threads (the ones that process records)
   * @return seconds, or NaN when the JVM does not measure thread CPU time
   */
  static double seconds(final String clientId, final boolean streamThreadsOnly) {
    if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
      return Double.NaN;
    }
    long nanos = 0;
    for (final ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread == null) {
        continue;
      }
      final String name = thread.getThreadName();
      final boolean ours =
          !clientId.isEmpty()
              && name.contains(clientId)
              && (!streamThreadsOnly || name.matches(".*-StreamThread-\\d+$"));
      if (ours) {
        final long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
        nanos += Math.max(0, cpu);
      }
    }
    return nanos / 1e9;
  }
}
