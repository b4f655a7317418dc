package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.simulation.SyncUnderTest.Output;
import java.util.ArrayList;
import java.util.List;

/** The end of a run: no more user actions; everything in flight is delivered and applied. */
final class Quiescence {

  private Quiescence() {}

  /**
   * Delivers every feed's events and applies every writer's writes, one of each per side a round,
   * until nothing moves; false if it still moves after {@code maxRounds} (a write loop).
   */
  static boolean drain(final World world, final int maxRounds) {
    for (int round = 0; round < maxRounds; round++) {
      boolean moved = false;
      for (final Side side : Side.values()) {
        if (!world.system(side).feed.isEmpty()) {
          world.log("drain: " + side + " feed delivers");
          world.execute(new Step.Deliver(side));
          moved = true;
        }
      }
      for (final Side side : Side.values()) {
        if (!world.system(side).writes.isEmpty()) {
          world.log("drain: " + side + " writer applies");
          world.execute(new Step.ApplyWrite(side, true, 1));
          moved = true;
        }
      }
      if (!moved) {
        return true;
      }
    }
    return false;
  }

  /** Each system reports every row it holds again, unchanged: what the sync emits for them. */
  static List<Output> refeed(final World world) {
    final List<Output> emitted = new ArrayList<>();
    for (final Side side : Side.values()) {
      final SimulatedSystem system = world.system(side);
      for (final String key : List.copyOf(system.rows.keySet())) {
        emitted.addAll(world.reportAgain(system, key));
      }
    }
    return emitted;
  }
}
