package io.loyaltysync.cli;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.admin.TopicAdminException;
import io.loyaltysync.admin.TopicReport;
import io.loyaltysync.admin.TopicState;
import io.loyaltysync.config.ConfigException;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.serde.SchemaRegistryException;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Publishes the demo's bundled sample of change events to a real cluster's change topics, as the
 * F&amp;O and Dataverse change feeds would, so a job running there (the compose file's) has
 * something to sync.
 */
@Command(
    name = "publish-sample",
    mixinStandardHelpOptions = true,
    description = {
      "Publish the demo's bundled sample of F&O and Dataverse change events (cards both ways, a"
          + " level, a reward point and its currency, an echo, a conflict, a record not in the wire"
          + " format) to the configured cluster's change topics, values through the configured"
          + " schema registry, in the demo's order; then stop. It does not run the sync: start"
          + " `run` on the same cluster to see them mapped.",
      "Exit code: 0 every event published, 1 publishing failed, 2 bad configuration, cluster"
          + " unreachable or a change topic missing (create them with `topics`)."
    })
public final class PublishSampleCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private ConfigMixin options;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final SyncConfig config;
    try {
      config = options.config(Main.environment());
    } catch (final ConfigException e) {
      return fail(err, Main.BAD_CONFIGURATION, e.getMessage());
    }
    if (config.bootstrapServers().isEmpty()) {
      return fail(err, Main.BAD_CONFIGURATION, "no cluster configured: set bootstrap.servers");
    }
    final Topics topics = new SyncTopology(config, SchemaRegistries.serdesFor(config)).topics();
    final List<DemoEvents.Event> events = DemoEvents.load(topics);
    final Set<String> missing;
    try {
      missing = missingTopics(config, topics, events);
    } catch (final TopicAdminException e) {
      return fail(err, Main.BAD_CONFIGURATION, e.getMessage());
    }
    if (!missing.isEmpty()) {
      return fail(
          err,
          Main.BAD_CONFIGURATION,
          "missing topic(s) " + String.join(", ", missing) + ": create them with `topics` first");
    }
    // The demo's printer, so the lines read the same as the demo's "published" lines.
    final DemoOutput output = new DemoOutput(out, topics);
    try (KafkaProducer<byte[], byte[]> producer = producer(config)) {
      for (final DemoEvents.Event event : events) {
        producer.send(event.toProducerRecord()).get();
        output.published(event);
      }
    } catch (final ExecutionException e) {
      return fail(err, Main.FAILED, "cannot publish: " + e.getCause());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(err, Main.FAILED, "interrupted while publishing");
    } catch (final SchemaRegistryException | KafkaException e) {
      // A serializer wraps the registry's error: its message says what failed and where.
      return fail(
          err,
          Main.FAILED,
          "cannot publish: "
              + e.getMessage()
              + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
    }
    out.println(
        "Published "
            + events.size()
            + " sample change events to "
            + config.bootstrapServers()
            + ".");
    out.flush();
    return 0;
  }

  /** The change topics the sample writes to that the cluster lacks. */
  private static Set<String> missingTopics(
      final SyncConfig config, final Topics topics, final List<DemoEvents.Event> events) {
    try (Admin admin = Admin.create(KafkaProps.of(config, config.bootstrapServers()))) {
      final TopicReport report =
          new TopicAdmin(admin, TopicsCommand.ADMIN_TIMEOUT).check(topics, (short) 1);
      final Set<String> missing = new LinkedHashSet<>();
      for (final DemoEvents.Event event : events) {
        final String name = event.topic().name();
        if (!report.topic(name).map(TopicState::exists).orElse(false)) {
          missing.add(name);
        }
      }
      return missing;
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(final SyncConfig config) {
    final Map<String, Object> props = KafkaProps.of(config, config.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static int fail(final PrintWriter err, final int exitCode, final String message) {
    err.println("publish-sample: " + message);
    err.flush();
    return exitCode;
  }
}
