package io.loyaltysync.sync.simulation;

import static org.junit.jupiter.api.Assertions.fail;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Template;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The convergence simulation against the pure sync engine: for each seed and template, a random
 * history of concurrent user edits on both systems, duplicated and stale feed events and delayed
 * writes; then quiescence and the checks of {@link Checks}. A failure prints the seed and the
 * shortest history that still fails.
 *
 * <p>System properties: {@code simulation.seeds} (default 200 per template under last-writer-wins,
 * a tenth of that under each other policy), {@code simulation.firstSeed} (default 1), {@code
 * simulation.seed} (only these seeds, comma-separated), {@code simulation.events} (change events
 * the sync receives per run, default 1000), {@code simulation.template} (card, level or
 * reward-point; default all three), {@code simulation.expose} (see {@link KnownEngineBug}).
 */
class ConvergenceSimulationTest {

  private static final int SEEDS = Integer.getInteger("simulation.seeds", 200);
  private static final long FIRST_SEED = Long.getLong("simulation.firstSeed", 1L);
  private static final int EVENTS = Integer.getInteger("simulation.events", 1000);

  private final Simulation simulation = Simulation.ofEngine();

  @TestFactory
  Stream<DynamicTest> shouldConvergeWithoutLosingAnUpdateUnderLastWriterWins() {
    return runs(ConflictPolicy.LAST_WRITER_WINS, SEEDS);
  }

  /** The same histories must converge under the other policies too (no lost-update check). */
  @TestFactory
  Stream<DynamicTest> shouldConvergeUnderErpWinsAndCrmWins() {
    final int seeds = Math.max(1, SEEDS / 10);
    return Stream.concat(
        runs(ConflictPolicy.ERP_WINS, seeds), runs(ConflictPolicy.CRM_WINS, seeds));
  }

  private Stream<DynamicTest> runs(final ConflictPolicy policy, final int count) {
    return templates().stream()
        .flatMap(
            template ->
                seeds(count)
                    .mapToObj(seed -> SimConfig.forSeed(template, policy, seed, EVENTS))
                    .map(
                        config ->
                            DynamicTest.dynamicTest(
                                template.id() + " " + policy.id() + " seed " + config.seed(),
                                () -> check(config))));
  }

  private void check(final SimConfig config) {
    final Simulation.Run run = simulation.generate(config);
    if (run.failure() != null) {
      fail(simulation.explain(config, run));
    }
  }

  private static LongStream seeds(final int count) {
    final String only = System.getProperty("simulation.seed");
    return only != null
        ? Arrays.stream(only.split(",")).mapToLong(s -> Long.parseLong(s.trim()))
        : LongStream.range(FIRST_SEED, FIRST_SEED + count);
  }

  static List<Template> templates() {
    final String only = System.getProperty("simulation.template");
    return only == null
        ? Arrays.asList(Template.values())
        : List.of(Template.ofId(only).orElseThrow());
  }
}
