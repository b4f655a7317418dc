package io.loyaltysync.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.topology.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicReportTest {

  private final Topics topics = TestTopics.withPrefix("");

  @Test
  void shouldNameTheChangeTopicsOfEachTemplateWhosePartitionCountsDiffer() {
    final Map<String, TopicState> states = allWithPartitions(3);
    states.put("erp.loyalty-card.changes", existing("erp.loyalty-card.changes", 2));
    states.put("crm.msdyn_loyaltylevel.changes", existing("crm.msdyn_loyaltylevel.changes", 6));

    final TopicReport report = new TopicReport(topics, states);

    assertEquals(
        Optional.of(
            "change topics are not co-partitioned (both change topics of a template need the same"
                + " partition count): erp.loyalty-card.changes has 2 partitions,"
                + " crm.msdyn_loyaltycard.changes has 3; erp.loyalty-level.changes has 3"
                + " partitions, crm.msdyn_loyaltylevel.changes has 6"),
        report.coPartitioningProblem());
    assertEquals(report.coPartitioningProblem().get(), report.problems().get(0));
  }

  @Test
  void shouldNotCompareAChangeTopicThatIsMissingButReportItMissing() {
    final Map<String, TopicState> states = allWithPartitions(3);
    states.remove("crm.msdyn_loyaltycard.changes");

    final TopicReport report = new TopicReport(topics, states);

    assertEquals(Optional.empty(), report.coPartitioningProblem());
    assertEquals(List.of("crm.msdyn_loyaltycard.changes: missing"), report.problems());
  }

  @Test
  void shouldBeOkWhenEveryTopicExistsAndFits() {
    final TopicReport report = new TopicReport(topics, allWithPartitions(3));

    assertTrue(report.ok(), report.problems().toString());
    assertEquals(topics.all().size(), report.topics().size());
  }

  private Map<String, TopicState> allWithPartitions(final int partitions) {
    final Map<String, TopicState> states = new HashMap<>();
    topics.all().forEach(t -> states.put(t.name(), existing(t.name(), partitions)));
    return states;
  }

  private static TopicState existing(final String name, final int partitions) {
    return new TopicState(name, true, false, partitions, 1, "delete", List.of());
  }
}
