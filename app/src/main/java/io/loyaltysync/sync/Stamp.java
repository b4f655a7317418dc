package io.loyaltysync.sync;

/**
 * When a side made a change: its source timestamp, then its sequence within the source when the
 * feed knows one. Orders the events of one side; compares edits of both sides under
 * last-writer-wins.
 *
 * @param timestamp source timestamp, epoch milliseconds
 * @param sequence source sequence, or {@link #NO_SEQUENCE}
 */
public record Stamp(long timestamp, long sequence) implements Comparable<Stamp> {

  public static final long NO_SEQUENCE = Long.MIN_VALUE;

  /** Before every real change: the stamp of a value nobody has set yet. */
  public static final Stamp NEVER = new Stamp(Long.MIN_VALUE, NO_SEQUENCE);

  @Override
  public int compareTo(final Stamp other) {
    final int byTime = Long.compare(timestamp, other.timestamp);
    if (byTime != 0 || sequence == NO_SEQUENCE || other.sequence == NO_SEQUENCE) {
      return byTime;
    }
    return Long.compare(sequence, other.sequence);
  }

  public boolean isBefore(final Stamp other) {
    return compareTo(other) < 0;
  }
}
