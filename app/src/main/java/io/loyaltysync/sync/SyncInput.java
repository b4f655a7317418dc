package io.loyaltysync.sync;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.Side;
import org.apache.avro.generic.IndexedRecord;

/**
 * One validated change event of one side, as the sync core consumes it.
 *
 * @param side the side whose change feed reported it
 * @param op the operation
 * @param image the row after the change, in the side's own representation; null on DELETE
 * @param mapped the row mapped to the other side; null on DELETE
 * @param stamp when the side made the change
 * @param fromOurWriter whether the event carries the origin marker of this app's writers
 * @param nowMillis wall-clock time of processing
 */
public record SyncInput(
    Side side,
    Operation op,
    IndexedRecord image,
    IndexedRecord mapped,
    Stamp stamp,
    boolean fromOurWriter,
    long nowMillis) {

  public boolean isDelete() {
    return op == Operation.DELETE;
  }

  public boolean isSnapshot() {
    return op == Operation.SNAPSHOT;
  }
}
