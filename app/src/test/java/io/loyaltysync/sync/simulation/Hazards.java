package io.loyaltysync.sync.simulation;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.simulation.Oracle.UserAction;
import io.loyaltysync.sync.simulation.SimulatedSystem.FeedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * Keeps random histories clear of the {@link KnownEngineBug}s that are still open, at the moment a
 * step executes (so a shrunk history stays clear of them too). It judges from what the simulation
 * can see: the users' actions, what each system's rows reflect, and a model of the writes the sync
 * waits to see echoed (as its javadoc defines echoes), never the engine's state.
 */
final class Hazards {

  private static final Object NO_ROW = new Object();

  private final World world;
  private final UnconfirmedWrites unconfirmed;

  Hazards(final World world) {
    this.world = world;
    this.unconfirmed = new UnconfirmedWrites(world.rows, world.config.maxPending());
  }

  /** The model of the writes the sync waits to see echoed, which World keeps up to date. */
  UnconfirmedWrites unconfirmed() {
    return unconfirmed;
  }

  // ---- the guards -----------------------------------------------------------------------------

  /**
   * Why a user action would trigger an open bug, or null. {@code after} is null for a delete,
   * {@code before} null for a create.
   */
  String vetoUserAction(
      final Side side,
      final String key,
      final IndexedRecord before,
      final IndexedRecord after,
      final long timestamp) {
    final List<UserAction> unknown = unknownActionsOfTheOtherSide(side, key);
    if (after == null
        && world.config.avoids(KnownEngineBug.EQUAL_VALUE_EDIT_NOT_RECORDED)
        && anUnknownEditRestoredWhatThisSideShows(side, before, unknown)) {
      return "the other side concurrently set a field back to the value this side shows";
    }
    if (after != null
        && world.config.avoids(KnownEngineBug.EQUAL_VALUE_EDIT_NOT_RECORDED)
        && coincidesWithAConcurrentEdit(side, key, before, after, unknown)) {
      return "it sets a field to a value the other side concurrently set or left";
    }
    return null;
  }

  /**
   * Whether an unmarked echo would reach the sync after the sync stopped waiting for its write:
   * then the sync takes it for a user's edit.
   */
  SpecificRecord adjust(final Side side, final FeedEvent event) {
    final boolean unmarked = EventFactory.source(event.event()).getOrigin() == null;
    if (event.writeId() < 0
        || !unmarked
        || !world.config.avoids(KnownEngineBug.UNMARKED_ECHO_TAKEN_FOR_AN_EDIT)
        || unconfirmed.waitsFor(side, event.key(), event.writeId())) {
      return event.event();
    }
    world.log("  (delivered with the origin marker: the sync no longer waits for this write)");
    return EventFactory.marked(event.event());
  }

  private List<UserAction> unknownActionsOfTheOtherSide(final Side side, final String key) {
    final int known = world.system(side).knownOther(key);
    final List<UserAction> unknown = new ArrayList<>();
    for (final UserAction action : world.actions) {
      if (action.side() != side && action.key().equals(key) && action.index() >= known) {
        unknown.add(action);
      }
    }
    return unknown;
  }

  /** The row {@code key} should hold by the users' actions so far. */
  private Oracle.Expected ideal(final String key) {
    return new Oracle(world.rows, world.config.avoided())
        .expect(onKey(key), world.swallowed)
        .get(key);
  }

  private List<UserAction> onKey(final String key) {
    return world.actions.stream().filter(a -> a.key().equals(key)).toList();
  }

  private boolean deleted(final String key) {
    return world.actions.stream()
        .anyMatch(a -> a.kind() == Operation.DELETE && a.key().equals(key));
  }

  private boolean changesASourcedField(
      final Side side, final IndexedRecord before, final IndexedRecord after) {
    for (final FieldBinding binding : world.rows.bindings()) {
      if (Rows.editable(binding, side) && changed(side, before, after, binding)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the action sets a two-way field to a value the sync may not see as an edit: one the row
   * already holds, one a concurrent action of the other side (one this side has not seen) set or
   * left, one the other side showed when it concurrently deleted the row, or (for a create racing
   * the other side) one this side itself set before.
   */
  private boolean coincidesWithAConcurrentEdit(
      final Side side,
      final String key,
      final IndexedRecord before,
      final IndexedRecord after,
      final List<UserAction> unknown) {
    final Rows rows = world.rows;
    final IndexedRecord erpAfter = rows.asErp(side, after);
    final IndexedRecord erpBefore = asErp(side, before);
    // An update that revives a deleted row brings all its values, changed or not.
    final boolean revives = deleted(key);
    final Oracle.Expected ideal = ideal(key);
    final boolean racing = unknown.stream().anyMatch(a -> a.kind() != Operation.DELETE);
    for (final FieldBinding binding : rows.bindings()) {
      final boolean changes = before == null || changed(side, before, after, binding);
      if (!Rows.twoWay(binding) || (!changes && !revives)) {
        continue;
      }
      final Object value = Rows.value(Side.ERP, erpAfter, binding);
      if (changes
          && ideal != null
          && ideal.erpRow() != null
          && Objects.equals(value, Rows.value(Side.ERP, ideal.erpRow(), binding))) {
        return true;
      }
      for (final UserAction action : unknown) {
        if (action.kind() == Operation.DELETE) {
          if (Objects.equals(value, erpValue(action.erpBefore(), binding))) {
            return true;
          }
        } else if ((action.kind() == Operation.CREATE
                || revives
                || changed(action.side(), action.before(), action.after(), binding))
            && (Objects.equals(value, erpValue(action.erpAfter(), binding))
                || Objects.equals(value, erpValue(action.erpBefore(), binding))
                || Objects.equals(
                    erpValue(erpBefore, binding), erpValue(action.erpAfter(), binding)))) {
          return true;
        }
      }
      if (racing) {
        for (final UserAction own : onKey(key)) {
          if (own.side() == side
              && (Objects.equals(value, erpValue(own.erpAfter(), binding))
                  || Objects.equals(value, erpValue(own.erpBefore(), binding)))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether a concurrent edit of the other side (one this side has not seen) set a field to the
   * value this side shows: a delete of this side then does not see it as an edit it missed.
   */
  private boolean anUnknownEditRestoredWhatThisSideShows(
      final Side side, final IndexedRecord shown, final List<UserAction> unknown) {
    final IndexedRecord erpShown = asErp(side, shown);
    for (final FieldBinding binding : world.rows.bindings()) {
      if (!Rows.twoWay(binding)) {
        continue;
      }
      for (final UserAction action : unknown) {
        if (action.kind() != Operation.DELETE
            && (action.kind() == Operation.CREATE
                || changed(action.side(), action.before(), action.after(), binding))
            && Objects.equals(erpValue(erpShown, binding), erpValue(action.erpAfter(), binding))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A field of a row in F&amp;O's representation; a marker no value equals when there is no row.
   */
  private static Object erpValue(final IndexedRecord erpRow, final FieldBinding binding) {
    return erpRow == null ? NO_ROW : Rows.value(Side.ERP, erpRow, binding);
  }

  private IndexedRecord asErp(final Side side, final IndexedRecord row) {
    return row == null ? null : world.rows.asErp(side, row);
  }

  private static boolean changed(
      final Side side,
      final IndexedRecord before,
      final IndexedRecord after,
      final FieldBinding binding) {
    return !Objects.equals(Rows.value(side, before, binding), Rows.value(side, after, binding));
  }
}
