package io.loyaltysync.cli;

import static io.loyaltysync.cli.Commands.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commands as a user runs them, in-process: {@code demo} on its own embedded broker, {@code
 * topics} and {@code run} against a shared one.
 */
class CliIT {

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    Main.trustOurAvroPackage();
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void shouldRunTheDemoToTheEndAndSummariseWhatItSynced() {
    final Commands.Result demo = run("demo");

    assertEquals(0, demo.exitCode(), demo.toString());
    final String out = demo.out();
    assertTrue(out.contains("Mapped records: 3 to Dataverse, 2 to F&O"), out);
    assertTrue(out.contains("Echoes suppressed: 1"), out);
    assertTrue(out.contains("Conflicts audited: 1"), out);
    assertTrue(out.contains("Dead letters: 1"), out);
    assertTrue(out.contains("!! audit  CONFLICT  card LC-000100001  field PARTYNUMBER"), out);
    assertTrue(out.contains("xx dead letter  DESERIALIZATION"), out);
    assertTrue(out.contains("Demo finished"), out);
  }

  @Test
  void shouldCreateMissingTopicsAndThenFindThemFitting() {
    final Commands.Result create = run("topics", "--set", "topic.prefix=fit.", "--set", cluster());
    final Commands.Result check =
        run("topics", "--check", "--set", "topic.prefix=fit.", "--set", cluster());

    assertEquals(0, create.exitCode(), create.toString());
    assertTrue(create.out().contains("fit.crm.msdyn_loyaltycards"), create.out());
    assertTrue(create.out().contains("created"), create.out());
    assertEquals(0, check.exitCode(), check.toString());
    assertTrue(check.out().contains("compact"), check.out());
  }

  @Test
  void shouldRefuseChangeTopicsThatAreNotCoPartitionedInTopicsCheckAndRun() throws Exception {
    // Given every topic, but the Dataverse card changes with one partition more than F&O's
    assertEquals(0, run("topics", "--set", "topic.prefix=skew.", "--set", cluster()).exitCode());
    try (Admin admin = KafkaClients.admin(kafka)) {
      admin
          .createPartitions(
              Map.of("skew.crm.msdyn_loyaltycard.changes", NewPartitions.increaseTo(2)))
          .all()
          .get();
      // The call returns once the controller has the change; the broker's metadata follows a
      // moment later, and a check that reads it earlier would see one partition and start the job.
      awaitPartitions(admin, "skew.crm.msdyn_loyaltycard.changes", 2);
    }

    // When the topics are checked, and the job asked to run on them
    final Commands.Result check =
        run("topics", "--check", "--set", "topic.prefix=skew.", "--set", cluster());
    final Commands.Result job =
        run(
            "run",
            "--set",
            "topic.prefix=skew.",
            "--set",
            cluster(),
            "--set",
            "application.id=skew-run");

    // Then both refuse, naming the two topics
    assertEquals(Main.FAILED, check.exitCode(), check.toString());
    assertTrue(check.err().contains("not co-partitioned"), check.err());
    assertTrue(check.err().contains("skew.erp.loyalty-card.changes has 1 partitions"), check.err());
    assertTrue(check.err().contains("skew.crm.msdyn_loyaltycard.changes has 2"), check.err());
    assertEquals(Main.BAD_CONFIGURATION, job.exitCode(), job.toString());
    assertTrue(job.err().startsWith("run: refusing to start:"), job.err());
    assertTrue(job.err().contains("skew.crm.msdyn_loyaltycard.changes has 2"), job.err());
  }

  @Test
  void shouldRefuseToRunWhenTopicsAreMissingUnlessAskedToCreateThem() {
    final Commands.Result job =
        run(
            "run",
            "--set",
            "topic.prefix=missing.",
            "--set",
            cluster(),
            "--set",
            "application.id=m");

    assertEquals(Main.BAD_CONFIGURATION, job.exitCode(), job.toString());
    assertTrue(job.err().contains("missing.erp.loyalty-card.changes: missing"), job.err());
    assertTrue(job.err().contains("--create-topics"), job.err());
  }

  private static void awaitPartitions(final Admin admin, final String topic, final int partitions)
      throws Exception {
    final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size()
        != partitions) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(topic + " never showed " + partitions + " partitions");
      }
      Thread.sleep(50);
    }
  }

  private static String cluster() {
    return "bootstrap.servers=" + kafka.bootstrapServers();
  }
}
