package io.loyaltysync.sync;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * How a real upsert (not an echo, not stale) changes the canonical image: new rows, field-by-field
 * merges, and re-creations; {@link DeleteRules} decides whether an upsert of a deleted row brings
 * it back, {@link Precedence} who wins a conflict.
 *
 * <p>A field counts as edited by a side only if it differs from what that side last reported: a
 * side that has not yet received the other side's change still reports the old value, and that is
 * not an edit. Under last-writer-wins every decision between the two sides' edits compares source
 * timestamps (a tie goes to F&amp;O); under erp-wins and crm-wins a side that had seen the other
 * side's value edits it freely, and only edits made without seeing it are conflicts.
 */
final class EditRules {

  private final List<FieldBinding> bindings;
  private final FieldGroups groups;
  private final Precedence precedence;
  private final DeleteRules deletes;

  EditRules(
      final List<FieldBinding> bindings,
      final FieldGroups groups,
      final Precedence precedence,
      final DeleteRules deletes) {
    this.bindings = bindings;
    this.groups = groups;
    this.precedence = precedence;
    this.deletes = deletes;
  }

  // ---- upserts --------------------------------------------------------------------------------

  /**
   * Applies an upsert. On a deleted row the side's edits still merge into the row's last image (so
   * they are there if a later update of the side revives it), and the row comes back only if the
   * upsert re-creates it or beats the delete.
   */
  void upsert(final SyncState state, final SyncInput in, final Audits.Collector audit) {
    if (state.deleted()) {
      final DeleteRules.Revival revival = deletes.revival(state, in, audit);
      if (revival == DeleteRules.Revival.RE_CREATION || state.canonical(in.side()) == null) {
        if (revival != DeleteRules.Revival.NONE) {
          final Stamp restarted = state.deletedStamp();
          state.revive();
          adopt(state, in, restarted, audit);
        }
        return;
      }
      merge(state, in, audit);
      if (revival == DeleteRules.Revival.UPDATE_WINS) {
        deletes.takeForgottenFields(state, in);
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
        wins = precedence.wins(side, in.stamp(), state.fieldStamp(f), in.isSnapshot(), sawIt);
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
    final boolean wins =
        theirs == null || precedence.wins(side, in.stamp(), theirs, in.isSnapshot(), sawAll);
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
  static void take(
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

  private static IndexedRecord copy(final IndexedRecord record) {
    return SpecificData.get().deepCopy(record.getSchema(), record);
  }
}
