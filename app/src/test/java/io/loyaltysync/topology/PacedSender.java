package io.loyaltysync.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a change stream's events at a steady rate from a thread of its own, until stopped; behind
 * after a stall, it catches up at once.
 */
final class PacedSender implements AutoCloseable {

  private final ChangeStream stream;
  private final Feeds feeds;
  private final int perSecond;
  private final int max;
  private final Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stopping;

  /**
   * @param perSecond events per second
   * @param max the most events it sends, stopped or not
   */
  PacedSender(final ChangeStream stream, final Feeds feeds, final int perSecond, final int max) {
    this.stream = stream;
    this.feeds = feeds;
    this.perSecond = perSecond;
    this.max = max;
    this.thread = new Thread(this::run, "change-feeds");
    thread.setDaemon(true);
  }

  PacedSender start() {
    thread.start();
    return this;
  }

  /** Stops the stream and waits until every event sent is on the broker. */
  void stop() throws InterruptedException {
    stopping = true;
    thread.join(CrashRun.DEADLINE.toMillis());
    assertTrue(failure.get() == null, () -> "the producer failed: " + failure.get());
    feeds.flush();
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join(CrashRun.DEADLINE.toMillis());
  }

  private void run() {
    try {
      final long start = System.nanoTime();
      for (int i = 0; i < max && !stopping; i++) {
        feeds.send(stream.next());
        final long due = start + TimeUnit.SECONDS.toNanos(i) / perSecond;
        final long ahead = due - System.nanoTime();
        if (ahead > 0) {
          TimeUnit.NANOSECONDS.sleep(ahead);
        }
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.set(e);
    } catch (final RuntimeException | Error e) {
      failure.set(e);
    }
  }
}
