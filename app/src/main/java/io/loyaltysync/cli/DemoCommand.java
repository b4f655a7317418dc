package io.loyaltysync.cli;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.admin.TopicReport;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.config.StreamsSettings;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncMetrics;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole job on an embedded broker with sample data: publishes the bundled change events phase
 * by phase, prints what the writers would read, and ends with a summary.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start an embedded broker and the in-memory schema registry, run the sync on them, publish a"
          + " bundled sample of F&O and Dataverse change events (cards both ways, a level, a reward"
          + " point and its currency, an echo, a conflict, a bad record), print each mapped record,"
          + " audit event and dead letter as it appears, then a summary; then stop.",
      "Exit code: 0 every phase produced what it should, 1 otherwise."
    })
public final class DemoCommand implements Callable<Integer> {

  private static final String REGISTRY_SCOPE = "demo";

  @Spec private CommandSpec spec;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How long each phase may take before the demo gives up (default: ${DEFAULT-VALUE}).")
  private long waitSeconds;

  /** One step of the story, and what must have come out before the next. */
  private enum Phase {
    INITIAL(
        "initial", "Cards both ways, a level, a reward point and its currency", s -> s.out() >= 4),
    ECHO(
        "echo",
        "Dataverse reports the card the sync wrote (origin loyalty-sync): an echo",
        s -> s.metric(SyncMetrics.Counter.ECHO) >= 1),
    CRM_EDIT("crm-edit", "A Dataverse user edits the card's party number", s -> s.out() >= 5),
    CONFLICT(
        "conflict",
        "An F&O user had edited the same field earlier, unaware: a conflict",
        s -> s.conflicts() >= 1),
    BAD_RECORD(
        "bad-record",
        "Bytes that are not in the schema-registry wire format",
        s -> s.deadLetters() >= 1);

    private final String id;
    private final String title;
    private final Predicate<Progress> done;

    Phase(final String id, final String title, final Predicate<Progress> done) {
      this.id = id;
      this.title = title;
      this.done = done;
    }
  }

  /** What the demo has seen so far. */
  private record Progress(DemoOutput output, Map<String, Long> metrics) {
    int out() {
      return output.outboundCount();
    }

    int conflicts() {
      return output.auditCount(AuditType.CONFLICT);
    }

    int deadLetters() {
      return output.deadLetterCount();
    }

    long metric(final SyncMetrics.Counter counter) {
      return metrics.getOrDefault(counter.metric(), 0L);
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final Path stateDir = Files.createTempDirectory("loyalty-sync-demo-");
    out.println("Starting an embedded Kafka broker and the in-memory schema registry...");
    out.flush();
    try (EmbeddedKafka broker = EmbeddedKafka.start()) {
      final SyncConfig config = config(broker, stateDir);
      final SyncTopology topology = new SyncTopology(config, SchemaRegistries.serdesFor(config));
      final Topics topics = topology.topics();
      try (Admin admin = Admin.create(KafkaProps.of(config, broker.bootstrapServers()))) {
        final TopicReport report =
            new TopicAdmin(admin, TopicsCommand.ADMIN_TIMEOUT).createMissing(topics, 1, (short) 1);
        if (!report.ok()) {
          err.println("demo: topics not ready: " + report.problems());
          err.flush();
          return Main.FAILED;
        }
      }
      out.println("Created " + topics.all().size() + " topics on " + broker.bootstrapServers());
      try (Pipeline pipeline = new Pipeline(topology.build(), StreamsSettings.of(config))) {
        pipeline.start();
        if (!pipeline.awaitRunning(Duration.ofSeconds(waitSeconds))) {
          err.println("demo: the pipeline did not start: " + pipeline.streams().state());
          err.flush();
          return Main.FAILED;
        }
        out.println("Pipeline RUNNING.");
        return play(broker, topics, pipeline, out, err);
      }
    } finally {
      InMemorySchemaRegistry.dropScope(REGISTRY_SCOPE);
      delete(stateDir);
    }
  }

  private int play(
      final EmbeddedKafka broker,
      final Topics topics,
      final Pipeline pipeline,
      final PrintWriter out,
      final PrintWriter err)
      throws InterruptedException {
    final DemoOutput output = new DemoOutput(out, topics);
    final List<DemoEvents.Event> events = DemoEvents.load(topics);
    try (KafkaProducer<byte[], byte[]> producer = producer(broker);
        KafkaConsumer<String, byte[]> consumer = reader(broker)) {
      consumer.subscribe(
          topics.all().stream()
              .filter(topic -> topic.writer() == Topics.Writer.THIS_APP)
              .map(Topics.Topic::name)
              .toList());
      for (final Phase phase : Phase.values()) {
        output.phase(phase.title);
        for (final DemoEvents.Event event : events) {
          if (event.phase().equals(phase.id)) {
            send(producer, event);
            output.published(event);
          }
        }
        if (!awaitPhase(phase, consumer, output, pipeline)) {
          err.println(
              "demo: phase '" + phase.id + "' did not complete within " + waitSeconds + " s");
          err.flush();
          return Main.FAILED;
        }
      }
      // Let the last writes still in flight (committed after the counters moved) show too.
      awaitUntil(consumer, output, pipeline, p -> p.out() >= p.metric(SyncMetrics.Counter.WRITES));
      output.summary(pipeline.streams().metrics());
    }
    out.println();
    out.println("Demo finished; shutting down.");
    out.flush();
    return 0;
  }

  private boolean awaitPhase(
      final Phase phase,
      final KafkaConsumer<String, byte[]> consumer,
      final DemoOutput output,
      final Pipeline pipeline) {
    return awaitUntil(consumer, output, pipeline, phase.done);
  }

  /** Polls and prints until {@code done} holds, the pipeline fails, or the wait is over. */
  private boolean awaitUntil(
      final KafkaConsumer<String, byte[]> consumer,
      final DemoOutput output,
      final Pipeline pipeline,
      final Predicate<Progress> done) {
    final Instant deadline = Instant.now().plusSeconds(waitSeconds);
    while (Instant.now().isBefore(deadline) && pipeline.failure().isEmpty()) {
      for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        output.received(record);
      }
      if (done.test(new Progress(output, DemoOutput.totals(pipeline.streams().metrics())))) {
        return true;
      }
    }
    return false;
  }

  private static void send(
      final KafkaProducer<byte[], byte[]> producer, final DemoEvents.Event event) {
    try {
      producer.send(event.toProducerRecord()).get();
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    } catch (final ExecutionException e) {
      throw new IllegalStateException("cannot publish to " + event.topic().name(), e.getCause());
    }
  }

  private static SyncConfig config(final EmbeddedKafka broker, final Path stateDir) {
    return SyncConfig.from(
        Map.of(
            "application.id",
            "loyalty-sync-demo",
            "bootstrap.servers",
            broker.bootstrapServers(),
            "state.dir",
            stateDir.toString(),
            "schema.registry.url",
            InMemorySchemaRegistry.MOCK_URL_PREFIX + REGISTRY_SCOPE,
            // A record shows in read_committed only when its transaction commits.
            "kafka.commit.interval.ms",
            "100"));
  }

  private static KafkaProducer<byte[], byte[]> producer(final EmbeddedKafka broker) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /** Reads what the writers would: committed records only. */
  private static KafkaConsumer<String, byte[]> reader(final EmbeddedKafka broker) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "loyalty-sync-demo-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static void delete(final Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (final IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
