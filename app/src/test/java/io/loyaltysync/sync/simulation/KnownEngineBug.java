package io.loyaltysync.sync.simulation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Engine bugs the simulation has found and reported but the engine's owner has not fixed yet. While
 * one is open, {@link Hazards} keeps the random histories clear of what triggers it (or the check
 * it breaks tolerates it, where avoiding it would cost too much coverage), so the rest of the
 * simulation keeps finding new problems; {@link EngineBugReproductionTest} keeps a minimal
 * reproduction of each. Run with {@code -Dsimulation.expose=all} (or a comma-separated list of
 * names) to stop avoiding them. Delete a constant once its bug is fixed.
 */
enum KnownEngineBug {
  /**
   * The sync never takes the value of a one-way F&amp;O -> Dataverse field (REPLACEMENTCARDNUMBER)
   * from F&amp;O's echoes, so Dataverse can keep a value F&amp;O does not hold: the value a
   * Dataverse user gave it on a row created in Dataverse (written to F&amp;O as ''), or F&amp;O's
   * old value after the writer re-created the F&amp;O row (F&amp;O's default ''). Tolerated: the
   * convergence check does not compare one-way fields.
   */
  ONE_WAY_FIELD_NOT_TAKEN_FROM_ITS_SOURCE,

  /**
   * A create that is older than the other side's delete, but reaches the sync after it, brings the
   * deleted row back: the sync assumes a side without the row had applied the delete. Avoided: no
   * user deletes a row while the other side created it without this side knowing.
   */
  OLDER_CREATE_RESURRECTS_A_DELETED_ROW,

  /**
   * An update that reaches the sync while the row is deleted (it raced the delete and is newer, or
   * it edits a row the sync wrote back before it learned of the delete) revives the row as the
   * updater's whole row, stale fields included: fields it did not change override newer edits and
   * creates of the other side. Had the update reached the sync before the delete, the delete would
   * have lost and the fields kept their newest values. Tolerated: after a delete, the
   * no-lost-update check accepts an update's value for the fields it did not change.
   */
  REVIVING_UPDATE_BRINGS_ITS_WHOLE_ROW,

  /**
   * A delete event delivered twice (or re-delivered while it is still the side's latest event)
   * deletes the row again after the other side's newer update revived it. Avoided: feeds never
   * repeat a DELETE event.
   */
  REPEATED_DELETE_DELETES_A_REVIVED_ROW,

  /**
   * Whether a field was edited is judged by its value, not by the edit: an edit that sets a field
   * to the value the canonical image already holds (the other side concurrently set the same value)
   * is not recorded. So an older edit wins without a timestamp comparison when the editing side's
   * previous value equals the canonical one, even over a newer edit that set that value; and a
   * newer such edit does not count against a concurrent delete. Avoided: no user sets a field to a
   * value the other side concurrently set it to or changed it away from.
   */
  EQUAL_VALUE_EDIT_NOT_RECORDED,

  /**
   * The field-by-field merge of concurrent edits can make a row that breaks a cross-field rule
   * (REWARDPOINTCURRENCY is required when REWARDPOINTTYPE is amount and must be empty when it is
   * quantity): F&amp;O edits type and currency, Dataverse concurrently edits the currency; the
   * merged row has F&amp;O's type and Dataverse's currency, and both systems refuse it, so the
   * sides never converge. Avoided: no user changes such fields while the other side concurrently
   * did.
   */
  MERGE_BREAKS_A_CROSS_FIELD_RULE,

  /**
   * A Dataverse edit of a field only F&amp;O sources (ignored, and audited as such) still revives a
   * row F&amp;O deleted, when the delete reached the sync first. Avoided: no user makes such an
   * edit while the other side deleted the row unbeknown to it.
   */
  IGNORED_EDIT_REVIVES_A_DELETED_ROW,

  /**
   * A user's change that looks exactly like a write the sync waits for (the same row, or any delete
   * while a delete is pending) is taken for that write's echo: it is never merged, and the earlier
   * pending writes are dropped. Tolerated: the no-lost-update check leaves out a user's change the
   * sync counted as an echo.
   */
  USER_CHANGE_TAKEN_FOR_AN_ECHO,

  /**
   * An echo without the origin marker that arrives after the sync stopped waiting for its write (an
   * exact match of a later write, or a duplicate, dropped it) is taken for a user's edit with a new
   * timestamp, and its stale values overwrite newer edits. Avoided: such an echo is delivered with
   * the marker.
   */
  UNMARKED_ECHO_TAKEN_FOR_AN_EDIT;

  /**
   * The bugs random histories avoid unless the system property {@code simulation.expose} names them
   * ({@code all}, or a comma-separated list of names).
   */
  static Set<KnownEngineBug> avoidedByDefault() {
    final Set<String> exposed =
        Arrays.stream(System.getProperty("simulation.expose", "").split(","))
            .map(s -> s.trim().toUpperCase(Locale.ROOT).replace('-', '_'))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    final Set<KnownEngineBug> avoided = EnumSet.noneOf(KnownEngineBug.class);
    for (final KnownEngineBug bug : values()) {
      if (!exposed.contains("ALL") && !exposed.contains(bug.name())) {
        avoided.add(bug);
      }
    }
    return avoided;
  }
}
