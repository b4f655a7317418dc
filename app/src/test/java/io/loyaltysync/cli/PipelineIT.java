package io.loyaltysync.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.config.StreamsSettings;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's lifecycle around its local state, on a real broker. */
class PipelineIT {

  /** The topics' prefix and registry scope. */
  private static final String APP = "pipeline-it";

  private static EmbeddedKafka kafka;

  @TempDir private Path stateDir;

  @BeforeAll
  static void startBroker() {
    Main.trustOurAvroPackage();
    kafka = EmbeddedKafka.start();
    try (Admin admin = KafkaClients.admin(kafka)) {
      new TopicAdmin(admin, KafkaClients.DEADLINE).createMissing(sync().topics(), 1, (short) 1);
    }
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void shouldStartOnLocalStateThatAKilledInstanceLeftHalfDeleted()
      throws IOException, InterruptedException {
    // Given what an instance killed while Kafka Streams wiped a store leaves: a store directory
    // RocksDB refuses to open ("wal_dir contains existing log file"), and the mark of a run that
    // never stopped
    final Path store = task("wiped").resolve("rocksdb").resolve("sync-state-card");
    Files.createDirectories(store);
    final Path wal = Files.createFile(store.resolve("000999.log"));
    Files.createFile(Pipeline.runningMark(stateDir.resolve("wiped")));

    // When the job starts again
    try (Pipeline pipeline = pipeline("wiped")) {
      pipeline.start();

      // Then it runs, restoring from the changelogs, the broken store wiped first
      assertTrue(pipeline.awaitRunning(KafkaClients.DEADLINE), "RUNNING");
      assertFalse(Files.exists(wal), "the half-deleted store is wiped");
      assertTrue(
          Files.exists(Pipeline.runningMark(stateDir.resolve("wiped"))), "this run is marked");
    }
  }

  @Test
  void shouldKeepLocalStateWhenTheLastRunStoppedCleanly() throws IOException, InterruptedException {
    // Given a run that stopped cleanly, and local state in the folder of one of its tasks
    try (Pipeline pipeline = pipeline("kept")) {
      pipeline.start();
      assertTrue(pipeline.awaitRunning(KafkaClients.DEADLINE), "RUNNING");
    }
    assertFalse(
        Files.exists(Pipeline.runningMark(stateDir.resolve("kept"))), "a clean stop unmarks");
    final Path kept = Files.createDirectories(task("kept")).resolve("kept");
    Files.createFile(kept);

    // When the job starts again
    try (Pipeline pipeline = pipeline("kept")) {
      pipeline.start();

      // Then that state is still there
      assertTrue(pipeline.awaitRunning(KafkaClients.DEADLINE), "RUNNING");
      assertTrue(Files.exists(kept));
    }
  }

  /** The folder of the job's first card task. */
  private Path task(final String name) {
    return stateDir.resolve(name).resolve("1_0");
  }

  /** A pipeline of the job {@code name}, a test's own: a Kafka group outlives the test. */
  private Pipeline pipeline(final String name) {
    final Map<String, String> options = new HashMap<>();
    options.put("application.id", name);
    options.put("bootstrap.servers", kafka.bootstrapServers());
    options.put("state.dir", stateDir.toString());
    options.put("topic.prefix", APP + ".");
    options.put("schema.registry.url", "mock://" + APP);
    // A Streams member does not leave its group on close: the next run would wait out the last
    // one's session, 45 s by default, before it gets its tasks.
    options.put("kafka.session.timeout.ms", "6000");
    options.put("kafka.heartbeat.interval.ms", "1500");
    final SyncConfig config = SyncConfig.from(options);
    return new Pipeline(sync(config).build(), StreamsSettings.of(config));
  }

  private static SyncTopology sync() {
    return sync(
        SyncConfig.from(Map.of("topic.prefix", APP + ".", "schema.registry.url", "mock://" + APP)));
  }

  private static SyncTopology sync(final SyncConfig config) {
    return new SyncTopology(config, SchemaRegistries.serdesFor(config));
  }
}
