package io.loyaltysync.sync;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;

/**
 * Deletes and what may bring a deleted row back: tombstones, a delete that raced an update, a
 * re-creation, an update that beats the delete, and the edits a delete clears.
 */
final class DeleteRules {

  private final List<FieldBinding> bindings;
  private final FieldGroups groups;
  private final Precedence precedence;

  DeleteRules(
      final List<FieldBinding> bindings, final FieldGroups groups, final Precedence precedence) {
    this.bindings = bindings;
    this.groups = groups;
    this.precedence = precedence;
  }

  /**
   * Applies a delete: a tombstone, unless it raced an edit of the other side it had not seen and
   * lost under the policy (audited). A delete of a deleted row dates the tombstone if it is newer.
   */
  void delete(final SyncState state, final SyncInput in, final Audits.Collector audit) {
    final Side side = in.side();
    if (!state.live()) {
      // Keep a tombstone even for a row never seen alive, so the other side's older create,
      // arriving later, cannot bring it back. A newer delete of a deleted row (the other side's,
      // or the side's own after this app's writer put the row back) dates the tombstone: an
      // update older than it must not revive the row.
      if (state.deleted()) {
        forgetEditsBefore(state, side, in.stamp());
      }
      if (!state.deleted()
          || Precedence.later(side, in.stamp(), state.deletedBy(), state.deletedStamp())) {
        state.markDeleted(side, in.stamp(), in.nowMillis());
      }
      return;
    }
    final IndexedRecord seen = state.observed(side);
    final IndexedRecord canonical = state.canonical(side);
    Stamp theirs = null;
    boolean unseen = false;
    for (int f = 0; f < bindings.size(); f++) {
      final FieldBinding binding = bindings.get(f);
      if (state.fieldSide(f) != side.other()
          || !binding.sourcedFrom(side.other())
          || state.fieldStamp(f).equals(Stamp.NEVER)) {
        continue; // not an edit of the other side's
      }
      if (theirs == null || theirs.timestamp() < state.fieldStamp(f).timestamp()) {
        theirs = state.fieldStamp(f);
      }
      final int pos = binding.position(side);
      unseen |= seen != null && !Objects.equals(seen.get(pos), canonical.get(pos));
    }
    boolean wins = true;
    if (theirs != null) {
      wins = precedence.wins(side, in.stamp(), theirs, false, !unseen);
      if (unseen) {
        audit.deleteConflict(side, in.stamp(), theirs, true, wins, false);
      }
    }
    if (wins) {
      state.markDeleted(side, in.stamp(), in.nowMillis());
    }
  }

  /**
   * A delete of a deleted row removes every edit older than it from the row's last image: they no
   * longer count if an update revives the row (whichever delete the update beats, this one stands
   * for the side that made it, or happened after them).
   */
  private void forgetEditsBefore(final SyncState state, final Side side, final Stamp stamp) {
    for (int f = 0; f < bindings.size(); f++) {
      final Stamp edited = state.fieldStamp(f);
      if (!edited.equals(Stamp.NEVER)
          && Precedence.later(side, stamp, state.fieldSide(f), edited)) {
        state.field(f, state.fieldSide(f), Stamp.NEVER);
      }
    }
  }

  /**
   * An update that revives a row brings the values it shows for every field no surviving edit
   * holds: a field cross-field rules bind is taken with its whole group.
   */
  void takeForgottenFields(final SyncState state, final SyncInput in) {
    final Side side = in.side();
    for (int f = 0; f < bindings.size(); f++) {
      final FieldBinding binding = bindings.get(f);
      if (!binding.sourcedFrom(side) || !forgotten(state, f)) {
        continue;
      }
      if (groups.grouped(f)) {
        final int root = groups.groupOf(f);
        for (int b = 0; b < bindings.size(); b++) {
          if (groups.groupOf(b) == root && bindings.get(b).sourcedFrom(side)) {
            EditRules.take(state, bindings.get(b), b, in);
          }
        }
      } else {
        EditRules.take(state, binding, f, in);
      }
    }
  }

  private boolean forgotten(final SyncState state, final int field) {
    if (groups.grouped(field)) {
      final int root = groups.groupOf(field);
      for (int b = 0; b < bindings.size(); b++) {
        if (groups.groupOf(b) == root && state.fieldStamp(b).equals(Stamp.NEVER)) {
          return true;
        }
      }
      return false;
    }
    return state.fieldStamp(field).equals(Stamp.NEVER);
  }

  /** What an upsert of a deleted row does to it. */
  enum Revival {
    NONE,
    /** The side made the row anew after it knew of the delete: the row is the side's row. */
    RE_CREATION,
    /** The side's update raced the delete and won: the row is revived. */
    UPDATE_WINS
  }

  /**
   * Whether an upsert of a deleted row brings it back: as a re-creation, as an update that beat the
   * delete, or not at all (audited when it raced the delete).
   */
  Revival revival(final SyncState state, final SyncInput in, final Audits.Collector audit) {
    final Side side = in.side();
    if (state.deletedBy() == side) {
      // The side deleted the row itself; its own events come in order, so this one is later and
      // makes the row anew, as the side shows it (this app's writer may have put it back before
      // the delete reached the sync). An edit of fields it does not source alone does not.
      return reportedAbsent(state, side) || editsSourcedField(state, in)
          ? Revival.RE_CREATION
          : Revival.NONE;
    }
    // A side that had reported the row gone makes it anew; otherwise it still had the row and its
    // update raced the delete, and only an edit of a field it sources can revive it (an ignored
    // one-way edit cannot).
    final boolean recreation = reportedAbsent(state, side);
    if (!recreation && !editsSourcedField(state, in)) {
      return Revival.NONE;
    }
    final boolean wins;
    if (precedence.policy() == ConflictPolicy.LAST_WRITER_WINS && !in.isSnapshot()) {
      wins = precedence.wins(side, in.stamp(), state.deletedStamp(), false, false);
    } else {
      wins =
          recreation
              || precedence.wins(side, in.stamp(), state.deletedStamp(), in.isSnapshot(), false);
    }
    if (!recreation || !wins) {
      audit.deleteConflict(side, in.stamp(), state.deletedStamp(), false, wins, in.isSnapshot());
    }
    if (!wins) {
      return Revival.NONE;
    }
    return recreation ? Revival.RE_CREATION : Revival.UPDATE_WINS;
  }

  /** Whether the side's feed last reported the row as deleted (not merely never reported it). */
  private static boolean reportedAbsent(final SyncState state, final Side side) {
    return state.observed(side) == null && !state.observedStamp(side).equals(Stamp.NEVER);
  }

  private boolean editsSourcedField(final SyncState state, final SyncInput in) {
    final IndexedRecord seen = state.observed(in.side());
    if (seen == null) {
      return true;
    }
    for (final FieldBinding binding : bindings) {
      final int pos = binding.position(in.side());
      if (binding.sourcedFrom(in.side()) && !Objects.equals(in.image().get(pos), seen.get(pos))) {
        return true;
      }
    }
    return false;
  }
}
