package io.loyaltysync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * broker, with a schema registry it cannot reach.
 */
class RunFailureIT {

  /** Where failsafe says the shaded jar is; the build packages it before the integration tests. */
  private static final String JAR_PROPERTY = "loyalty-sync.jar";

  /**
   * Far above the few seconds the job needs to start and fail; a job that never stops is killed.
   */
  private static final Duration EXIT_DEADLINE = Duration.ofSeconds(90);

  private static final String APPLICATION_ID = "run-failure-it";
  private static final String PREFIX = "unreachable.";
  private static final String REGISTRY_SCOPE = "run-failure-it";

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    Main.trustOurAvroPackage();
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    InMemorySchemaRegistry.dropScope(REGISTRY_SCOPE);
    kafka.close();
  }

  @Test
  void shouldStopWithExitCodeOneAndNotDeadLetterWhenTheRegistryIsUnreachable(
      @TempDir final Path dir) throws Exception {
    // Given the job's topics, and an F&O card change whose schema is in a registry (the producer's)
    // that the job will not reach
    final Topics topics = topics();
    try (Admin admin = KafkaClients.admin(kafka)) {
      final boolean ready =
          new TopicAdmin(admin, KafkaClients.DEADLINE).createMissing(topics, 1, (short) 1).ok();
      assertTrue(ready, "topics created");
    }
    final DemoEvents.Event card =
        DemoEvents.load(topics).stream()
            .filter(event -> event.topic() == topics.changes(Template.CARD, Side.ERP))
            .filter(event -> event.raw() == null)
            .findFirst()
            .orElseThrow();
    final RecordMetadata sent;
    try (KafkaProducer<byte[], byte[]> producer =
        KafkaClients.producer(kafka, new ByteArraySerializer(), new ByteArraySerializer())) {
      sent = producer.send(card.toProducerRecord()).get();
    }
    final int closedPort = closedPort();

    // When the job runs with its registry on a port nothing listens on
    final Process job =
        runJob(
            dir,
            "--set",
            "bootstrap.servers=" + kafka.bootstrapServers(),
            "--set",
            "application.id=" + APPLICATION_ID,
            "--set",
            "topic.prefix=" + PREFIX,
            "--set",
            "state.dir=" + dir.resolve("state"),
            "--set",
            "schema.registry.url=http://127.0.0.1:" + closedPort);
    final boolean stopped;
    try {
      stopped = job.waitFor(EXIT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } finally {
      // A job that did not stop (or a test interrupted while waiting) must not outlive the test.
      if (job.isAlive()) {
        job.destroyForcibly().waitFor();
      }
    }
    final String stderr = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);

    // Then it stops by itself with the documented exit code and says why
    assertTrue(stopped, "run did not stop within " + EXIT_DEADLINE + "; stderr:\n" + stderr);
    assertEquals(Main.FAILED, job.exitValue(), stderr);
    assertTrue(stderr.contains("Stream thread failed; shutting the job down"), stderr);
    assertTrue(
        stderr.contains(
            "SchemaRegistryUnavailableException: schema registry at http://127.0.0.1:"
                + closedPort
                + " is unreachable"),
        stderr);
    assertTrue(stderr.contains("run: the job failed:"), stderr);
    // And the record is not dead-lettered (not even in an aborted transaction), nor its offset
    // committed: a restarted job reads it again
    try (Admin admin = KafkaClients.admin(kafka)) {
      final TopicPartition deadLetters = new TopicPartition(topics.deadLetter().name(), 0);
      assertEquals(
          0L,
          admin
              .listOffsets(Map.of(deadLetters, OffsetSpec.latest()))
              .partitionResult(deadLetters)
              .get()
              .offset(),
          "records written to " + deadLetters);
      final TopicPartition input = new TopicPartition(sent.topic(), sent.partition());
      final OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets(APPLICATION_ID)
              .partitionsToOffsetAndMetadata()
              .get()
              .get(input);
      assertTrue(
          committed == null || committed.offset() <= sent.offset(),
          "committed " + committed + " past the failed record at offset " + sent.offset());
    }
  }

  private static Topics topics() {
    final SyncConfig config =
        SyncConfig.from(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "topic.prefix",
                PREFIX,
                "schema.registry.url",
                InMemorySchemaRegistry.MOCK_URL_PREFIX + REGISTRY_SCOPE));
    return new SyncTopology(config, SchemaRegistries.serdesFor(config)).topics();
  }

  /** {@code java -jar loyalty-sync.jar run ARGS}, its output in files under {@code dir}. */
  private static Process runJob(final Path dir, final String... args) throws IOException {
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
    command.addAll(List.of(args));
    final ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile());
    // Only the flags configure the job: no option may leak in from the build's environment.
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("LOYALTY_SYNC_") || name.startsWith("KAFKA_"));
    final Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /** A loopback port that was free a moment ago and that nothing listens on now. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
