package io.loyaltysync.sync.simulation;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.FieldGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.generic.IndexedRecord;

/**
 * What last-writer-wins promises, computed from the users' actions alone (never from the sync's
 * state): the row each key should end with.
 *
 * <p>The actions of all users are replayed in timestamp order (a tie between the systems goes to
 * F&amp;O, so F&amp;O's action counts as the later one). A create sets every field. An update sets
 * only the fields its user changed: a field the user saved unchanged is not an edit, even when it
 * is stale. A delete removes the row and, with it, every earlier edit; a later create starts
 * afresh, and so does a later real update of the row as its system still shows it. One exception,
 * the delete-versus-update conflict: a delete is void when the other system made a later real
 * update without knowing of the delete (its row had not received it), because that update is the
 * newer intent for the row; edits made before such a delete survive.
 */
final class Oracle {

  /**
   * One user action, as the simulation saw it happen.
   *
   * @param side where the user works
   * @param key the row
   * @param kind CREATE, UPDATE or DELETE
   * @param index the number of the action among the side's actions on the key, from 0
   * @param timestamp the change event's timestamp
   * @param sequence the side's event counter at the action
   * @param before the side's row before the action (null for a create)
   * @param after the side's row after the action (null for a delete)
   * @param knownOther how many of the other side's actions on the key the side's row reflected
   * @param erpBefore {@code before} in F&amp;O's representation
   * @param erpAfter {@code after} in F&amp;O's representation
   */
  record UserAction(
      Side side,
      String key,
      Operation kind,
      int index,
      long timestamp,
      long sequence,
      IndexedRecord before,
      IndexedRecord after,
      int knownOther,
      IndexedRecord erpBefore,
      IndexedRecord erpAfter) {

    String describe() {
      return side + " " + kind + " @" + timestamp;
    }
  }

  /**
   * The row a key should hold in F&amp;O's representation, which action set each field, and per
   * field a second value tolerated while {@link
   * KnownEngineBug#REVIVING_UPDATE_BRINGS_ITS_WHOLE_ROW} is open ({@link #NONE} when there is
   * none).
   */
  record Expected(IndexedRecord erpRow, UserAction[] setBy, Object[] tolerated) {

    boolean accepts(final int binding, final int pos, final Object value) {
      return Objects.equals(erpRow.get(pos), value)
          || (tolerated[binding] != NONE && Objects.equals(tolerated[binding], value));
    }
  }

  /** No tolerated value. */
  static final Object NONE = new Object();

  private static final Comparator<UserAction> NEWEST_LAST =
      Comparator.comparingLong(UserAction::timestamp)
          .thenComparing(a -> a.side() == Side.ERP)
          .thenComparingLong(UserAction::sequence);

  private final Rows rows;
  private final Set<KnownEngineBug> avoided;
  private final FieldGroups groups;

  /**
   * @param avoided the open bugs whose effects the expectation tolerates
   */
  Oracle(final Rows rows, final Set<KnownEngineBug> avoided) {
    this.groups = FieldGroups.of(rows.template(), rows.bindings());
    this.rows = rows;
    this.avoided = avoided;
  }

  /**
   * Per key touched by a user: the expected row, or null when it should be deleted.
   *
   * @param swallowed actions left out while {@link KnownEngineBug#USER_CHANGE_TAKEN_FOR_AN_ECHO} is
   *     open: those the sync took for an echo
   */
  Map<String, Expected> expect(final List<UserAction> actions, final Set<UserAction> swallowed) {
    final Map<String, List<UserAction>> byKey = new TreeMap<>();
    for (final UserAction action : actions) {
      if (swallowed.contains(action)
          && avoided.contains(KnownEngineBug.USER_CHANGE_TAKEN_FOR_AN_ECHO)) {
        continue;
      }
      byKey.computeIfAbsent(action.key(), k -> new ArrayList<>()).add(action);
    }
    final Map<String, Expected> expected = new TreeMap<>();
    byKey.forEach((key, keyActions) -> expected.put(key, replay(keyActions)));
    return expected;
  }

  private Expected replay(final List<UserAction> actions) {
    final List<UserAction> ordered = new ArrayList<>(actions);
    ordered.sort(NEWEST_LAST);
    final int fields = rows.bindings().size();
    IndexedRecord row = null;
    final UserAction[] setBy = new UserAction[fields];
    final Object[] tolerated = new Object[fields];
    Arrays.fill(tolerated, NONE);
    for (final UserAction action : ordered) {
      if (action.kind() == Operation.DELETE) {
        if (!voided(action, ordered)) {
          row = null;
        }
        continue;
      }
      if (action.kind() == Operation.UPDATE && row == null && !changesSourcedField(action)) {
        continue;
      }
      final IndexedRecord erp = action.erpAfter();
      // An update of a deleted row edits a row the system still (or again) shows its user, e.g.
      // one the sync wrote back before it learned of the delete: it re-creates the row as shown.
      if (action.kind() == Operation.CREATE || row == null) {
        row = Rows.copy(erp);
        Arrays.fill(setBy, action);
        Arrays.fill(tolerated, NONE);
        continue;
      }
      // An update that revives a row after a delete: the sync brings the row back as it was
      // with the update's edits; re-creating it as the updating side shows it is as right.
      final boolean racing = followsADelete(action, ordered);
      for (int b = 0; b < fields; b++) {
        final FieldBinding binding = rows.bindings().get(b);
        if (!Rows.twoWay(binding)) {
          continue;
        }
        final int pos = binding.position(Side.ERP);
        // Fields a cross-field rule binds are set together by the newest edit of any of them.
        if (changed(action, binding) || changedItsGroup(action, b)) {
          row.put(pos, erp.get(pos));
          setBy[b] = action;
          tolerated[b] = NONE;
        } else if (racing && !Objects.equals(row.get(pos), erp.get(pos))) {
          tolerated[b] = erp.get(pos);
        }
      }
    }
    return new Expected(row, setBy, tolerated);
  }

  private boolean changedItsGroup(final UserAction action, final int binding) {
    if (!groups.grouped(binding)) {
      return false;
    }
    for (int b = 0; b < rows.bindings().size(); b++) {
      if (groups.groupOf(b) == groups.groupOf(binding) && changed(action, rows.bindings().get(b))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a delete of the row comes before {@code update}: the sync may see it revive it. */
  private static boolean followsADelete(final UserAction update, final List<UserAction> ordered) {
    for (final UserAction action : ordered) {
      if (action == update) {
        return false;
      }
      if (action.kind() == Operation.DELETE) {
        return true;
      }
    }
    return false;
  }

  /** A delete the other side overrode with a later real update made without knowing of it. */
  private boolean voided(final UserAction delete, final List<UserAction> ordered) {
    boolean later = false;
    for (final UserAction action : ordered) {
      if (action == delete) {
        later = true;
      } else if (later
          && action.side() != delete.side()
          && action.kind() == Operation.UPDATE
          && action.knownOther() <= delete.index()
          && changesSourcedField(action)) {
        return true;
      }
    }
    return false;
  }

  private boolean changesSourcedField(final UserAction action) {
    for (final FieldBinding binding : rows.bindings()) {
      if (Rows.editable(binding, action.side()) && changed(action, binding)) {
        return true;
      }
    }
    return false;
  }

  private static boolean changed(final UserAction action, final FieldBinding binding) {
    return !Objects.equals(
        Rows.value(action.side(), action.before(), binding),
        Rows.value(action.side(), action.after(), binding));
  }
}
