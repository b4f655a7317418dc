package io.loyaltysync.admin;

import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The job's topics as the cluster has them, in {@link Topics#all()} order, and what is wrong. */
public final class TopicReport {

  private final List<TopicState> topics;
  private final Optional<String> coPartitioningProblem;

  TopicReport(final Topics declared, final Map<String, TopicState> byName) {
    final List<TopicState> states = new ArrayList<>();
    for (final Topics.Topic<?> topic : declared.all()) {
      states.add(byName.getOrDefault(topic.name(), TopicState.missing(topic.name())));
    }
    this.topics = List.copyOf(states);
    this.coPartitioningProblem = coPartitioning(declared, byName);
  }

  /** Every topic of the job. */
  public List<TopicState> topics() {
    return topics;
  }

  /** One topic by name. */
  public Optional<TopicState> topic(final String name) {
    return topics.stream().filter(state -> state.name().equals(name)).findFirst();
  }

  /** The topics this run created. */
  public List<String> created() {
    return topics.stream().filter(TopicState::created).map(TopicState::name).toList();
  }

  /**
   * Why some template's two change topics are not co-partitioned, naming the topics and their
   * partition counts; empty when they all are. The job must not start on it: a key would then reach
   * the sync processor through two different tasks, each with its own state.
   */
  public Optional<String> coPartitioningProblem() {
    return coPartitioningProblem;
  }

  /** Every problem, one line each, topic name first; co-partitioning last. */
  public List<String> problems() {
    final List<String> problems = new ArrayList<>();
    for (final TopicState state : topics) {
      for (final String problem : state.problems()) {
        problems.add(state.name() + ": " + problem);
      }
    }
    coPartitioningProblem.ifPresent(problems::add);
    return problems;
  }

  /** Whether every topic exists and fits. */
  public boolean ok() {
    return problems().isEmpty();
  }

  private static Optional<String> coPartitioning(
      final Topics declared, final Map<String, TopicState> byName) {
    final List<String> differences = new ArrayList<>();
    for (final Template template : Template.values()) {
      final TopicState erp = byName.get(declared.changes(template, Side.ERP).name());
      final TopicState crm = byName.get(declared.changes(template, Side.CRM).name());
      // A missing topic is reported as missing; there is nothing to compare it with yet.
      if (erp != null && crm != null && erp.partitions() != crm.partitions()) {
        differences.add(
            erp.name()
                + " has "
                + erp.partitions()
                + " partitions, "
                + crm.name()
                + " has "
                + crm.partitions());
      }
    }
    if (differences.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "change topics are not co-partitioned (both change topics of a template need the same"
            + " partition count): "
            + String.join("; ", differences));
  }
}
