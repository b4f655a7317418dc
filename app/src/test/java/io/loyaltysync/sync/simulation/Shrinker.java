package io.loyaltysync.sync.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin): removes chunks of a failing history, then ever smaller ones
 * down to single steps, keeping each removal after which a replay from scratch still fails. The
 * result fails and loses its failure if any one step is removed (unless the budget of replays or
 * time ran out first).
 */
final class Shrinker {

  private final Predicate<List<Step>> fails;
  private final int budget;
  private final long deadline;
  private int replays;

  /**
   * @param fails replays a history from scratch and says whether it still fails the same way
   * @param budget the most replays to spend
   * @param time the most time to spend
   */
  Shrinker(final Predicate<List<Step>> fails, final int budget, final Duration time) {
    this.fails = fails;
    this.budget = budget;
    this.deadline = System.nanoTime() + time.toNanos();
  }

  private boolean spent() {
    return replays >= budget || System.nanoTime() > deadline;
  }

  int replays() {
    return replays;
  }

  List<Step> shrink(final List<Step> history) {
    List<Step> current = new ArrayList<>(history);
    int chunks = 2;
    while (current.size() >= 2 && !spent()) {
      final int size = current.size();
      final int chunk = (size + chunks - 1) / chunks;
      boolean reduced = false;
      for (int start = 0; start < current.size() && !spent(); start += chunk) {
        final List<Step> without = new ArrayList<>(current.subList(0, start));
        without.addAll(current.subList(Math.min(start + chunk, current.size()), current.size()));
        replays++;
        if (fails.test(without)) {
          current = without;
          reduced = true;
          // Keep going from the same place: the next chunk has moved into it.
          start -= chunk;
        }
      }
      if (reduced) {
        chunks = Math.max(chunks - 1, 2);
      } else if (chunk == 1) {
        break;
      } else {
        chunks = Math.min(chunks * 2, current.size());
      }
    }
    return current;
  }
}
