package io.loyaltysync.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Topic creation and checks against a real broker; each test under a topic prefix of its own. */
class TopicAdminIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final short ONE_REPLICA = 1;

  private static EmbeddedKafka kafka;
  private static Admin admin;
  private static TopicAdmin topicAdmin;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
    admin = KafkaClients.admin(kafka);
    topicAdmin = new TopicAdmin(admin, TIMEOUT);
  }

  @AfterAll
  static void stopBroker() {
    admin.close();
    kafka.close();
  }

  @Test
  void shouldCreateEveryTopicWithThePartitionsAskedAndCompactTheOutboundOnes() {
    final Topics topics = TestTopics.withPrefix("create.");

    final TopicReport report = topicAdmin.createMissing(topics, 3, ONE_REPLICA);

    assertTrue(report.ok(), report.problems().toString());
    assertEquals(topics.all().stream().map(Topics.Topic::name).toList(), report.created());
    for (final Topics.Topic<?> topic : topics.all()) {
      final TopicState state = report.topic(topic.name()).orElseThrow();
      assertEquals(3, state.partitions(), topic.name());
      assertEquals(1, state.replicationFactor(), topic.name());
      assertEquals(topic.compacted() ? "compact" : "delete", state.cleanupPolicy(), topic.name());
    }
    assertTrue(report.topic("create.crm.msdyn_loyaltycards").orElseThrow().compacted());
    assertTrue(report.topic("create.erp.loyalty-reward-points").orElseThrow().compacted());
  }

  @Test
  void shouldCreateNothingTheSecondTime() {
    final Topics topics = TestTopics.withPrefix("twice.");
    topicAdmin.createMissing(topics, 2, ONE_REPLICA);

    final TopicReport again = topicAdmin.createMissing(topics, 2, ONE_REPLICA);

    assertEquals(List.of(), again.created());
    assertTrue(again.ok(), again.problems().toString());
  }

  @Test
  void shouldReportChangeTopicsThatAreNotCoPartitioned() throws Exception {
    final Topics topics = TestTopics.withPrefix("copart.");
    final String erpCards = topics.changes(Template.CARD, Side.ERP).name();
    admin.createTopics(Set.of(new NewTopic(erpCards, 2, ONE_REPLICA))).all().get();

    final TopicReport report = topicAdmin.createMissing(topics, 4, ONE_REPLICA);

    assertEquals(
        Optional.of(
            "change topics are not co-partitioned (both change topics of a template need the same"
                + " partition count): copart.erp.loyalty-card.changes has 2 partitions,"
                + " copart.crm.msdyn_loyaltycard.changes has 4"),
        report.coPartitioningProblem());
    assertFalse(report.created().contains(erpCards), "an existing topic is left as it is");
  }

  @Test
  void shouldReportAnOutboundTopicThatIsNotCompactedAndADeadLetterTopicThatIs() throws Exception {
    final Topics topics = TestTopics.withPrefix("policy.");
    final String outbound = topics.records(Template.LEVEL, Side.ERP).name();
    final String deadLetter = topics.deadLetter().name();
    admin
        .createTopics(
            Set.of(
                new NewTopic(outbound, 1, ONE_REPLICA),
                new NewTopic(deadLetter, 1, ONE_REPLICA)
                    .configs(Map.of("cleanup.policy", "compact"))))
        .all()
        .get();

    final TopicReport report = topicAdmin.createMissing(topics, 1, ONE_REPLICA);

    assertEquals(
        List.of(
            outbound
                + ": cleanup.policy is 'delete', expected compact: the writer needs the latest"
                + " record of every key",
            deadLetter
                + ": cleanup.policy is 'compact', expected delete: compaction keeps only the last"
                + " record of each key"),
        report.problems());
    assertEquals(Optional.empty(), report.coPartitioningProblem());
  }

  @Test
  void shouldCheckWithoutCreatingAnything() throws Exception {
    final Topics topics = TestTopics.withPrefix("check.");

    final TopicReport report = topicAdmin.check(topics, ONE_REPLICA);

    assertEquals(List.of(), report.created());
    assertTrue(report.topics().stream().noneMatch(TopicState::exists));
    assertEquals(
        "check.erp.loyalty-card.changes: missing", report.problems().get(0), "inputs first");
    assertTrue(
        admin.listTopics().names().get().stream().noneMatch(name -> name.startsWith("check.")));
  }
}
