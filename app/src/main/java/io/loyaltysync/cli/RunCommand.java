package io.loyaltysync.cli;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.admin.TopicAdminException;
import io.loyaltysync.admin.TopicReport;
import io.loyaltysync.config.ConfigException;
import io.loyaltysync.config.ConfigLayers;
import io.loyaltysync.config.StreamsSettings;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncTopology;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The streaming job: on the configured cluster, or on an embedded broker when none is. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the sync job until SIGTERM / Ctrl-C. Without bootstrap.servers it starts an embedded"
          + " single-node broker (loopback only) and creates the topics there.",
      "On a real cluster it first checks the topics and refuses to start when some are missing"
          + " (unless --create-topics) or a template's change topics are not co-partitioned.",
      "Exit code: 0 stopped by a signal, 1 the job failed while running (a stream thread's"
          + " uncaught error shuts the instance down: SHUTDOWN_CLIENT), 2 bad configuration or"
          + " topics."
    })
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Spec private CommandSpec spec;

  @Mixin private ConfigMixin options;

  @Mixin private TopicLayoutOptions layout;

  @Option(
      names = "--create-topics",
      description = "On a real cluster, create missing topics instead of refusing to start.")
  private boolean createTopics;

  @Option(
      names = "--embedded-data-dir",
      paramLabel = "DIR",
      description = "Data directory of the embedded broker, kept across runs (default: temporary).")
  private Path embeddedDataDir;

  @Override
  public Integer call() throws InterruptedException {
    final PrintWriter err = spec.commandLine().getErr();
    final Map<String, String> merged;
    final SyncConfig configured;
    try {
      merged = options.merged(Main.environment());
      configured = SyncConfig.from(merged);
    } catch (final ConfigException e) {
      return refuse(err, e.getMessage());
    }
    if (layout.problem() != null) {
      return refuse(err, layout.problem());
    }
    LOG.info("Options set (defaults aside, secrets hidden): {}", ConfigLayers.redacted(merged));
    final boolean embedded = configured.bootstrapServers().isEmpty();
    final EmbeddedKafka broker = embedded ? startBroker() : null;
    final SyncConfig config = embedded ? onBroker(merged, broker) : configured;
    final SyncTopology topology = new SyncTopology(config, SchemaRegistries.serdesFor(config));
    try (Admin admin = Admin.create(KafkaProps.of(config, config.bootstrapServers()))) {
      final TopicAdmin topicAdmin = new TopicAdmin(admin, TopicsCommand.ADMIN_TIMEOUT);
      final TopicReport report =
          embedded || createTopics
              ? topicAdmin.createMissing(
                  topology.topics(), layout.partitions, layout.replicationFactor)
              : topicAdmin.check(topology.topics(), layout.replicationFactor);
      if (!report.ok()) {
        closeQuietly(broker);
        return refuse(
            err,
            "the cluster's topics do not fit the job: "
                + String.join("; ", report.problems())
                + (createTopics || embedded
                    ? ""
                    : " (create missing topics with `topics --create` or --create-topics)"));
      }
    } catch (final TopicAdminException e) {
      closeQuietly(broker);
      return refuse(err, e.getMessage());
    }
    return runUntilStopped(new Pipeline(topology.build(), StreamsSettings.of(config)), broker);
  }

  private int runUntilStopped(final Pipeline pipeline, final EmbeddedKafka broker)
      throws InterruptedException {
    final AtomicBoolean closed = new AtomicBoolean();
    final Runnable shutdown =
        () -> {
          if (closed.compareAndSet(false, true)) {
            pipeline.close();
            closeQuietly(broker);
          }
        };
    // Set while the job runs: a shutdown that begins then was asked for by a signal.
    final AtomicBoolean running = new AtomicBoolean();
    final Thread hook =
        new Thread(
            () -> {
              LOG.info("Shutdown requested");
              final boolean signalled = running.get();
              shutdown.run();
              if (signalled && pipeline.closedCleanly()) {
                // The JVM ends a shutdown a signal began with 128 + the signal's number (143 for
                // SIGTERM), the code of a process the signal killed. The job stopped as asked,
                // and says so as documented: 0. System.exit would wait for this hook forever.
                Runtime.getRuntime().halt(0);
              }
            },
            "loyalty-sync-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    // Set before start(), which may first wipe local state for a while: a SIGTERM then is a stop
    // asked for too. A start that fails is no such stop.
    running.set(true);
    try {
      pipeline.start();
    } catch (final RuntimeException e) {
      running.set(false);
      throw e;
    }
    pipeline.awaitStopped();
    running.set(false);
    if (pipeline.failure().isEmpty()) {
      // Stopped by the hook: the JVM is exiting, the hook finishes the close.
      return 0;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (final IllegalStateException e) {
      // the JVM is already shutting down; the hook closes everything
    }
    shutdown.run();
    spec.commandLine().getErr().println("run: the job failed: " + pipeline.failure().get());
    spec.commandLine().getErr().flush();
    return Main.FAILED;
  }

  private EmbeddedKafka startBroker() {
    LOG.info("No bootstrap.servers configured: starting the embedded broker");
    final EmbeddedKafka broker =
        embeddedDataDir == null
            ? EmbeddedKafka.start()
            : EmbeddedKafka.builder().dataDirectory(embeddedDataDir).start();
    LOG.info("Embedded broker at {}", broker.bootstrapServers());
    return broker;
  }

  private static SyncConfig onBroker(final Map<String, String> merged, final EmbeddedKafka broker) {
    final Map<String, String> withBroker = new HashMap<>(merged);
    withBroker.put("bootstrap.servers", broker.bootstrapServers());
    return SyncConfig.from(withBroker);
  }

  private static void closeQuietly(final EmbeddedKafka broker) {
    if (broker != null) {
      broker.close();
    }
  }

  private static int refuse(final PrintWriter err, final String message) {
    err.println("run: refusing to start: " + message);
    err.flush();
    return Main.BAD_CONFIGURATION;
  }
}
