package io.loyaltysync.bench;

import java.util.Locale;

/** Number formats of the benchmark's tables: thousands separators, fixed decimals, MiB. */
final class Format {

  private Format() {}

  /** A whole number with thousands separators: {@code 41,234}. */
  static String count(final double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
  }

  /** A number with {@code digits} decimals. */
  static String fixed(final double value, final int digits) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + digits + "f", value);
  }

  /** Bytes as MiB with one decimal; "-" when unknown (negative). */
  static String mib(final long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024));
  }
}
