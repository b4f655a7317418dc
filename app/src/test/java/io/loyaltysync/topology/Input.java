package io.loyaltysync.topology;

import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record sent to an input topic of the job, kept in send order so that the same inputs can be
 * replayed into the oracle.
 *
 * @param template the change feed's template; null for a currency row
 * @param side the change feed's side; null for a currency row
 * @param key the record key
 * @param value the change event or currency row; null when {@code raw} is sent instead
 * @param raw bytes no serde would write (a bad record); null for a well-formed one
 */
record Input(Template template, Side side, String key, SpecificRecord value, byte[] raw) {

  static Input change(
      final Template template, final Side side, final String key, final SpecificRecord event) {
    return new Input(template, side, key, event, null);
  }

  static Input bad(final Template template, final Side side, final String key, final byte[] raw) {
    return new Input(template, side, key, null, raw);
  }

  static Input currency(final String code, final SpecificRecord row) {
    return new Input(null, null, code, row, null);
  }

  boolean isCurrency() {
    return template == null;
  }

  /** The topic it goes to, in {@code topics}. */
  Topics.Topic<?> topic(final Topics topics) {
    return isCurrency() ? topics.currencies() : topics.changes(template, side);
  }
}
