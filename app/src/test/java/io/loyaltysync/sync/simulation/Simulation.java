package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.MapRegistry;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.simulation.Checks.Failure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the convergence simulation: a random history of steps from a seed, then quiescence (no more
 * user actions; feeds and writers drained), then the checks. A failing history is shrunk to the
 * shortest one that still fails the same check and replayed with a trace for the report.
 */
final class Simulation {

  private static final MapRegistry MAPS = MapRegistry.bundled();
  private static final Map<Template, Rows> ROWS = new EnumMap<>(Template.class);
  private static final int DRAIN_ROUNDS = 10_000;
  private static final int SHRINK_BUDGET = 20_000;
  private static final Duration SHRINK_TIME = Duration.ofSeconds(60);

  /**
   * One run.
   *
   * @param history the steps taken before quiescence
   * @param failure the first broken property, or null
   * @param trace what happened, step by step (only when asked for)
   */
  record Run(List<Step> history, Failure failure, List<String> trace) {}

  private final Function<SimConfig, SyncUnderTest> syncs;

  /**
   * @param syncs makes a fresh sync under test for a run
   */
  Simulation(final Function<SimConfig, SyncUnderTest> syncs) {
    this.syncs = syncs;
  }

  /** The simulation against the pure engine, with the map's initial-sync master. */
  static Simulation ofEngine() {
    return new Simulation(
        config -> {
          final CompiledMap map = MAPS.current(config.template());
          return new EngineSyncUnderTest(
              map,
              config.policy(),
              map.definition().initialSyncMaster(),
              config.maxPending(),
              config.echoes());
        });
  }

  static synchronized Rows rows(final Template template) {
    return ROWS.computeIfAbsent(template, t -> new Rows(MAPS.current(t)));
  }

  /** The simulation through the whole Kafka Streams topology, in a TopologyTestDriver. */
  static Simulation ofTopology() {
    return new Simulation(
        config ->
            new TopologySyncUnderTest(
                config.template(),
                config.policy(),
                MAPS.current(config.template()).definition().initialSyncMaster(),
                config.maxPending(),
                config.echoes()));
  }

  private World newWorld(
      final SimConfig config, final SyncUnderTest sync, final List<String> trace) {
    final Rows rows = rows(config.template());
    return new World(config, rows, new RowSpace(rows), sync, trace);
  }

  /** A sync under test that holds resources (a test driver) is closed after its run. */
  private static void close(final SyncUnderTest sync) {
    if (sync instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (final Exception e) {
        throw new IllegalStateException("cannot close the sync under test", e);
      }
    }
  }

  /** Generates and runs the random history of {@code config}'s seed. */
  Run generate(final SimConfig config) {
    final SyncUnderTest sync = syncs.apply(config);
    try {
      return generate(config, newWorld(config, sync, null));
    } finally {
      close(sync);
    }
  }

  private Run generate(final SimConfig config, final World world) {
    final Random random = new Random(config.seed());
    final StepGenerator generator =
        new StepGenerator(world, random, world.space.keys(config.keys()));
    final List<Step> history = new ArrayList<>();
    try {
      // Random steps (user actions, feed deliveries, writes) until the sync has received the
      // configured number of change events; the cap only guards against a generator that stops
      // delivering.
      for (int i = 0; world.inputs < config.events() && i < config.events() * 20; i++) {
        final Step step = generator.next();
        history.add(step);
        world.execute(step);
      }
    } catch (final RuntimeException e) {
      return new Run(history, crash(e), null);
    }
    return new Run(history, finish(world), null);
  }

  /** Replays {@code history} from scratch; with a trace when {@code traced}. */
  Run replay(final SimConfig config, final List<Step> history, final boolean traced) {
    final SyncUnderTest sync = syncs.apply(config);
    try {
      return replay(config, history, traced, sync);
    } finally {
      close(sync);
    }
  }

  private Run replay(
      final SimConfig config,
      final List<Step> history,
      final boolean traced,
      final SyncUnderTest sync) {
    final List<String> trace = traced ? new ArrayList<>() : null;
    final World world = newWorld(config, sync, trace);
    try {
      for (int i = 0; i < history.size(); i++) {
        world.log(String.format("%3d. %s", i + 1, history.get(i).describe(world.rows)));
        world.execute(history.get(i));
      }
    } catch (final RuntimeException e) {
      return new Run(history, crash(e), trace);
    }
    world.log("quiescence: no more user actions; feeds and writers drained");
    return new Run(history, finish(world), trace);
  }

  private static Failure finish(final World world) {
    try {
      if (!Quiescence.drain(world, DRAIN_ROUNDS)) {
        return new Failure(
            "quiesces",
            "feeds and writers still busy after "
                + DRAIN_ROUNDS
                + " rounds: the sync keeps writing");
      }
      Failure failure = Checks.accepted(world);
      if (failure == null) {
        failure = Checks.converged(world);
      }
      if (failure == null && world.config.policy() == ConflictPolicy.LAST_WRITER_WINS) {
        failure = Checks.noLostUpdate(world);
      }
      if (failure == null) {
        world.log("then every row is reported again, unchanged:");
        failure = Checks.quiet(world, Quiescence.refeed(world));
      }
      if (failure == null) {
        failure = Checks.accounted(world);
      }
      return failure;
    } catch (final RuntimeException e) {
      return crash(e);
    }
  }

  private static Failure crash(final RuntimeException e) {
    return new Failure(
        "crash",
        e
            + Arrays.stream(e.getStackTrace())
                .limit(8)
                .map(frame -> "\n    at " + frame)
                .collect(Collectors.joining()));
  }

  /** Shrinks a failing run to its shortest history that fails the same check, and describes it. */
  String explain(final SimConfig config, final Run failed) {
    final String check = failed.failure().check();
    final Shrinker shrinker =
        new Shrinker(
            candidate -> {
              final Run run = replay(config, candidate, false);
              return run.failure() != null && run.failure().check().equals(check);
            },
            SHRINK_BUDGET,
            SHRINK_TIME);
    final List<Step> shortest = shrinker.shrink(failed.history());
    final Run replayed = replay(config, shortest, true);
    final StringBuilder report = new StringBuilder();
    report
        .append("Convergence simulation failed: ")
        .append(config.describe())
        .append('\n')
        .append(failed.failure())
        .append("\n\nShortest failing history: ")
        .append(shortest.size())
        .append(" of ")
        .append(failed.history().size())
        .append(" steps (")
        .append(shrinker.replays())
        .append(" replays), then quiescence. Replayed:\n");
    replayed.trace().forEach(line -> report.append("  ").append(line).append('\n'));
    report.append(replayed.failure()).append('\n');
    report
        .append("Re-run this seed alone with -Dsimulation.template=")
        .append(config.template().id())
        .append(" -Dsimulation.seed=")
        .append(config.seed())
        .append('\n');
    return report.toString();
  }
}
