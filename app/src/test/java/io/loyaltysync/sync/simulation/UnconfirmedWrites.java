package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.Stamp;
import io.loyaltysync.sync.simulation.SimulatedSystem.FeedEvent;
import io.loyaltysync.sync.simulation.SyncUnderTest.Output;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;

/**
 * A model, built from the outputs and the events alone, of the writes the sync still waits to see
 * echoed per side and key, as the engine's javadoc defines echoes: an event that matches a pending
 * write exactly (a delete matches any pending delete) confirms it and every earlier one; an event
 * older than the side's latest changes nothing. {@link Hazards} uses it to see when an unmarked
 * echo would come too late.
 */
final class UnconfirmedWrites {

  private record Unconfirmed(long id, IndexedRecord image) {}

  private final Rows rows;
  private final int maxPending;
  private final Map<Side, Map<String, Deque<Unconfirmed>>> unconfirmed = new EnumMap<>(Side.class);
  private final Map<Side, Map<String, Stamp>> lastStamps = new EnumMap<>(Side.class);

  UnconfirmedWrites(final Rows rows, final int maxPending) {
    this.rows = rows;
    this.maxPending = maxPending;
    for (final Side side : Side.values()) {
      unconfirmed.put(side, new HashMap<>());
      lastStamps.put(side, new HashMap<>());
    }
  }

  void emitted(final Output output, final long id) {
    final Deque<Unconfirmed> writes = writes(output.to(), output.key());
    writes.addLast(new Unconfirmed(id, output.image()));
    while (writes.size() > maxPending) {
      writes.removeFirst();
    }
  }

  /** An event reaches the sync: an echo confirms its write and every earlier one. */
  void delivered(final Side side, final FeedEvent event) {
    if (!event.valid()) {
      return;
    }
    final Stamp stamp = EventFactory.stamp(event.event());
    final Stamp last = lastStamps.get(side).get(event.key());
    if (last != null && stamp.isBefore(last)) {
      return;
    }
    lastStamps.get(side).put(event.key(), stamp);
    final int match = firstMatch(side, event.key(), EventFactory.after(event.event()));
    final Deque<Unconfirmed> writes = writes(side, event.key());
    for (int i = 0; i <= match; i++) {
      writes.removeFirst();
    }
  }

  /** Whether the sync still waits for the echo of write {@code id}. */
  boolean waitsFor(final Side side, final String key, final long id) {
    return writes(side, key).stream().anyMatch(w -> w.id() == id);
  }

  boolean waitsForAny(final Side side, final String key) {
    return !writes(side, key).isEmpty();
  }

  private int firstMatch(final Side side, final String key, final IndexedRecord image) {
    int index = 0;
    for (final Unconfirmed write : writes(side, key)) {
      if (image == null
          ? write.image() == null
          : write.image() != null && agrees(side, image, write.image())) {
        return index;
      }
      index++;
    }
    return -1;
  }

  private boolean agrees(final Side side, final IndexedRecord a, final IndexedRecord b) {
    for (final FieldBinding binding : rows.bindings()) {
      if (binding.writtenTo(side)
          && !Objects.equals(Rows.value(side, a, binding), Rows.value(side, b, binding))) {
        return false;
      }
    }
    return true;
  }

  private Deque<Unconfirmed> writes(final Side side, final String key) {
    return unconfirmed.get(side).computeIfAbsent(key, k -> new ArrayDeque<>());
  }
}
