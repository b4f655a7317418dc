package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.Side;
import java.util.List;
import java.util.StringJoiner;
import org.apache.avro.generic.IndexedRecord;

/**
 * One step of a simulated history. Each step is self-contained (it names its side, key and values),
 * so any sub-list of a history replays: a step that no longer applies (an edit of a row that is not
 * there, a delivery from an empty feed) does nothing. {@code delta} is how far the shared clock
 * moves before the change event it causes; 0 may give the other side's timestamp.
 */
sealed interface Step {

  String describe(Rows rows);

  /** A user creates the row in a system that does not hold it. */
  record Create(Side side, String key, IndexedRecord row, int delta) implements Step {
    @Override
    public String describe(final Rows rows) {
      return side + " user creates " + key + " " + rows.render(side, row);
    }
  }

  /** A user saves the row with some fields set (possibly to the values they already hold). */
  record Edit(Side side, String key, List<FieldValue> values, int delta) implements Step {
    public Edit {
      values = List.copyOf(values);
    }

    @Override
    public String describe(final Rows rows) {
      final StringJoiner fields = new StringJoiner(", ");
      for (final FieldValue value : values) {
        fields.add(
            rows.name(side, rows.bindings().get(value.binding()))
                + "="
                + Rows.render(value.value()));
      }
      return side + " user edits " + key + ": " + fields;
    }
  }

  /** Binding number and the value, in the editing side's representation. */
  record FieldValue(int binding, Object value) {}

  /** A user deletes the row. */
  record Delete(Side side, String key, int delta) implements Step {
    @Override
    public String describe(final Rows rows) {
      return side + " user deletes " + key;
    }
  }

  /** The side's change feed delivers its oldest undelivered event to the sync. */
  record Deliver(Side side) implements Step {
    @Override
    public String describe(final Rows rows) {
      return side + " feed delivers its next event";
    }
  }

  /** The feed delivers its next event but keeps it: it is delivered again later. */
  record Duplicate(Side side) implements Step {
    @Override
    public String describe(final Rows rows) {
      return side + " feed delivers its next event, and will deliver it again";
    }
  }

  /** The feed re-delivers an event it delivered {@code back} deliveries ago (1 = the last). */
  record Redeliver(Side side, int back) implements Step {
    @Override
    public String describe(final Rows rows) {
      return side + " feed re-delivers the event it delivered " + back + " deliveries ago";
    }
  }

  /** The side's writer applies its oldest queued write, with or without the origin marker. */
  record ApplyWrite(Side side, boolean marked, int delta) implements Step {
    @Override
    public String describe(final Rows rows) {
      return side + " writer applies its next write" + (marked ? "" : " (no origin marker)");
    }
  }

  /** The feed carries a change event the sync must dead-letter. */
  record Poison(Side side, String key, int delta) implements Step {
    @Override
    public String describe(final Rows rows) {
      return side + " feed carries an invalid change event for " + key;
    }
  }
}
