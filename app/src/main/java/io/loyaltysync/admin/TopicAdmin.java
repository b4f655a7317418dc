package io.loyaltysync.admin;

import io.loyaltysync.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the job's topics, as {@link Topics} declares them, and checks the ones that exist: the
 * outbound topics compacted, this app's other topics not (compaction would drop all but the last
 * dead letter or audit event of a key), replication as asked, and each template's two change topics
 * co-partitioned. Topics the change feeds own keep the partition counts their producers chose; only
 * co-partitioning is required of them.
 */
public final class TopicAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private static final Duration METADATA_POLL = Duration.ofMillis(100);

  private final Admin admin;
  private final Duration timeout;

  /**
   * @param admin a client of the cluster; the caller owns it and closes it
   * @param timeout how long one round of requests may take before the cluster counts as unreachable
   */
  public TopicAdmin(final Admin admin, final Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /**
   * Creates each missing topic with {@code partitions} and {@code replicationFactor} (compacted
   * where declared so), then reports every topic as the cluster now has it.
   *
   * @throws TopicAdminException when the cluster cannot be reached or refuses
   */
  public TopicReport createMissing(
      final Topics topics, final int partitions, final short replicationFactor) {
    if (partitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException(
          "partitions and replication factor must be positive, were "
              + partitions
              + " and "
              + replicationFactor);
    }
    final Map<String, TopicState> before = describe(topics, replicationFactor);
    final List<NewTopic> missing = new ArrayList<>();
    for (final Topics.Topic<?> topic : topics.all()) {
      if (!before.containsKey(topic.name())) {
        final NewTopic newTopic = new NewTopic(topic.name(), partitions, replicationFactor);
        if (topic.compacted()) {
          newTopic.configs(
              Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        missing.add(newTopic);
      }
    }
    final Set<String> created = create(missing);
    final Map<String, TopicState> after = new HashMap<>();
    describeIncluding(topics, replicationFactor, created)
        .forEach(
            (name, state) -> after.put(name, created.contains(name) ? state.asCreated() : state));
    return new TopicReport(topics, after);
  }

  /**
   * Reports every topic as the cluster has it, creating nothing.
   *
   * @param replicationFactor the replication asked for; fewer replicas are a problem
   * @throws TopicAdminException when the cluster cannot be reached or refuses
   */
  public TopicReport check(final Topics topics, final short replicationFactor) {
    return new TopicReport(topics, describe(topics, replicationFactor));
  }

  private Set<String> create(final List<NewTopic> missing) {
    if (missing.isEmpty()) {
      return Set.of();
    }
    final Map<String, ? extends Future<Void>> results = admin.createTopics(missing).values();
    final List<String> created = new ArrayList<>();
    for (final Map.Entry<String, ? extends Future<Void>> result : results.entrySet()) {
      try {
        await(result.getValue(), "create topic " + result.getKey());
        created.add(result.getKey());
      } catch (final TopicAdminException e) {
        // Another instance or an operator created it meanwhile: checked like any existing topic.
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    if (!created.isEmpty()) {
      LOG.info("Created topics {}", created);
    }
    return Set.copyOf(created);
  }

  /**
   * Describes until the topics just created appear: a broker learns of a new topic from the
   * controller a moment after the controller has confirmed it.
   */
  private Map<String, TopicState> describeIncluding(
      final Topics topics, final short replicationFactor, final Set<String> created) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      final Map<String, TopicState> states = describe(topics, replicationFactor);
      if (states.keySet().containsAll(created) || System.nanoTime() - deadline > 0) {
        return states;
      }
      try {
        Thread.sleep(METADATA_POLL.toMillis());
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TopicAdminException("interrupted while waiting for new topics", e);
      }
    }
  }

  /** The declared topics that exist, by name, each checked against what the job needs. */
  private Map<String, TopicState> describe(final Topics topics, final short replicationFactor) {
    final Map<String, Topics.Topic<?>> byName = new LinkedHashMap<>();
    topics.all().forEach(topic -> byName.put(topic.name(), topic));
    final Map<String, TopicDescription> descriptions = new LinkedHashMap<>();
    final Map<String, ? extends Future<TopicDescription>> futures =
        admin.describeTopics(byName.keySet()).topicNameValues();
    for (final Map.Entry<String, ? extends Future<TopicDescription>> entry : futures.entrySet()) {
      try {
        descriptions.put(entry.getKey(), await(entry.getValue(), "describe " + entry.getKey()));
      } catch (final TopicAdminException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
    final Map<String, String> policies = cleanupPolicies(descriptions.keySet());
    final Map<String, TopicState> states = new HashMap<>();
    for (final TopicDescription description : descriptions.values()) {
      final Topics.Topic<?> topic = byName.get(description.name());
      final int replicas =
          description.partitions().stream()
              .mapToInt((TopicPartitionInfo p) -> p.replicas().size())
              .min()
              .orElse(0);
      final String policy = policies.getOrDefault(description.name(), "");
      states.put(
          description.name(),
          new TopicState(
              description.name(),
              true,
              false,
              description.partitions().size(),
              replicas,
              policy,
              problems(topic, replicas, policy, replicationFactor)));
    }
    return states;
  }

  private Map<String, String> cleanupPolicies(final Set<String> names) {
    if (names.isEmpty()) {
      return Map.of();
    }
    final List<ConfigResource> resources =
        names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
    final Map<ConfigResource, Config> configs =
        await(admin.describeConfigs(resources).all(), "describe topic configs");
    final Map<String, String> policies = new HashMap<>();
    configs.forEach(
        (resource, config) -> {
          final ConfigEntry entry = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
          policies.put(resource.name(), entry == null ? "" : entry.value());
        });
    return policies;
  }

  private static List<String> problems(
      final Topics.Topic<?> topic,
      final int replicas,
      final String policy,
      final short replicationFactor) {
    final List<String> problems = new ArrayList<>();
    final boolean compacted = policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT);
    if (topic.compacted() && !compacted) {
      problems.add(
          "cleanup.policy is '"
              + policy
              + "', expected compact: the writer needs the latest record of every key");
    } else if (!topic.compacted() && compacted && topic.writer() == Topics.Writer.THIS_APP) {
      problems.add(
          "cleanup.policy is '"
              + policy
              + "', expected delete: compaction keeps only the last record of each key");
    }
    if (replicas < replicationFactor) {
      problems.add("replication factor " + replicas + ", " + replicationFactor + " asked for");
    }
    return problems;
  }

  private <T> T await(final Future<T> future, final String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (final ExecutionException e) {
      throw new TopicAdminException(
          "cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (final TimeoutException e) {
      throw new TopicAdminException(
          "cannot " + what + ": no answer from the cluster within " + timeout.toSeconds() + " s",
          e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicAdminException("interrupted while waiting to " + what, e);
    }
  }
}
