package io.loyaltysync.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.admin.TopicReport;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.serde.ApicurioRegistry;
import io.loyaltysync.serde.SchemaRegistries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One run of the crash test's job on a broker: its topics, the OS processes of its instances (each
 * with its state directory and a log per start), and what the test's clients see of them. The
 * folder of a run, under target/crash-it, keeps the logs for diagnosis.
 */
final class CrashRun implements AutoCloseable {

  static final int PARTITIONS = 4;

  /** Generous: two JVMs, a broker and a registry share two cores, maybe with another build. */
  static final Duration DEADLINE = Duration.ofSeconds(120);

  private static final Path RUNS = Path.of("target", "crash-it");

  private final EmbeddedKafka kafka;
  private final ApicurioRegistry registry;
  private final String app;
  private final long seed;
  private final Map<String, String> layout;
  private final Topics topics;
  private final Path directory;
  private final List<JobProcess> processes = new ArrayList<>();
  private final Map<String, Integer> starts = new HashMap<>();

  /**
   * Creates the topics of job {@code app}.
   *
   * @param layout options of the topology that the oracle needs too (topics, sync settings)
   */
  CrashRun(
      final EmbeddedKafka kafka,
      final ApicurioRegistry registry,
      final String app,
      final long seed,
      final Map<String, String> layout)
      throws IOException {
    this.kafka = kafka;
    this.registry = registry;
    this.app = app;
    this.seed = seed;
    this.layout = Map.copyOf(layout);
    final Map<String, String> options = new HashMap<>(layout);
    options.put("bootstrap.servers", kafka.bootstrapServers());
    options.put("schema.registry.url", registry.ccompatUrl());
    final SyncConfig config = SyncConfig.from(options);
    topics = new SyncTopology(config, SchemaRegistries.serdesFor(config)).topics();
    try (Admin admin = KafkaClients.admin(kafka)) {
      final TopicReport report =
          new TopicAdmin(admin, KafkaClients.DEADLINE).createMissing(topics, PARTITIONS, (short) 1);
      assertTrue(report.ok(), () -> "topics not ready: " + report.problems());
    }
    Files.createDirectories(RUNS);
    directory = Files.createTempDirectory(RUNS, app + "-");
  }

  /**
   * Starts instance {@code name} (again) on its own state directory; the process, its log and its
   * Kafka clients are named after the start, e.g. b-2.
   */
  JobProcess start(final String name) {
    final String started = name + "-" + starts.merge(name, 1, Integer::sum);
    final List<String> options =
        new ArrayList<>(
            List.of(
                "bootstrap.servers=" + kafka.bootstrapServers(),
                "application.id=" + app,
                "state.dir=" + directory.resolve("state-" + name).toAbsolutePath(),
                "schema.registry.url=" + registry.ccompatUrl(),
                // Tells which start's consumer owns tasks.
                "kafka.client.id=" + started,
                // A killed instance's tasks move after 6 s, not the default 45 s.
                "kafka.session.timeout.ms=6000",
                "kafka.heartbeat.interval.ms=1500"));
    layout.forEach((option, value) -> options.add(option + "=" + value));
    final JobProcess process =
        JobProcess.start(started, options, directory.resolve(started + ".log"));
    processes.add(process);
    return process;
  }

  Topics topics() {
    return topics;
  }

  Map<String, String> layout() {
    return layout;
  }

  String describe() {
    final List<String> logs = new ArrayList<>();
    processes.forEach(p -> logs.add(p.log().toAbsolutePath().toString()));
    return "seed "
        + seed
        + " (-Dcrash.seed="
        + seed
        + "); instance logs: "
        + logs
        + (Files.exists(details())
            ? "; each differing key's inputs and outputs: " + details()
            : "");
  }

  private Path details() {
    return directory.resolve("differences.txt").toAbsolutePath();
  }

  /** For each key whose outputs differ: its inputs in send order, then both outputs. */
  void writeDetails(final Outputs expected, final Outputs actual, final List<Input> inputs)
      throws IOException {
    final StringBuilder text = new StringBuilder();
    for (final String key : expected.differingKeys(actual)) {
      text.append("== ").append(key).append("\ninputs:\n");
      for (final Input input : inputs) {
        if (key.equals(input.key()) && !input.isCurrency()) {
          text.append("  ").append(input.side()).append(' ');
          text.append(input.raw() != null ? "bad bytes" : input.value()).append('\n');
        }
      }
      text.append("expected:\n");
      expected.byKey(key).forEach((topic, values) -> append(text, topic, values));
      text.append("found:\n");
      actual.byKey(key).forEach((topic, values) -> append(text, topic, values));
    }
    Files.writeString(details(), text);
  }

  private static void append(
      final StringBuilder text, final String topic, final List<String> values) {
    values.forEach(value -> text.append("  ").append(topic).append(' ').append(value).append('\n'));
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public void close() {
    processes.forEach(JobProcess::close);
  }

  /** Waits until {@code process} owns tasks: a kill then interrupts work in progress. */
  void awaitTasks(final Admin admin, final JobProcess process)
      throws InterruptedException, ExecutionException {
    final String client = process.name() + "-";
    final Instant deadline = Instant.now().plus(DEADLINE);
    while (true) {
      for (final MemberDescription member :
          admin.describeConsumerGroups(List.of(app)).all().get().get(app).members()) {
        if (member.clientId().startsWith(client)
            && !member.assignment().topicPartitions().isEmpty()) {
          return;
        }
      }
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError(process.name() + " never owned tasks; " + describe());
      }
      Thread.sleep(200);
    }
  }

  /**
   * Waits until the job has consumed every input, committed every output (no transaction open), and
   * the writers have answered every write, with nothing sent since; returns the end offsets of the
   * output topics then.
   */
  Map<TopicPartition, Long> awaitSettled(
      final Admin admin, final Feeds feeds, final WriterFeedback feedback)
      throws InterruptedException, ExecutionException {
    final List<TopicPartition> inputs = new ArrayList<>();
    for (final Topics.Topic<?> topic : topics.all()) {
      if (topic.writer() == Topics.Writer.SOURCE_FEED && topic != topics.currencies()) {
        inputs.addAll(partitions(topic));
      }
    }
    final List<TopicPartition> outputs = new ArrayList<>();
    Outputs.of(topics).forEach(topic -> outputs.addAll(partitions(topic)));
    final Instant deadline = Instant.now().plus(DEADLINE);
    String waitingFor = "";
    while (Instant.now().isBefore(deadline)) {
      final int sent = feeds.count();
      feeds.flush();
      final Map<TopicPartition, Long> inputEnds =
          offsets(admin, inputs, IsolationLevel.READ_UNCOMMITTED);
      final Map<TopicPartition, OffsetAndMetadata> consumed =
          admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get();
      final long behind =
          inputEnds.entrySet().stream()
              .filter(
                  end ->
                      end.getValue() > 0
                          && (consumed.get(end.getKey()) == null
                              || consumed.get(end.getKey()).offset() < end.getValue()))
              .count();
      if (behind > 0) {
        waitingFor = behind + " input partitions not consumed";
      } else {
        final Map<TopicPartition, Long> committed =
            offsets(admin, outputs, IsolationLevel.READ_COMMITTED);
        final Map<TopicPartition, Long> written =
            offsets(admin, outputs, IsolationLevel.READ_UNCOMMITTED);
        if (!committed.equals(written)) {
          waitingFor = "open transactions on the output topics";
        } else if (!feedback.answeredUpTo(written) || feeds.count() != sent) {
          waitingFor = "the writers' answers";
        } else {
          return written;
        }
      }
      feedback.checkHealthy();
      Thread.sleep(250);
    }
    throw new AssertionError(
        "the job did not settle within " + DEADLINE + ": " + waitingFor + "; " + describe());
  }

  /** Every record of the output topics up to {@code ends}, as a read_committed writer sees them. */
  Outputs readCommitted(final Map<TopicPartition, Long> ends) {
    final Outputs outputs = new Outputs(topics);
    try (KafkaConsumer<String, byte[]> consumer =
        KafkaClients.committedReader(
            kafka, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(ends.keySet());
      consumer.seekToBeginning(ends.keySet());
      final Instant deadline = Instant.now().plus(DEADLINE);
      while (ends.entrySet().stream()
          .anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("cannot read the outputs to their end; " + describe());
        }
        for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          outputs.add(record.topic(), record.key(), record.value());
        }
      }
    }
    return outputs;
  }

  static List<TopicPartition> partitions(final Topics.Topic<?> topic) {
    final List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      partitions.add(new TopicPartition(topic.name(), p));
    }
    return partitions;
  }

  private static Map<TopicPartition, Long> offsets(
      final Admin admin, final List<TopicPartition> partitions, final IsolationLevel isolation)
      throws InterruptedException, ExecutionException {
    final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
    final Map<TopicPartition, Long> offsets = new HashMap<>();
    admin
        .listOffsets(latest, new ListOffsetsOptions(isolation))
        .all()
        .get()
        .forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }
}
