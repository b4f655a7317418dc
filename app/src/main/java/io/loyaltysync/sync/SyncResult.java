package io.loyaltysync.sync;

import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.mapping.Side;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;

/**
 * What one change event caused.
 *
 * @param outcome how the input is accounted for
 * @param writes the records to emit, in order
 * @param audits the decisions to report
 */
public record SyncResult(Outcome outcome, List<Write> writes, List<AuditEvent> audits) {

  /** How an input record is accounted for: exactly one per input. */
  public enum Outcome {
    /** A real change that produced at least one write. */
    EMITTED,
    /** The change feed's report of this app's own write: confirmed, not propagated. */
    ECHO,
    /** Nothing to do: a repeat, an older event, an edit of unmapped fields, a lost conflict. */
    NO_OP
  }

  /**
   * A write to one side: the canonical image mapped to that side, or a delete.
   *
   * @param to the side to write to
   * @param image the full record of that side (only the map's columns for that side are meant);
   *     null for a delete
   */
  public record Write(Side to, IndexedRecord image) {
    public boolean isDelete() {
      return image == null;
    }
  }
}
