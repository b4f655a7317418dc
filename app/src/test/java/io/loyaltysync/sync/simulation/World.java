package io.loyaltysync.sync.simulation;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.simulation.Oracle.UserAction;
import io.loyaltysync.sync.simulation.SimulatedSystem.Applied;
import io.loyaltysync.sync.simulation.SimulatedSystem.FeedEvent;
import io.loyaltysync.sync.simulation.SimulatedSystem.QueuedWrite;
import io.loyaltysync.sync.simulation.SyncUnderTest.Accounting;
import io.loyaltysync.sync.simulation.SyncUnderTest.Output;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The two simulated systems around the sync under test, and one clock that only moves forward.
 * Executes steps, remembers every user action for the {@link Oracle}, and drains what is in flight.
 */
final class World {

  final SimConfig config;
  final Rows rows;
  final RowSpace space;
  final SyncUnderTest sync;
  final List<UserAction> actions = new ArrayList<>();

  /** User actions whose change event the sync counted as an echo on its first delivery. */
  final Set<UserAction> swallowed = new HashSet<>();

  final List<String> rejectedWrites = new ArrayList<>();
  private final EventFactory events;
  private final Hazards hazards;
  private final Map<Side, SimulatedSystem> systems = new EnumMap<>(Side.class);
  private final Map<Side, Map<String, Integer>> userActions = new EnumMap<>(Side.class);
  private final Map<Side, Map<String, Integer>> deliveredActions = new EnumMap<>(Side.class);
  private final List<String> trace;
  private long now;
  private long writes;
  long inputs;

  World(
      final SimConfig config,
      final Rows rows,
      final RowSpace space,
      final SyncUnderTest sync,
      final List<String> trace) {
    this.config = config;
    this.rows = rows;
    this.space = space;
    this.sync = sync;
    this.trace = trace;
    this.events = new EventFactory(rows, space, config);
    this.hazards = new Hazards(this);
    for (final Side side : Side.values()) {
      systems.put(side, new SimulatedSystem(side));
      userActions.put(side, new HashMap<>());
      deliveredActions.put(side, new HashMap<>());
    }
  }

  SimulatedSystem system(final Side side) {
    return systems.get(side);
  }

  void execute(final Step step) {
    if (step instanceof Step.Create create) {
      userChange(create.side(), create.key(), Operation.CREATE, create.row(), create.delta());
    } else if (step instanceof Step.Edit edit) {
      edit(edit);
    } else if (step instanceof Step.Delete delete) {
      userChange(delete.side(), delete.key(), Operation.DELETE, null, delete.delta());
    } else if (step instanceof Step.Deliver deliver) {
      deliverNext(deliver.side(), true);
    } else if (step instanceof Step.Duplicate duplicate) {
      deliverNext(duplicate.side(), false);
    } else if (step instanceof Step.Redeliver redeliver) {
      redeliver(redeliver);
    } else if (step instanceof Step.ApplyWrite write) {
      applyWrite(write.side(), write.marked(), write.delta());
    } else if (step instanceof Step.Poison poison) {
      poison(poison);
    }
  }

  // ---- users ----------------------------------------------------------------------------------

  private void edit(final Step.Edit step) {
    final IndexedRecord before = system(step.side()).rows.get(step.key());
    if (before == null) {
      log("  (" + step.key() + " is not in " + step.side() + ": nothing happens)");
      return;
    }
    final IndexedRecord after = Rows.copy(before);
    for (final Step.FieldValue value : step.values()) {
      final Object copy =
          value.value() instanceof IndexedRecord record ? Rows.copy(record) : value.value();
      after.put(rows.bindings().get(value.binding()).position(step.side()), copy);
    }
    userChange(step.side(), step.key(), Operation.UPDATE, after, step.delta());
  }

  private void userChange(
      final Side side,
      final String key,
      final Operation op,
      final IndexedRecord after,
      final int delta) {
    final SimulatedSystem system = system(side);
    final IndexedRecord before = system.rows.get(key);
    if ((before == null) != (op == Operation.CREATE)) {
      log("  (" + key + (before == null ? " is not" : " is already") + " in " + side + ": no-op)");
      return;
    }
    if (after != null && !rows.valid(side, after)) {
      log("  (the row would break " + side + "'s rules: the user cannot save it)");
      return;
    }
    final String veto =
        hazards.vetoUserAction(side, key, before, after, nextTimestamp(system, delta));
    if (veto != null) {
      log("  (skipped while a known engine bug is open: " + veto + ")");
      return;
    }
    if (after == null) {
      system.rows.remove(key);
    } else {
      system.rows.put(key, Rows.copy(after));
    }
    final int index = userActions.get(side).merge(key, 1, Integer::sum) - 1;
    final long timestamp = tick(system, delta);
    actions.add(
        new UserAction(
            side,
            key,
            op,
            index,
            timestamp,
            system.sequence,
            Rows.copy(before),
            Rows.copy(after),
            system.knownOther(key),
            before == null ? null : Rows.copy(rows.asErp(side, before)),
            after == null ? null : Rows.copy(rows.asErp(side, after))));
    publish(system, key, op, after, timestamp, null, index, -1);
  }

  // ---- feeds ----------------------------------------------------------------------------------

  /** Advances the clock for a change of {@code system}; its own events never share a stamp. */
  private long tick(final SimulatedSystem system, final int delta) {
    final long timestamp = nextTimestamp(system, delta);
    now = Math.max(now, timestamp);
    system.lastTimestamp = timestamp;
    system.sequence++;
    return timestamp;
  }

  private long nextTimestamp(final SimulatedSystem system, final int delta) {
    final long timestamp = now + delta;
    if (timestamp <= system.lastTimestamp) {
      return config.sequences(system.side) ? system.lastTimestamp : system.lastTimestamp + 1;
    }
    return timestamp;
  }

  private void publish(
      final SimulatedSystem system,
      final String key,
      final Operation op,
      final IndexedRecord after,
      final long timestamp,
      final String origin,
      final int userAction,
      final long writeId) {
    final SpecificRecord event =
        events.event(system.side, op, key, after, timestamp, system.sequence, origin, system.side);
    final String summary =
        String.format(
            "%s %s %s @%d%s by %s%s",
            system.side,
            op,
            key,
            timestamp,
            config.sequences(system.side) ? "#" + system.sequence : "",
            writeId < 0 ? "user" : "writer",
            writeId >= 0 && origin == null ? " (no origin marker)" : "");
    system.feed.add(new FeedEvent(key, event, userAction, writeId, true, summary));
    log("  -> " + summary + (after == null ? "" : " " + rows.render(system.side, after)));
  }

  private void deliverNext(final Side side, final boolean consume) {
    final SimulatedSystem system = system(side);
    final FeedEvent event = consume ? system.feed.poll() : system.feed.peek();
    if (event == null) {
      log("  (the " + side + " feed is empty)");
      return;
    }
    if (consume) {
      system.delivered.add(event);
    }
    deliver(system, event);
  }

  private void redeliver(final Step.Redeliver step) {
    final SimulatedSystem system = system(step.side());
    if (system.delivered.size() < step.back()) {
      log("  (the " + step.side() + " feed has not delivered that many events)");
      return;
    }
    final FeedEvent event = system.delivered.get(system.delivered.size() - step.back());
    deliver(system, event);
  }

  /** A change event claiming the other system: a bad record on this feed's topic. */
  private void poison(final Step.Poison step) {
    final SimulatedSystem system = system(step.side());
    final long timestamp = tick(system, step.delta());
    final SpecificRecord event =
        events.event(
            step.side(),
            Operation.DELETE,
            step.key(),
            null,
            timestamp,
            system.sequence,
            null,
            step.side().other());
    final String summary = step.side() + " invalid event (wrong source system) for " + step.key();
    system.feed.add(new FeedEvent(step.key(), event, -1, -1, false, summary));
    log("  -> " + summary);
  }

  private void deliver(final SimulatedSystem system, final FeedEvent event) {
    final Accounting before = sync.accounting();
    sync.send(system.side, event.key(), hazards.adjust(system.side, event));
    inputs++;
    hazards.unconfirmed().delivered(system.side, event);
    final Accounting after = sync.accounting();
    if (event.userAction() >= 0) {
      final int known = deliveredActions.get(system.side).getOrDefault(event.key(), 0);
      if (event.userAction() >= known && after.echoes() > before.echoes()) {
        swallowed.add(action(system.side, event.key(), event.userAction()));
      }
      deliveredActions.get(system.side).merge(event.key(), event.userAction() + 1, Math::max);
    }
    log("  sync <- " + event.summary() + ": " + Trace.outcome(before, after));
    for (final Output output : sync.poll()) {
      final int known = deliveredActions.get(output.to().other()).getOrDefault(output.key(), 0);
      final long id = writes++;
      system(output.to()).writes.add(new QueuedWrite(output, id, known));
      hazards.unconfirmed().emitted(output, id);
      log("  sync -> " + Trace.describe(rows, output));
    }
  }

  private UserAction action(final Side side, final String key, final int index) {
    for (final UserAction action : actions) {
      if (action.side() == side && action.key().equals(key) && action.index() == index) {
        return action;
      }
    }
    throw new IllegalStateException("no action " + index + " of " + side + " on " + key);
  }

  // ---- writers --------------------------------------------------------------------------------

  private void applyWrite(final Side side, final boolean marked, final int delta) {
    final SimulatedSystem system = system(side);
    final QueuedWrite write = system.writes.poll();
    if (write == null) {
      log("  (the " + side + " writer has nothing queued)");
      return;
    }
    log("  writer: " + Trace.describe(rows, write.output()));
    final Applied applied = system.apply(write, rows, space);
    if (applied.refused()) {
      rejectedWrites.add(side + " refused " + Trace.describe(rows, write.output()));
      log("  (" + side + " refuses the row: it breaks the system's rules)");
    } else if (applied.op() == null) {
      log("  (" + write.output().key() + " is already gone from " + side + ": nothing changes)");
    } else {
      final String origin = marked ? EngineSyncUnderTest.ORIGIN : null;
      publish(
          system,
          write.output().key(),
          applied.op(),
          applied.row(),
          // A write lands after what it carries happened: never at the same instant.
          tick(system, Math.max(1, delta)),
          origin,
          -1,
          write.id());
    }
  }

  // ---- quiescence ---------------------------------------------------------------------------

  /** The system reports its row of {@code key} again, unchanged, as a user's save: the outputs. */
  List<Output> reportAgain(final SimulatedSystem system, final String key) {
    final SpecificRecord event =
        events.event(
            system.side,
            Operation.UPDATE,
            key,
            system.rows.get(key),
            tick(system, 1),
            system.sequence,
            null,
            system.side);
    sync.send(system.side, key, event);
    inputs++;
    return sync.poll();
  }

  void log(final String line) {
    if (trace != null) {
      trace.add(line);
    }
  }
}
