package io.loyaltysync.bench;

import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster one benchmark run works on, and what the run leaves on it. Every phase gets a scope
 * of its own: topics under {@code <topic.prefix>bench-<run>.<scope>.}, application id {@code
 * <application.id>-bench-<run>-<scope>}, a state directory of its own and, with an in-memory
 * registry, one registry for the run; so no phase sees another's data, and two runs never meet. The
 * topics the job writes are created with {@code message.timestamp.type=LogAppendTime}, for the
 * latency. On a given cluster the run's topics are deleted at the end.
 */
final class BenchCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BenchCluster.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, String> options;
  private final String bootstrapServers;
  private final boolean embedded;
  private final String runId;
  private final int partitions;
  private final short replicationFactor;
  private final Path stateRoot;
  private final String registryUrl;
  private final Admin admin;
  private final List<String> created = new ArrayList<>();

  /**
   * @param options the job's options (every layer merged)
   * @param bootstrapServers the cluster
   * @param embedded whether the cluster is this process's embedded broker
   * @param runId what tells this run's topics from any other's
   */
  BenchCluster(
      final Map<String, String> options,
      final String bootstrapServers,
      final boolean embedded,
      final String runId,
      final int partitions,
      final short replicationFactor) {
    this.options = Map.copyOf(options);
    this.bootstrapServers = bootstrapServers;
    this.embedded = embedded;
    this.runId = runId;
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    final String configured = SyncConfig.from(options).schemaRegistryUrl();
    this.registryUrl =
        InMemorySchemaRegistry.isMockUrl(configured)
            ? InMemorySchemaRegistry.MOCK_URL_PREFIX + "bench-" + runId
            : configured;
    try {
      this.stateRoot = Files.createTempDirectory("loyalty-sync-bench-");
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot create a state directory for the benchmark", e);
    }
    this.admin = Admin.create(clientProps());
  }

  /** The job's configuration for one scope of this run. */
  SyncConfig config(final String scope) {
    final SyncConfig base = SyncConfig.from(options);
    final Map<String, String> scoped = new HashMap<>(options);
    scoped.put("bootstrap.servers", bootstrapServers);
    scoped.put("topic.prefix", topicPrefix(base, scope));
    scoped.put("application.id", base.applicationId() + "-bench-" + runId + "-" + scope);
    scoped.put("state.dir", stateDir(scope).toString());
    scoped.put("schema.registry.url", registryUrl);
    return SyncConfig.from(scoped);
  }

  /** The topic prefix of one scope. */
  String topicPrefix(final SyncConfig base, final String scope) {
    return base.topicPrefix() + "bench-" + runId + "." + scope + ".";
  }

  /** Where the topologies of one scope keep their state. */
  Path stateDir(final String scope) {
    return stateRoot.resolve(scope);
  }

  /** Settings of the plain clients: the cluster and the {@code kafka.*} options. */
  Map<String, Object> clientProps() {
    final Map<String, Object> props = new HashMap<>(SyncConfig.from(options).kafkaOverrides());
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  /**
   * Creates the job's topics as {@link Topics} declares them, plus {@code extraOutputs} (plain
   * topics a topology writes); every topic a topology writes stamps the broker's append time.
   */
  void createTopics(final Topics topics, final Collection<String> extraOutputs) {
    final List<NewTopic> topicsToCreate = new ArrayList<>();
    for (final Topics.Topic<?> topic : topics.all()) {
      final Map<String, String> configs = new HashMap<>();
      if (topic.compacted()) {
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      }
      if (topic.writer() == Topics.Writer.THIS_APP) {
        configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
      }
      topicsToCreate.add(newTopic(topic.name()).configs(configs));
    }
    for (final String output : extraOutputs) {
      topicsToCreate.add(
          newTopic(output)
              .configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime")));
    }
    final List<String> names = topicsToCreate.stream().map(NewTopic::name).toList();
    await(admin.createTopics(topicsToCreate).all(), "create topics " + names);
    created.addAll(names);
    awaitMetadata(Set.copyOf(names));
  }

  /** Deletes what the run made: its topics (on a given cluster) and state directories. */
  @Override
  public void close() {
    try {
      if (!embedded) {
        deleteRunTopics();
      }
    } finally {
      admin.close(Duration.ofSeconds(10));
      deleteTree(stateRoot);
      if (InMemorySchemaRegistry.isMockUrl(registryUrl)) {
        InMemorySchemaRegistry.dropScope(
            registryUrl.substring(InMemorySchemaRegistry.MOCK_URL_PREFIX.length()));
      }
    }
  }

  private void deleteRunTopics() {
    try {
      final String marker = "bench-" + runId;
      final List<String> ours =
          admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
              .filter(name -> created.contains(name) || name.contains(marker))
              .toList();
      if (!ours.isEmpty()) {
        await(admin.deleteTopics(ours).all(), "delete the run's topics");
        LOG.info("Deleted the benchmark's {} topics", ours.size());
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (final ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn("Could not delete the benchmark's topics (bench-{}*): {}", runId, e.toString());
    }
  }

  private NewTopic newTopic(final String name) {
    return new NewTopic(name, Optional.of(partitions), Optional.of(replicationFactor));
  }

  /**
   * A broker learns of a new topic a moment after the controller confirms it, and leads its
   * partitions a moment after that; an idempotent producer that sends before then can be refused
   * for good (its first batches retried behind later ones). So: until every partition answers a
   * list-offsets request, which only its leader does.
   */
  private void awaitMetadata(final Set<String> names) {
    final long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (final TopicDescription topic :
            admin.describeTopics(names).allTopicNames().get().values()) {
          for (final TopicPartitionInfo partition : topic.partitions()) {
            partitions.put(
                new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest());
          }
        }
        admin.listOffsets(partitions).all().get();
        return;
      } catch (final ExecutionException e) {
        // not there, or not led, yet
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchFailure("interrupted while waiting for the topics");
      }
      sleep(100);
    }
    throw new BenchFailure(
        "the new topics were not ready within " + ADMIN_TIMEOUT.toSeconds() + " s");
  }

  private static void await(final KafkaFuture<Void> future, final String what) {
    try {
      future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted: " + what);
    } catch (final ExecutionException | TimeoutException e) {
      throw new BenchFailure(
          "cannot " + what + ": " + (e.getCause() == null ? e : e.getCause()).getMessage());
    }
  }

  static void sleep(final long millis) {
    try {
      Thread.sleep(millis);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted");
    }
  }

  /** Bytes in the files under {@code dir}; 0 if it does not exist. */
  static long sizeOf(final Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(BenchCluster::size).sum();
    } catch (final IOException e) {
      throw new UncheckedIOException("measuring " + dir, e);
    }
  }

  private static long size(final Path file) {
    try {
      return Files.size(file);
    } catch (final IOException e) {
      return 0; // deleted while walking (a RocksDB compaction)
    }
  }

  private static void deleteTree(final Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (final IOException e) {
      LOG.debug("Could not delete {}", dir, e);
    }
  }
}
