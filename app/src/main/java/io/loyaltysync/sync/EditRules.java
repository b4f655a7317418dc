package io.loyaltysync.sync;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * How a real edit (not an echo, not stale) changes the canonical image: field-by-field merges,
 * deletes, re-creations, and the conflict policy between them.
 *
 * <p>A field counts as edited by a side only if it differs from what that side last reported: a
 * side that has not yet received the other side's change still reports the old value, and that is
 * not an edit. Under last-writer-wins every decision between the two sides' edits compares source
 * timestamps (a tie goes to F&amp;O); under erp-wins and crm-wins a side that had seen the other
 * side's value edits it freely, and only edits made without seeing it are conflicts.
 */
final class EditRules {

  private final List<FieldBinding> bindings;
  private final ConflictPolicy policy;
  private final Side initialSyncMaster;
  private final FieldGroups groups;

  EditRules(
      final List<FieldBinding> bindings,
      final ConflictPolicy policy,
      final Side initialSyncMaster,
      final FieldGroups groups) {
    this.bindings = bindings;
    this.policy = policy;
    this.initialSyncMaster = initialSyncMaster;
    this.groups = groups;
  }

  // ---- upserts --------------------------------------------------------------------------------

  /**
   * Applies an upsert. On a deleted row the side's edits still merge into the row's last image (so
   * they are there if a later update of the side revives it), and the row comes back only if the
   * upsert re-creates it or beats the delete.
   */
  void upsert(final SyncState state, final SyncInput in, final Audits.Collector audit) {
    if (state.deleted()) {
      final Revival revival = revival(state, in, audit);
      if (revival == Revival.RE_CREATION || state.canonical(in.side()) == null) {
        if (revival != Revival.NONE) {
          final Stamp restarted = state.deletedStamp();
          state.revive();
          adopt(state, in, restarted, audit);
        }
        return;
      }
      merge(state, in, audit);
      if (revival == Revival.UPDATE_WINS) {
        takeForgottenFields(state, in);
        state.revive();
      }
      return;
    }
    if (!state.everSeen()) {
      adopt(state, in, in.stamp(), audit);
      return;
    }
    merge(state, in, audit);
  }

  private enum Revival {
    NONE,
    /** The side made the row anew after it knew of the delete: the row is the side's row. */
    RE_CREATION,
    /** The side's update raced the delete and won: the row is revived. */
    UPDATE_WINS
  }

  private Revival revival(final SyncState state, final SyncInput in, final Audits.Collector audit) {
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
    if (policy == ConflictPolicy.LAST_WRITER_WINS && !in.isSnapshot()) {
      wins = wins(side, in.stamp(), state.deletedStamp(), false, false);
    } else {
      wins = recreation || wins(side, in.stamp(), state.deletedStamp(), in.isSnapshot(), false);
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

  /**
   * The row as {@code in} shows it becomes the canonical image: a new row, or a re-creation. An
   * update that re-creates a deleted row edited only the fields it changed since the side last
   * reported the row; the others (this app's writer may have put them there) count from the delete,
   * {@code restarted}: they beat older edits, and the other side's later edits beat them.
   */
  private void adopt(
      final SyncState state,
      final SyncInput in,
      final Stamp restarted,
      final Audits.Collector audit) {
    final Side side = in.side();
    final IndexedRecord seen = in.op() == Operation.UPDATE ? state.observed(side) : null;
    state.canonical(side, copy(in.image()));
    state.canonical(side.other(), copy(in.mapped()));
    for (int f = 0; f < bindings.size(); f++) {
      final int pos = bindings.get(f).position(side);
      final boolean edited = seen == null || !Objects.equals(seen.get(pos), in.image().get(pos));
      state.field(f, side, edited ? in.stamp() : restarted);
      final FieldBinding binding = bindings.get(f);
      final Object value = in.image().get(pos);
      if (edited && !binding.sourcedFrom(side) && !FieldBinding.noValue(side, value)) {
        // A value in a field only the other side sources: never propagated, and replaced by the
        // source's value once it reports the row.
        audit.ignoredEdit(binding, side, value, null, false);
      }
    }
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
      final Side owner = state.fieldSide(f);
      if (!binding.sourcedFrom(side)) {
        if (Objects.equals(value, current)) {
          continue;
        }
        if (seen == null || !Objects.equals(seen.get(pos), value)) {
          // While the field holds this side's placeholder, the source has not reported it yet.
          audit.ignoredEdit(binding, side, value, owner == side ? null : current, owner != side);
        }
        if (owner == side) {
          // Only a placeholder until the sourcing side reports the field: keep it in step.
          canonical.put(pos, value);
        }
        continue;
      }
      if (!binding.type().bidirectional()) {
        // Only this side sources the field: its value is the value, whatever the other side did.
        if (owner != side || !Objects.equals(value, current)) {
          take(state, binding, f, in);
        }
        continue;
      }
      if (groups.grouped(f)) {
        if (groups.groupOf(f) == f) {
          mergeGroup(state, in, audit, f);
        }
        continue;
      }
      if (seen != null && Objects.equals(seen.get(pos), value)) {
        continue; // unchanged since the side last reported it: not an edit
      }
      if (Objects.equals(value, current)) {
        // Set to the value the row already holds: no change, but a newer edit all the same,
        // which a concurrent delete must beat.
        if (state.fieldStamp(f).timestamp() < in.stamp().timestamp()) {
          state.field(f, side, in.stamp());
        }
        continue;
      }
      boolean wins = true;
      if (binding.type().bidirectional() && owner == other) {
        final boolean sawIt = seen != null && Objects.equals(seen.get(pos), current);
        wins = wins(side, in.stamp(), state.fieldStamp(f), in.isSnapshot(), sawIt);
        if (!sawIt) {
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
      }
      if (wins) {
        take(state, binding, f, in);
      }
    }
  }

  /**
   * Fields a cross-field rule binds merge as one: if the side edited any of them and its edit wins
   * against the other side's newest edit among them, all of them take the side's values (which its
   * system validated together); otherwise none does.
   */
  private void mergeGroup(
      final SyncState state, final SyncInput in, final Audits.Collector audit, final int root) {
    final Side side = in.side();
    final Side other = side.other();
    final IndexedRecord seen = state.observed(side);
    final IndexedRecord canonical = state.canonical(side);
    boolean edited = false;
    boolean differs = false;
    boolean sawAll = seen != null;
    Stamp theirs = null;
    for (int b = 0; b < bindings.size(); b++) {
      final FieldBinding binding = bindings.get(b);
      if (groups.groupOf(b) != root || !binding.sourcedFrom(side)) {
        continue;
      }
      final int pos = binding.position(side);
      final Object value = in.image().get(pos);
      edited |= seen == null || !Objects.equals(seen.get(pos), value);
      differs |= !Objects.equals(value, canonical.get(pos));
      sawAll &= seen != null && Objects.equals(seen.get(pos), canonical.get(pos));
      if (state.fieldSide(b) == other
          && binding.sourcedFrom(other)
          && !state.fieldStamp(b).equals(Stamp.NEVER)
          && (theirs == null || theirs.timestamp() < state.fieldStamp(b).timestamp())) {
        theirs = state.fieldStamp(b);
      }
    }
    if (!edited) {
      return;
    }
    final boolean wins = theirs == null || wins(side, in.stamp(), theirs, in.isSnapshot(), sawAll);
    for (int b = 0; b < bindings.size(); b++) {
      final FieldBinding binding = bindings.get(b);
      if (groups.groupOf(b) != root || !binding.sourcedFrom(side)) {
        continue;
      }
      final int pos = binding.position(side);
      if (theirs != null
          && !sawAll
          && differs
          && !Objects.equals(in.image().get(pos), canonical.get(pos))) {
        audit.conflict(
            binding,
            side,
            in.image().get(pos),
            state.canonical(other).get(binding.position(other)),
            in.stamp(),
            theirs,
            wins,
            in.isSnapshot());
      }
      if (wins) {
        take(state, binding, b, in);
      }
    }
  }

  /** The side's value of a field becomes the canonical one, in both representations. */
  private static void take(
      final SyncState state, final FieldBinding binding, final int f, final SyncInput in) {
    take(state, binding, f, in, in.stamp());
  }

  private static void take(
      final SyncState state,
      final FieldBinding binding,
      final int f,
      final SyncInput in,
      final Stamp stamp) {
    final Side side = in.side();
    final Side other = side.other();
    state.canonical(side).put(binding.position(side), in.image().get(binding.position(side)));
    state.canonical(other).put(binding.position(other), in.mapped().get(binding.position(other)));
    state.field(f, side, stamp);
  }

  /**
   * An echo still reports the side's own values of the fields only it sources (this app never
   * writes them to it): take them, so a row first seen on the other side gets its real values.
   */
  void takeOneWayFields(final SyncState state, final SyncInput in) {
    if (!state.live()) {
      return;
    }
    final Side side = in.side();
    for (int f = 0; f < bindings.size(); f++) {
      final FieldBinding binding = bindings.get(f);
      if (!binding.sourcedFrom(side) || binding.type().bidirectional()) {
        continue;
      }
      final int pos = binding.position(side);
      if (state.fieldSide(f) != side
          || !Objects.equals(in.image().get(pos), state.canonical(side).get(pos))) {
        // Not an edit (no user changed it): no stamp, so it never outdates a delete or an edit.
        take(state, binding, f, in, Stamp.NEVER);
      }
    }
  }

  // ---- deletes --------------------------------------------------------------------------------

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
      if (!state.deleted() || later(side, in.stamp(), state.deletedBy(), state.deletedStamp())) {
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
      wins = wins(side, in.stamp(), theirs, false, !unseen);
      if (unseen) {
        audit.deleteConflict(side, in.stamp(), theirs, true, wins, false);
      }
    }
    if (wins) {
      state.markDeleted(side, in.stamp(), in.nowMillis());
    }
  }

  /**
   * Whether {@code side}'s change at {@code stamp} happened after {@code by}'s at {@code theirs}:
   * within one side by its feed's order, across the systems by timestamp (a tie to F&amp;O).
   */
  private static boolean later(
      final Side side, final Stamp stamp, final Side by, final Stamp theirs) {
    if (side == by) {
      return theirs.isBefore(stamp);
    }
    final int order = Long.compare(stamp.timestamp(), theirs.timestamp());
    return order > 0 || (order == 0 && side == Side.ERP);
  }

  /**
   * A delete of a deleted row removes every edit older than it from the row's last image: they no
   * longer count if an update revives the row (whichever delete the update beats, this one stands
   * for the side that made it, or happened after them).
   */
  private void forgetEditsBefore(final SyncState state, final Side side, final Stamp stamp) {
    for (int f = 0; f < bindings.size(); f++) {
      final Stamp edited = state.fieldStamp(f);
      if (!edited.equals(Stamp.NEVER) && later(side, stamp, state.fieldSide(f), edited)) {
        state.field(f, state.fieldSide(f), Stamp.NEVER);
      }
    }
  }

  /**
   * An update that revives a row brings the values it shows for every field no surviving edit
   * holds: a field cross-field rules bind is taken with its whole group.
   */
  private void takeForgottenFields(final SyncState state, final SyncInput in) {
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
            take(state, bindings.get(b), b, in);
          }
        }
      } else {
        take(state, binding, f, in);
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

  // ---- the policy -----------------------------------------------------------------------------

  /**
   * Whether {@code side}'s change at {@code stamp} beats the other side's at {@code theirs}. A
   * SNAPSHOT conflict goes to the initial-sync master. Under erp-wins and crm-wins a side that had
   * seen the other's value ({@code sawIt}) is not in conflict; under last-writer-wins the
   * timestamps decide, whatever the sides had seen (sequences number each system's own events and
   * do not compare across systems).
   */
  private boolean wins(
      final Side side,
      final Stamp stamp,
      final Stamp theirs,
      final boolean snapshot,
      final boolean sawIt) {
    if (snapshot && !sawIt) {
      return side == initialSyncMaster;
    }
    return switch (policy) {
      case ERP_WINS -> sawIt || side == Side.ERP;
      case CRM_WINS -> sawIt || side == Side.CRM;
      case LAST_WRITER_WINS -> {
        final int order = Long.compare(stamp.timestamp(), theirs.timestamp());
        yield order > 0 || (order == 0 && side == Side.ERP);
      }
    };
  }

  private static IndexedRecord copy(final IndexedRecord record) {
    return SpecificData.get().deepCopy(record.getSchema(), record);
  }
}
