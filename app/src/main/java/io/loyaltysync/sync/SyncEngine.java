package io.loyaltysync.sync;

import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.SyncResult.Outcome;
import io.loyaltysync.sync.SyncResult.Write;
import io.loyaltysync.sync.SyncState.Pending;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * The sync rules for one template, as a pure function of (state, change event): no Kafka, no I/O.
 *
 * <ol>
 *   <li>An event older than the last one seen from its side changes nothing.
 *   <li>An echo (origin marker, or an exact match of a pending write) confirms that write and every
 *       earlier one, and updates the side's observed image; it is never propagated.
 *   <li>A real edit updates the canonical image field by field. A side's edit of a field it does
 *       not source (one-way from the other side) is ignored and audited. A two-way field edited on
 *       both sides since they last agreed is a conflict, resolved by the map's policy (the
 *       initial-sync master for SNAPSHOT events) and audited.
 *   <li>For each side, the image it will hold once pending writes land is compared with the
 *       canonical image on the columns written to it; a difference emits one write. So nothing is
 *       emitted when the sides agree, and an echo never causes a write back.
 * </ol>
 */
public final class SyncEngine {

  private final List<FieldBinding> bindings;
  private final ConflictPolicy policy;
  private final Side initialSyncMaster;
  private final int maxPending;
  private final Audits audits;
  private final int[][] writtenPositions = new int[2][];

  /**
   * @param map the compiled map of the template
   * @param policy how concurrent edits are resolved
   * @param initialSyncMaster which side wins a SNAPSHOT conflict
   * @param maxPending how many unconfirmed writes to remember per side (oldest dropped first)
   */
  public SyncEngine(
      final CompiledMap map,
      final ConflictPolicy policy,
      final Side initialSyncMaster,
      final int maxPending) {
    this.bindings = map.bindings();
    this.policy = policy;
    this.initialSyncMaster = initialSyncMaster;
    this.maxPending = maxPending;
    this.audits = new Audits(map.template().id(), policy, initialSyncMaster);
    for (final Side side : Side.values()) {
      writtenPositions[side.ordinal()] =
          bindings.stream()
              .filter(b -> b.writtenTo(side))
              .mapToInt(b -> b.position(side))
              .toArray();
    }
  }

  /** A fresh state for a key never seen before. */
  public SyncState newState() {
    return new SyncState(bindings.size());
  }

  /** Applies one change event to {@code state} (mutated in place) and says what to emit. */
  public SyncResult apply(final SyncState state, final SyncInput in, final String entityKey) {
    final Side side = in.side();
    if (in.stamp().isBefore(state.observedStamp(side))) {
      return new SyncResult(Outcome.NO_OP, List.of(), List.of());
    }
    final Audits.Collector audit = audits.collector(entityKey, in.nowMillis());
    final boolean echo = in.isDelete() ? confirmDelete(state, in) : confirmUpsert(state, in);
    if (echo) {
      state.observe(side, in.image(), in.stamp());
      return new SyncResult(Outcome.ECHO, reconcile(state), audit.events());
    }
    if (in.isDelete()) {
      applyDelete(state, in, audit);
    } else if (!sameImage(in.image(), state.observed(side), side)) {
      applyUpsert(state, in, audit);
    }
    state.observe(side, in.image(), in.stamp());
    final List<Write> writes = reconcile(state);
    return new SyncResult(
        writes.isEmpty() ? Outcome.NO_OP : Outcome.EMITTED, writes, audit.events());
  }

  // ---- echoes ---------------------------------------------------------------------------------

  private boolean confirmUpsert(final SyncState state, final SyncInput in) {
    final Deque<Pending> pending = state.pending(in.side());
    int index = 0;
    int match = -1;
    for (final Pending write : pending) {
      if (write.image() != null && agrees(in.image(), write.image(), in.side())) {
        match = index;
        break;
      }
      index++;
    }
    dropThrough(pending, match);
    return match >= 0 || in.fromOurWriter();
  }

  private boolean confirmDelete(final SyncState state, final SyncInput in) {
    final Deque<Pending> pending = state.pending(in.side());
    int index = 0;
    int match = -1;
    for (final Pending write : pending) {
      if (write.image() == null) {
        match = index;
        break;
      }
      index++;
    }
    dropThrough(pending, match);
    return match >= 0 || in.fromOurWriter();
  }

  /** A write's echo confirms it and every write before it: they were applied or overwritten. */
  private static void dropThrough(final Deque<Pending> pending, final int index) {
    for (int i = 0; i <= index; i++) {
      pending.removeFirst();
    }
  }

  // ---- edits ----------------------------------------------------------------------------------

  private void applyUpsert(
      final SyncState state, final SyncInput in, final Audits.Collector audit) {
    if (!state.everSeen()) {
      adopt(state, in);
      return;
    }
    if (state.deleted()) {
      if (recreates(state, in, audit)) {
        state.revive();
        adopt(state, in);
      }
      return;
    }
    merge(state, in, audit);
  }

  /** The row as {@code in} shows it becomes the canonical image: a new row, or a re-creation. */
  private void adopt(final SyncState state, final SyncInput in) {
    final Side side = in.side();
    state.canonical(side, copy(in.image()));
    state.canonical(side.other(), copy(in.mapped()));
    for (int f = 0; f < bindings.size(); f++) {
      state.field(f, side, in.stamp());
    }
  }

  /** An upsert of a deleted row: a re-creation, or an edit that raced the delete. */
  private boolean recreates(
      final SyncState state, final SyncInput in, final Audits.Collector audit) {
    final Side side = in.side();
    // The deleting side re-created it, or the other side had applied the delete (no tombstone
    // to it is still pending) and made the row anew: either way the upsert comes after the
    // delete. Otherwise the other side edited a row it had not yet seen deleted: a conflict.
    if (state.deletedBy() == side
        || (state.observed(side) == null && !pendingDelete(state.pending(side)))) {
      return true;
    }
    final boolean wins = wins(side, in.stamp(), state.deletedStamp(), in.isSnapshot());
    audit.deleteConflict(side, in.stamp(), state.deletedStamp(), false, wins, in.isSnapshot());
    return wins;
  }

  private static boolean pendingDelete(final Deque<Pending> pending) {
    for (final Pending write : pending) {
      if (write.image() == null) {
        return true;
      }
    }
    return false;
  }

  private void merge(final SyncState state, final SyncInput in, final Audits.Collector audit) {
    final Side side = in.side();
    final Side other = side.other();
    final IndexedRecord canonical = state.canonical(side);
    final IndexedRecord canonicalOther = state.canonical(other);
    final IndexedRecord seen = state.observed(side);
    for (int f = 0; f < bindings.size(); f++) {
      final FieldBinding binding = bindings.get(f);
      final int pos = binding.position(side);
      final Object value = in.image().get(pos);
      final Object current = canonical.get(pos);
      if (Objects.equals(value, current)) {
        continue;
      }
      final Side owner = state.fieldSide(f);
      if (!binding.sourcedFrom(side)) {
        if (owner == side) {
          // Only a placeholder until the sourcing side reports the field: keep it in step.
          canonical.put(pos, value);
        } else if (seen == null || !Objects.equals(seen.get(pos), value)) {
          audit.ignoredEdit(binding, side, value, current);
        }
        continue;
      }
      if (seen != null && Objects.equals(seen.get(pos), value)) {
        continue; // Unchanged since this side last reported it: stale, not an edit.
      }
      final boolean agreedBefore = seen != null && Objects.equals(seen.get(pos), current);
      boolean wins = true;
      if (binding.type().bidirectional() && owner != side && !agreedBefore) {
        wins = wins(side, in.stamp(), state.fieldStamp(f), in.isSnapshot());
        audit.conflict(
            binding,
            side,
            value,
            canonicalOther.get(binding.position(other)),
            in.stamp(),
            state.fieldStamp(f),
            wins,
            in.isSnapshot());
      }
      if (wins) {
        canonical.put(pos, value);
        canonicalOther.put(binding.position(other), in.mapped().get(binding.position(other)));
        state.field(f, side, in.stamp());
      }
    }
  }

  private void applyDelete(
      final SyncState state, final SyncInput in, final Audits.Collector audit) {
    if (!state.live()) {
      return;
    }
    final Side side = in.side();
    final IndexedRecord seen = state.observed(side);
    // Edits of the other side this side had not seen when it deleted: the delete raced them.
    Stamp latestUnseen = null;
    if (seen != null) {
      final IndexedRecord canonical = state.canonical(side);
      for (int f = 0; f < bindings.size(); f++) {
        final FieldBinding binding = bindings.get(f);
        final int pos = binding.position(side);
        if (state.fieldSide(f) == side.other()
            && binding.sourcedFrom(side.other())
            && !Objects.equals(seen.get(pos), canonical.get(pos))
            && (latestUnseen == null || latestUnseen.isBefore(state.fieldStamp(f)))) {
          latestUnseen = state.fieldStamp(f);
        }
      }
    }
    boolean wins = true;
    if (latestUnseen != null) {
      wins = wins(side, in.stamp(), latestUnseen, false);
      audit.deleteConflict(side, in.stamp(), latestUnseen, true, wins, false);
    }
    if (wins) {
      state.markDeleted(side, in.stamp(), in.nowMillis());
    }
  }

  /** Whether {@code side}'s change at {@code stamp} beats the other side's at {@code theirs}. */
  private boolean wins(
      final Side side, final Stamp stamp, final Stamp theirs, final boolean snapshot) {
    if (snapshot) {
      return side == initialSyncMaster;
    }
    return switch (policy) {
      case ERP_WINS -> side == Side.ERP;
      case CRM_WINS -> side == Side.CRM;
      case LAST_WRITER_WINS -> {
        final int order = Long.compare(stamp.timestamp(), theirs.timestamp());
        yield order > 0 || (order == 0 && side == Side.ERP);
      }
    };
  }

  // ---- writes ---------------------------------------------------------------------------------

  /** Emits to each side whatever it will lack once its pending writes land. */
  private List<Write> reconcile(final SyncState state) {
    List<Write> writes = List.of();
    for (final Side side : Side.values()) {
      final Deque<Pending> pending = state.pending(side);
      final IndexedRecord expected =
          pending.isEmpty() ? state.observed(side) : pending.peekLast().image();
      final Write write;
      if (!state.live()) {
        write = expected == null ? null : new Write(side, null);
      } else {
        final IndexedRecord wanted = state.canonical(side);
        write =
            expected != null && agrees(expected, wanted, side)
                ? null
                : new Write(side, copy(wanted));
      }
      if (write != null) {
        if (writes.isEmpty()) {
          writes = new ArrayList<>(2);
        }
        writes.add(write);
        pending.addLast(new Pending(write.image()));
        while (pending.size() > maxPending) {
          pending.removeFirst();
        }
      }
    }
    return writes;
  }

  // ---- comparisons ----------------------------------------------------------------------------

  /** Whether two images of {@code side} hold the same values in the columns written to it. */
  private boolean agrees(final IndexedRecord a, final IndexedRecord b, final Side side) {
    for (final int pos : writtenPositions[side.ordinal()]) {
      if (!Objects.equals(a.get(pos), b.get(pos))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an image repeats the previous one in every mapped field: nothing new from that side.
   */
  private boolean sameImage(
      final IndexedRecord image, final IndexedRecord previous, final Side side) {
    if (previous == null) {
      return false;
    }
    for (final FieldBinding binding : bindings) {
      final int pos = binding.position(side);
      if (!Objects.equals(image.get(pos), previous.get(pos))) {
        return false;
      }
    }
    return true;
  }

  private static IndexedRecord copy(final IndexedRecord record) {
    return SpecificData.get().deepCopy(record.getSchema(), record);
  }
}
