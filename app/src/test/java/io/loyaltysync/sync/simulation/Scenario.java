package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.EchoMatching;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.avro.generic.IndexedRecord;

/**
 * A hand-written history, step by step, with fields named as each side names them: for the
 * reproductions of what the simulation found. It runs with no known engine bug avoided.
 */
final class Scenario {

  private final Template template;
  private final Rows rows;
  private final RowSpace space;
  private final List<Step> steps = new ArrayList<>();
  private boolean sequences;
  private EchoMatching echoes = EchoMatching.MARKER_OR_MATCH;
  private int nextDelta = 1;

  private Scenario(final Template template) {
    this.template = template;
    this.rows = Simulation.rows(template);
    this.space = new RowSpace(rows);
  }

  static Scenario of(final Template template) {
    return new Scenario(template);
  }

  /** Both feeds number their events, so two events of one instant still have an order. */
  Scenario withSequences() {
    sequences = true;
    return this;
  }

  /** The sync takes only events with the origin marker for echoes. */
  Scenario markerOnly() {
    echoes = EchoMatching.MARKER_ONLY;
    return this;
  }

  /** The next change happens at the same instant as the previous one. */
  Scenario atTheSameInstant() {
    nextDelta = 0;
    return this;
  }

  /**
   * A user creates the row: a fixed valid row of the key (one-way fields empty, so they stay out of
   * the way), with the given fields set.
   */
  Scenario create(final Side side, final String key, final Object... namesAndValues) {
    final IndexedRecord erp = space.newErpRow(new Random(key.hashCode()), key);
    final IndexedRecord empty = space.defaults(Side.ERP);
    for (final FieldBinding binding : rows.bindings()) {
      if (!binding.type().bidirectional()) {
        erp.put(binding.position(Side.ERP), empty.get(binding.position(Side.ERP)));
      }
    }
    final IndexedRecord row = rows.inSide(side, erp);
    for (final Step.FieldValue value : values(side, namesAndValues)) {
      row.put(rows.bindings().get(value.binding()).position(side), value.value());
    }
    steps.add(new Step.Create(side, key, row, delta()));
    return this;
  }

  Scenario edit(final Side side, final String key, final Object... namesAndValues) {
    steps.add(new Step.Edit(side, key, values(side, namesAndValues), delta()));
    return this;
  }

  Scenario delete(final Side side, final String key) {
    steps.add(new Step.Delete(side, key, delta()));
    return this;
  }

  Scenario deliver(final Side side) {
    return deliver(side, 1);
  }

  Scenario deliver(final Side side, final int events) {
    for (int i = 0; i < events; i++) {
      steps.add(new Step.Deliver(side));
    }
    return this;
  }

  /** The feed delivers its next event now and again later. */
  Scenario duplicate(final Side side) {
    steps.add(new Step.Duplicate(side));
    return this;
  }

  /** The side's writer applies its oldest queued write, with the origin marker. */
  Scenario apply(final Side side) {
    steps.add(new Step.ApplyWrite(side, true, delta()));
    return this;
  }

  Scenario applyWithoutMarker(final Side side) {
    steps.add(new Step.ApplyWrite(side, false, delta()));
    return this;
  }

  /** Replays the history, then quiescence and the checks, with a trace. */
  Simulation.Run run() {
    final SimConfig config =
        new SimConfig(
            template,
            ConflictPolicy.LAST_WRITER_WINS,
            0,
            steps.size(),
            1,
            sequences,
            sequences,
            echoes,
            0,
            16,
            Set.of());
    return Simulation.ofEngine().replay(config, steps, true);
  }

  private int delta() {
    final int delta = nextDelta;
    nextDelta = 1;
    return delta;
  }

  private List<Step.FieldValue> values(final Side side, final Object... namesAndValues) {
    final List<Step.FieldValue> values = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.add(
          new Step.FieldValue(binding(side, (String) namesAndValues[i]), namesAndValues[i + 1]));
    }
    return values;
  }

  private int binding(final Side side, final String name) {
    for (int b = 0; b < rows.bindings().size(); b++) {
      if (rows.name(side, rows.bindings().get(b)).equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException("no mapped field " + name + " on " + side);
  }
}
