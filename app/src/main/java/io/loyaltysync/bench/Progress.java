package io.loyaltysync.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Progress lines on the error stream while a phase runs, at most one every {@link #INTERVAL_NANOS}
 * (stdout carries only the final table).
 */
final class Progress {

  static final long INTERVAL_NANOS = 2_000_000_000L;

  private final PrintWriter err;
  private String phase = "";
  private long lastPrinted;
  private long phaseStart;

  Progress(final PrintWriter err) {
    this.err = err;
  }

  /** Starts a phase and says so. */
  void phase(final String name, final String what) {
    phase = name;
    phaseStart = System.nanoTime();
    lastPrinted = phaseStart;
    line(what);
  }

  /** Prints {@code status} if the last line is old enough; cheap to call in a loop. */
  void tick(final Supplier<String> status) {
    final long now = System.nanoTime();
    if (now - lastPrinted >= INTERVAL_NANOS) {
      lastPrinted = now;
      line(status.get());
    }
  }

  /** Prints a line now. */
  void line(final String text) {
    err.printf(
        Locale.ROOT,
        "[bench %6.1fs] %-13s %s%n",
        (System.nanoTime() - phaseStart) / 1e9,
        phase,
        text);
    err.flush();
  }

  /** {@code done/total (rate/s)}, with thousands separators. */
  static String count(final long done, final long total, final double seconds) {
    return String.format(
        Locale.ROOT, "%,d/%,d (%,.0f/s)", done, total, seconds > 0 ? done / seconds : 0);
  }
}
