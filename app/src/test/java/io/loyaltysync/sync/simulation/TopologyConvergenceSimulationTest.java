package io.loyaltysync.sync.simulation;

import static org.junit.jupiter.api.Assertions.fail;

import io.loyaltysync.mapping.ConflictPolicy;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The convergence simulation through the whole topology (serdes, processor, state store, outbound
 * topics, metrics) in a TopologyTestDriver: the same histories as {@link
 * ConvergenceSimulationTest}, fewer of them, since each run starts a driver. System property {@code
 * simulation.topology.seeds} (default 10 per template); {@code simulation.template} and {@code
 * simulation.events} as in {@link ConvergenceSimulationTest}.
 */
class TopologyConvergenceSimulationTest {

  private static final int SEEDS = Integer.getInteger("simulation.topology.seeds", 10);
  private static final int EVENTS = Integer.getInteger("simulation.events", 1000);

  private final Simulation simulation = Simulation.ofTopology();

  @TestFactory
  Stream<DynamicTest> shouldConvergeThroughTheTopologyUnderLastWriterWins() {
    return ConvergenceSimulationTest.templates().stream()
        .flatMap(
            template ->
                LongStream.rangeClosed(1, SEEDS)
                    .mapToObj(
                        seed ->
                            SimConfig.forSeed(
                                template, ConflictPolicy.LAST_WRITER_WINS, seed, EVENTS))
                    .map(
                        config ->
                            DynamicTest.dynamicTest(
                                template.id() + " seed " + config.seed(),
                                () -> {
                                  final Simulation.Run run = simulation.generate(config);
                                  if (run.failure() != null) {
                                    fail(simulation.explain(config, run));
                                  }
                                })));
  }
}
