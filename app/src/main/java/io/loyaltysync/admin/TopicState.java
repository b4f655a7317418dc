package io.loyaltysync.admin;

import java.util.List;

/**
 * One of the job's topics as the cluster has it.
 *
 * @param name the topic name
 * @param exists whether the cluster has it
 * @param created whether this run created it
 * @param partitions its partition count (0 when missing)
 * @param replicationFactor its smallest replica count over its partitions (0 when missing)
 * @param cleanupPolicy its {@code cleanup.policy} ("" when missing)
 * @param problems how it differs from what the job needs, one line each; empty when it fits
 */
public record TopicState(
    String name,
    boolean exists,
    boolean created,
    int partitions,
    int replicationFactor,
    String cleanupPolicy,
    List<String> problems) {

  public TopicState {
    problems = List.copyOf(problems);
  }

  static TopicState missing(final String name) {
    return new TopicState(name, false, false, 0, 0, "", List.of("missing"));
  }

  TopicState asCreated() {
    return new TopicState(
        name, exists, true, partitions, replicationFactor, cleanupPolicy, problems);
  }

  /** Whether the topic keeps the latest record of each key. */
  public boolean compacted() {
    return cleanupPolicy.contains("compact");
  }
}
