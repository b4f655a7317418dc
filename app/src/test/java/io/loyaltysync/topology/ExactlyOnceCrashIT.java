package io.loyaltysync.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.serde.ApicurioRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once across crashes, with the job run as an operator runs it: two instances of {@code
 * java -jar loyalty-sync.jar run} as separate OS processes share the work on a real broker, with a
 * real schema registry (Apicurio's Confluent-compatible API) between them and the test. While a
 * stream of change events flows, one instance is killed with SIGKILL at random points and started
 * again on the same state directory; the other runs throughout. A read_committed reader must then
 * find every expected output exactly once and nothing else, the expected outputs being the same
 * inputs replayed through the topology in a TopologyTestDriver.
 *
 * <p>The seed of every random choice is logged; {@code -Dcrash.seed=N} replays the same stream of
 * events and kill points (the timing, and so what each kill interrupts, still varies).
 */
class ExactlyOnceCrashIT {

  private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceCrashIT.class);

  private static final int KEYS_PER_ROLE = 12;
  private static final int EVENTS_PER_SECOND = 120;

  /** Bounds the run if the kills take long; the stream stops sooner once they are done. */
  private static final int MAX_EVENTS = 12_000;

  private static final int KILLS = 4;

  /**
   * Every write a key's answers have not confirmed yet is remembered. An instance's outage piles up
   * a key's writes; with the default (16) the oldest are forgotten, and then which write an echo
   * confirms depends on how the two feeds interleaved, which the oracle cannot know.
   */
  private static final String MAX_PENDING_WRITES = "1000";

  /** A graceful stop: the job's close timeout (30 s), and room for a slow machine. */
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(45);

  private static EmbeddedKafka kafka;
  private static ApicurioRegistry registry;

  @BeforeAll
  static void startBrokerAndRegistry() throws IOException {
    kafka = EmbeddedKafka.start();
    registry = ApicurioRegistry.start();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldEmitEveryExpectedOutputExactlyOnceWhileAnInstanceIsKilledAndRestarted()
      throws Exception {
    final long seed = Long.getLong("crash.seed", new Random().nextLong());
    LOG.info("Crash test seed {} (replay with -Dcrash.seed={})", seed, seed);
    final CrashRun run =
        new CrashRun(
            kafka,
            registry,
            "crash",
            seed,
            Map.of("topic.prefix", "crash.", "sync.max-pending-writes", MAX_PENDING_WRITES));
    final ChangeStream stream = new ChangeStream(new Random(seed), KEYS_PER_ROLE);
    final Random killPoints = new Random(~seed);
    try (Feeds feeds = new Feeds(kafka, run.topics());
        Admin admin = KafkaClients.admin(kafka)) {
      // Given the currencies reward points refer to, and two instances sharing the work
      for (final String code : Rows.CURRENCIES) {
        feeds.send(Input.currency(code, Events.currency(code, 0)));
      }
      feeds.flush();
      final JobProcess a = run.start("a");
      JobProcess b = run.start("b");
      a.awaitRunning(CrashRun.DEADLINE);
      b.awaitRunning(CrashRun.DEADLINE);

      // When a stream of changes flows (the writers answering the job's writes), and b is killed
      // mid-stream with SIGKILL at random points and started again on its state directory
      final Map<TopicPartition, Long> ends;
      try (WriterFeedback feedback =
              new WriterFeedback(kafka, run.topics(), stream, feeds, CrashRun.PARTITIONS).start();
          PacedSender producer =
              new PacedSender(stream, feeds, EVENTS_PER_SECOND, MAX_EVENTS).start()) {
        for (int kill = 1; kill <= KILLS; kill++) {
          run.awaitTasks(admin, b);
          Thread.sleep(500 + killPoints.nextInt(2_500));
          LOG.info("Kill {} of {}: SIGKILL to {} ({} inputs sent)", kill, KILLS, b, feeds.count());
          b.kill();
          Thread.sleep(killPoints.nextInt(2_000));
          b = run.start("b");
        }
        // The last start takes part in the stream too.
        run.awaitTasks(admin, b);
        producer.stop();
        ends = run.awaitSettled(admin, feeds, feedback);
      }
      final Outputs actual = run.readCommitted(ends);
      final List<Input> inputs = feeds.sent();
      final Outputs expected = Oracle.replay(run.layout(), inputs);
      LOG.info(
          "{} inputs, {} outputs expected, {} found",
          inputs.size(),
          expected.count(),
          actual.count());

      // Then a read_committed reader finds every expected output exactly once and nothing else
      final String differences = expected.differencesFrom(actual);
      if (!differences.isEmpty()) {
        run.writeDetails(expected, actual, inputs);
      }
      assertEquals(
          "", differences, () -> run.describe() + "\nOutputs that differ from the oracle's:");
      final Set<String> outputTopics = new TreeSet<>();
      Outputs.of(run.topics()).forEach(topic -> outputTopics.add(topic.name()));
      assertEquals(outputTopics, expected.topics(), "the stream makes every kind of output");
      assertTrue(
          expected.count() > inputs.size() / 4,
          () -> "too few outputs to prove anything: " + expected.count() + "; " + run.describe());

      // And SIGTERM stops each instance promptly, with exit code 0
      assertEquals(OptionalInt.of(0), b.terminate(STOP_DEADLINE), () -> "b on SIGTERM: " + run);
      assertEquals(OptionalInt.of(0), a.terminate(STOP_DEADLINE), () -> "a on SIGTERM: " + run);
    } finally {
      run.close();
    }
  }
}
