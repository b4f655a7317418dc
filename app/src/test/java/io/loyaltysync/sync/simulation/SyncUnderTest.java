package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.Side;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The sync as the convergence simulation drives it: change events in, mapped writes out. The
 * simulation only talks to this interface, so the same histories can run through the pure engine
 * ({@link EngineSyncUnderTest}) or, later, through the Kafka Streams topology in a
 * TopologyTestDriver.
 */
interface SyncUnderTest {

  /** Delivers one change event of {@code side}'s change feed, keyed as the feed keys it. */
  void send(Side side, String key, SpecificRecord changeEvent);

  /** The writes emitted since the last poll, in emission order. */
  List<Output> poll();

  /** How every input sent so far was accounted for. */
  Accounting accounting();

  /**
   * One record on an outbound topic.
   *
   * @param to the side whose writer consumes it
   * @param key the record key, as the change feeds key the row
   * @param image the side's entity record to upsert (only the map's columns for that side are
   *     meant); null for a delete (a tombstone)
   */
  record Output(Side to, String key, IndexedRecord image) {
    boolean isDelete() {
      return image == null;
    }
  }

  /**
   * Counters of a run: the inputs the sync counted, one outcome per input (emitted, echo, no-op,
   * dead letter, parked), plus the records written and the audit events raised.
   */
  record Accounting(
      long in,
      long emitted,
      long echoes,
      long noOps,
      long deadLetters,
      long parked,
      long outputs,
      long conflicts,
      long ignoredEdits) {

    /** The inputs accounted for: each input has exactly one outcome. */
    long outcomes() {
      return emitted + echoes + noOps + deadLetters + parked;
    }

    @Override
    public String toString() {
      return String.format(
          "in=%d: emitted=%d echo=%d no-op=%d dead-letter=%d parked=%d (outputs=%d conflicts=%d"
              + " ignored-edits=%d)",
          in, emitted, echoes, noOps, deadLetters, parked, outputs, conflicts, ignoredEdits);
    }
  }
}
