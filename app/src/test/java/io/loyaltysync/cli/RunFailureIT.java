package io.loyaltysync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.FakeRegistry;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as a supervisor sees it when infrastructure fails: the shaded jar in a JVM of its own
 * (so the exit code is the process's, and a job that does not stop can be killed), on an embedded
 * broker, with a schema registry that cannot serve it. Infrastructure errors are re-thrown, never
 * dead-lettered: the job stops (SHUTDOWN_CLIENT) with exit code 1, and the record stays uncommitted
 * for the restarted job.
 */
class RunFailureIT {

  /** Where failsafe says the shaded jar is; the build packages it before the integration tests. */
  private static final String JAR_PROPERTY = "loyalty-sync.jar";

  /**
   * Far above the few seconds the job needs to start and fail; a job that never stops is killed.
   */
  private static final Duration EXIT_DEADLINE = Duration.ofSeconds(90);

  private static final String PRODUCER_REGISTRY = "run-failure-it";

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    Main.trustOurAvroPackage();
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    InMemorySchemaRegistry.dropScope(PRODUCER_REGISTRY);
    kafka.close();
  }

  @Test
  void shouldStopWithExitCodeOneWhenTheRegistryIsUnreachable(@TempDir final Path dir)
      throws Exception {
    // Given an F&O card change, its schema in the producer's registry
    final Topics topics = topics("closed.");
    final Published sent = publishACardChange(topics);
    final int closedPort = closedPort();

    // When the job runs with its registry on a port nothing listens on
    final Job job = run(dir, "closed.", "http://127.0.0.1:" + closedPort);

    // Then it stops by itself with the documented exit code, saying why
    assertEquals(Main.FAILED, job.exitCode(), job.stderr());
    assertTrue(job.stderr().contains("Stream thread failed; shutting the job down"), job.stderr());
    assertTrue(
        job.stderr()
            .contains(
                "SchemaRegistryUnavailableException: schema registry at http://127.0.0.1:"
                    + closedPort
                    + " is unreachable"),
        job.stderr());
    assertTrue(job.stderr().contains("run: the job failed:"), job.stderr());
    assertNotDeadLetteredNorCommitted(topics, sent, "closed.");
  }

  @Test
  void shouldStopRatherThanDeadLetterWhenTheRegistryFailsToServeTheRecordsSchema(
      @TempDir final Path dir) throws Exception {
    // Given an F&O card change, and a registry that answers 503 for its schema but would take
    // the dead letter's (so dead-lettering the record would succeed, and the job go on)
    final Topics topics = topics("failing.");
    final Published sent = publishACardChange(topics);
    try (FakeRegistry registry = FakeRegistry.start()) {
      registry
          .answer(
              "GET",
              "/schemas/ids/" + sent.schemaId(),
              503,
              "{\"error_code\":50301,\"message\":\"storage unavailable\"}")
          .answer(
              "POST",
              "/subjects/" + topics.deadLetter().name() + "-value/versions",
              200,
              "{\"id\":99}");

      // When the job runs against it
      final Job job = run(dir, "failing.", registry.url());

      // Then it stops with exit code 1, the registry's failure on stderr, and tried no dead letter
      assertEquals(Main.FAILED, job.exitCode(), job.stderr());
      assertTrue(
          job.stderr()
              .contains(
                  "failed to fetch schema id "
                      + sent.schemaId()
                      + ": HTTP 503 storage unavailable"),
          job.stderr());
      assertTrue(
          registry.calls().stream().noneMatch(call -> call.method().equals("POST")),
          "registered a schema to write: " + registry.calls());
      assertNotDeadLetteredNorCommitted(topics, sent, "failing.");
    }
  }

  /** A change record as published, and the schema id in its value. */
  private record Published(RecordMetadata record, int schemaId) {}

  /** The job's outcome: its exit code and what it wrote to stderr (its log and its last word). */
  private record Job(int exitCode, String stderr) {}

  private static void assertNotDeadLetteredNorCommitted(
      final Topics topics, final Published published, final String prefix) throws Exception {
    final RecordMetadata sent = published.record();
    try (Admin admin = KafkaClients.admin(kafka)) {
      // Nothing written to the dead letters at all, not even in an aborted transaction.
      final TopicPartition deadLetters = new TopicPartition(topics.deadLetter().name(), 0);
      assertEquals(
          0L,
          admin
              .listOffsets(Map.of(deadLetters, OffsetSpec.latest()))
              .partitionResult(deadLetters)
              .get()
              .offset(),
          "records written to " + deadLetters);
      // The record's offset not committed: a restarted job reads it again.
      final TopicPartition input = new TopicPartition(sent.topic(), sent.partition());
      final OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets(applicationId(prefix))
              .partitionsToOffsetAndMetadata()
              .get()
              .get(input);
      assertTrue(
          committed == null || committed.offset() <= sent.offset(),
          "committed " + committed + " past the failed record at offset " + sent.offset());
    }
  }

  /** The job's topics under {@code prefix}, created on the broker, serdes on the producer's. */
  private static Topics topics(final String prefix) {
    final SyncConfig config =
        SyncConfig.from(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "topic.prefix",
                prefix,
                "schema.registry.url",
                InMemorySchemaRegistry.MOCK_URL_PREFIX + PRODUCER_REGISTRY));
    final Topics topics = new SyncTopology(config, SchemaRegistries.serdesFor(config)).topics();
    try (Admin admin = KafkaClients.admin(kafka)) {
      final boolean ready =
          new TopicAdmin(admin, KafkaClients.DEADLINE).createMissing(topics, 1, (short) 1).ok();
      assertTrue(ready, "topics created");
    }
    return topics;
  }

  /** Publishes the demo's first F&O card change, as the F&O feed would. */
  private static Published publishACardChange(final Topics topics) throws Exception {
    final DemoEvents.Event card =
        DemoEvents.load(topics).stream()
            .filter(event -> event.topic() == topics.changes(Template.CARD, Side.ERP))
            .filter(event -> event.raw() == null)
            .findFirst()
            .orElseThrow();
    final ProducerRecord<byte[], byte[]> record = card.toProducerRecord();
    try (KafkaProducer<byte[], byte[]> producer =
        KafkaClients.producer(kafka, new ByteArraySerializer(), new ByteArraySerializer())) {
      return new Published(
          producer.send(record).get(), ByteBuffer.wrap(record.value(), 1, 4).getInt());
    }
  }

  private static String applicationId(final String prefix) {
    return "run-failure-" + prefix.replace(".", "");
  }

  /**
   * Runs {@code java -jar loyalty-sync.jar run} on the broker until it exits, at most {@link
   * #EXIT_DEADLINE}; its output goes to files under {@code dir}.
   */
  private static Job run(final Path dir, final String prefix, final String registryUrl)
      throws IOException, InterruptedException {
    final Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/loyalty-sync.jar"));
    assertTrue(
        Files.isRegularFile(jar),
        "no shaded jar at " + jar.toAbsolutePath() + ": run the ITs with `mvn verify`");
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar.toString());
    command.add("run");
    for (final String option :
        List.of(
            "bootstrap.servers=" + kafka.bootstrapServers(),
            "application.id=" + applicationId(prefix),
            "topic.prefix=" + prefix,
            "state.dir=" + dir.resolve("state"),
            "schema.registry.url=" + registryUrl)) {
      command.add("--set");
      command.add(option);
    }
    final Path stderr = dir.resolve("stderr.txt");
    final ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(stderr.toFile());
    // Only the flags configure the job: no option may leak in from the build's environment.
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("LOYALTY_SYNC_") || name.startsWith("KAFKA_"));
    final Process process = builder.start();
    process.getOutputStream().close();
    final boolean stopped;
    try {
      stopped = process.waitFor(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } finally {
      // A job that did not stop (or a test interrupted while waiting) must not outlive the test.
      if (process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
    }
    final String log = Files.readString(stderr, StandardCharsets.UTF_8);
    assertTrue(stopped, "run did not stop within " + EXIT_DEADLINE + "; stderr:\n" + log);
    return new Job(process.exitValue(), log);
  }

  /** A loopback port that was free a moment ago and that nothing listens on now. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
