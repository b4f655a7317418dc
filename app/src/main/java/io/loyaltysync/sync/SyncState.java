package io.loyaltysync.sync;

import io.loyaltysync.mapping.Side;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.apache.avro.generic.IndexedRecord;

/**
 * What the sync knows about one row (one key of one template):
 *
 * <ul>
 *   <li>the canonical image, kept in both sides' representations, with the stamp and side of the
 *       edit that set each mapped field;
 *   <li>the last image each side's change feed reported (null once that side deleted the row);
 *   <li>the writes emitted to each side and not yet confirmed by their echo (null image = delete);
 *   <li>a tombstone: the row was deleted, when and by which side.
 * </ul>
 *
 * Mutable and confined to the one task that owns the key.
 */
public final class SyncState {

  /** A write emitted to one side and not yet seen in its change feed; image null = delete. */
  public record Pending(IndexedRecord image) {}

  private final IndexedRecord[] canonical = new IndexedRecord[2];
  private final Stamp[] fieldStamps;
  private final Side[] fieldSides;
  private final IndexedRecord[] observed = new IndexedRecord[2];
  private final Stamp[] observedStamps = {Stamp.NEVER, Stamp.NEVER};

  @SuppressWarnings("unchecked")
  private final Deque<Pending>[] pending = new Deque[] {new ArrayDeque<>(), new ArrayDeque<>()};

  private boolean deleted;
  private Stamp deletedStamp = Stamp.NEVER;
  private Side deletedBy;
  private long deletedAtMillis;

  public SyncState(final int fields) {
    fieldStamps = new Stamp[fields];
    fieldSides = new Side[fields];
    Arrays.fill(fieldStamps, Stamp.NEVER);
  }

  /** Whether the row has a canonical image (it was seen on some side and is not deleted). */
  public boolean live() {
    return canonical[0] != null && !deleted;
  }

  public boolean everSeen() {
    return canonical[0] != null;
  }

  public IndexedRecord canonical(final Side side) {
    return canonical[side.ordinal()];
  }

  void canonical(final Side side, final IndexedRecord image) {
    canonical[side.ordinal()] = image;
  }

  public Stamp fieldStamp(final int field) {
    return fieldStamps[field];
  }

  public Side fieldSide(final int field) {
    return fieldSides[field];
  }

  void field(final int field, final Side side, final Stamp stamp) {
    fieldSides[field] = side;
    fieldStamps[field] = stamp;
  }

  public int fields() {
    return fieldStamps.length;
  }

  /** The last image {@code side}'s feed reported, or null when that side has no such row. */
  public IndexedRecord observed(final Side side) {
    return observed[side.ordinal()];
  }

  public Stamp observedStamp(final Side side) {
    return observedStamps[side.ordinal()];
  }

  void observe(final Side side, final IndexedRecord image, final Stamp stamp) {
    observed[side.ordinal()] = image;
    observedStamps[side.ordinal()] = stamp;
  }

  public Deque<Pending> pending(final Side side) {
    return pending[side.ordinal()];
  }

  public boolean deleted() {
    return deleted;
  }

  public Stamp deletedStamp() {
    return deletedStamp;
  }

  public Side deletedBy() {
    return deletedBy;
  }

  /** Wall-clock time the tombstone was set, for its retention. */
  public long deletedAtMillis() {
    return deletedAtMillis;
  }

  void markDeleted(final Side by, final Stamp stamp, final long nowMillis) {
    deleted = true;
    deletedBy = by;
    deletedStamp = stamp;
    deletedAtMillis = nowMillis;
  }

  void revive() {
    deleted = false;
    deletedBy = null;
    deletedStamp = Stamp.NEVER;
    deletedAtMillis = 0;
  }

  /** Restores a tombstone exactly as stored (serde only). */
  void restoreTombstone(
      final boolean deleted, final Side by, final Stamp stamp, final long atMillis) {
    this.deleted = deleted;
    this.deletedBy = by;
    this.deletedStamp = stamp;
    this.deletedAtMillis = atMillis;
  }
}
