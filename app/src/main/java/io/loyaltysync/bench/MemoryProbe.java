package io.loyaltysync.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's memory while the benchmark runs, per phase: the heap in use (sampled every {@value
 * #SAMPLE_MILLIS} ms, garbage included), the heap in use right after each collection (from the
 * collectors' notifications: what the process really holds, give or take old garbage not yet
 * collected), and the resident set size (Linux {@code /proc/self/status}). Everything in the
 * process counts: the pipeline, the load generator, the measuring consumers and, in embedded mode,
 * the broker.
 */
final class MemoryProbe implements AutoCloseable {

  static final long SAMPLE_MILLIS = 100;
  private static final int RSS_EVERY = 5;
  private static final Path STATUS = Path.of("/proc/self/status");

  /**
   * Peaks of one phase, in bytes; -1 when not known.
   *
   * @param heapUsed the largest heap in use seen by a sample
   * @param heapAfterGc the largest heap in use right after a collection
   * @param rss the largest resident set size seen by a sample
   */
  record Peaks(long heapUsed, long heapAfterGc, long rss) {}

  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final Map<String, long[]> peaks = new HashMap<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;
  private final Thread sampler;
  private String phase = "start";
  private volatile boolean closed;

  MemoryProbe() {
    for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    sampler = new Thread(this::sample, "bench-memory-probe");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** From now on, peaks count towards {@code name}. */
  synchronized void phase(final String name) {
    phase = name;
  }

  /** The peaks of one phase; all -1 if it never ran. */
  synchronized Peaks peaks(final String name) {
    final long[] p = peaks.get(name);
    return p == null ? new Peaks(-1, -1, -1) : new Peaks(p[0], p[1], p[2]);
  }

  /** The peaks over every phase. */
  synchronized Peaks overall() {
    long used = -1;
    long afterGc = -1;
    long rss = -1;
    for (final long[] p : peaks.values()) {
      used = Math.max(used, p[0]);
      afterGc = Math.max(afterGc, p[1]);
      rss = Math.max(rss, p[2]);
    }
    return new Peaks(used, afterGc, rss);
  }

  /** The heap in use after a full collection: what is live now. */
  static long liveHeapAfterFullGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The process's peak resident set size (VmHWM), in bytes; -1 off Linux. */
  static long peakRss() {
    return statusBytes("VmHWM:");
  }

  /** The maximum heap this JVM may use, in bytes. */
  static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  @Override
  public void close() {
    closed = true;
    sampler.interrupt();
    for (final NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (final ListenerNotFoundException e) {
        // already gone
      }
    }
  }

  private void sample() {
    int tick = 0;
    while (!closed) {
      final long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      final long rss = tick++ % RSS_EVERY == 0 ? statusBytes("VmRSS:") : -1;
      synchronized (this) {
        final long[] p = current();
        p[0] = Math.max(p[0], used);
        p[2] = Math.max(p[2], rss);
      }
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (final InterruptedException e) {
        return;
      }
    }
  }

  private void collected(final Notification notification, final Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    final GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = 0;
    for (final Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        after += pool.getValue().getUsed();
      }
    }
    synchronized (this) {
      final long[] p = current();
      p[1] = Math.max(p[1], after);
    }
  }

  private long[] current() {
    return peaks.computeIfAbsent(phase, name -> new long[] {-1, -1, -1});
  }

  private static long statusBytes(final String field) {
    try {
      for (final String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          // "VmRSS:	  123456 kB"
          final String[] parts = line.substring(field.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (final IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
