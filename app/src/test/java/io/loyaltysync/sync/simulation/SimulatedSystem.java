package io.loyaltysync.sync.simulation;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.simulation.SyncUnderTest.Output;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * One simulated system (F&amp;O or Dataverse): its table (key -> row), its change feed (every
 * change, a user's or a writer's, becomes an event, delivered in order unless a step duplicates or
 * re-delivers one), and its writer's queue of outbound records from the sync, applied in order.
 */
final class SimulatedSystem {

  /**
   * A change event on the feed.
   *
   * @param key the feed's record key
   * @param event the change event
   * @param userAction the per-key number of the user action it reports, or -1
   * @param writeId the id of the write it reports (a writer's change), or -1
   * @param valid false for a bad event the sync must dead-letter
   * @param summary how it reads in a trace
   */
  record FeedEvent(
      String key,
      SpecificRecord event,
      int userAction,
      long writeId,
      boolean valid,
      String summary) {}

  /**
   * A write waiting for the writer.
   *
   * @param output what the sync emitted
   * @param id the write's number in the run
   * @param knownOther how many of the other side's user actions on the key the sync had seen when
   *     it emitted the write: what the system learns of them by applying it
   */
  record QueuedWrite(Output output, long id, int knownOther) {}

  /**
   * What applying a write did.
   *
   * @param op the change it made (null: none, the row was already gone or the write refused)
   * @param row the row after it
   * @param refused whether the system refused the row
   */
  record Applied(Operation op, IndexedRecord row, boolean refused) {}

  final Side side;
  final Map<String, IndexedRecord> rows = new TreeMap<>();
  final Deque<FeedEvent> feed = new ArrayDeque<>();
  final List<FeedEvent> delivered = new ArrayList<>();
  final Deque<QueuedWrite> writes = new ArrayDeque<>();
  private final Map<String, Integer> knownOther = new HashMap<>();
  long lastTimestamp = Long.MIN_VALUE;
  long sequence;

  SimulatedSystem(final Side side) {
    this.side = side;
  }

  /** How many of the other side's user actions on {@code key} this system's row reflects. */
  int knownOther(final String key) {
    return knownOther.getOrDefault(key, 0);
  }

  /**
   * Applies a write as the system's writer would: a delete removes the row if there is one; an
   * upsert sets only the columns the map writes to this side, on the existing row or on a new row
   * of the system's defaults; a row that breaks the system's rules is refused.
   */
  Applied apply(final QueuedWrite write, final Rows rows, final RowSpace space) {
    final Output output = write.output();
    final IndexedRecord existing = this.rows.get(output.key());
    if (output.isDelete()) {
      knownOther.merge(output.key(), write.knownOther(), Math::max);
      if (existing == null) {
        return new Applied(null, null, false);
      }
      this.rows.remove(output.key());
      return new Applied(Operation.DELETE, null, false);
    }
    final IndexedRecord row = existing == null ? space.defaults(side) : Rows.copy(existing);
    for (final FieldBinding binding : rows.bindings()) {
      if (binding.writtenTo(side)) {
        final int pos = binding.position(side);
        final Object value = output.image().get(pos);
        row.put(pos, value instanceof IndexedRecord record ? Rows.copy(record) : value);
      }
    }
    if (!rows.valid(side, row)) {
      return new Applied(null, existing, true);
    }
    knownOther.merge(output.key(), write.knownOther(), Math::max);
    this.rows.put(output.key(), row);
    return new Applied(existing == null ? Operation.CREATE : Operation.UPDATE, row, false);
  }
}
