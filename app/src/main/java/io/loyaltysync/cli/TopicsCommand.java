package io.loyaltysync.cli;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.admin.TopicAdminException;
import io.loyaltysync.admin.TopicReport;
import io.loyaltysync.config.ConfigException;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Creates or checks the job's topics on the configured cluster. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Create the job's missing topics (--create, the default) or only check them (--check), and"
          + " print a table of every topic: name, partitions, cleanup policy, writer, status.",
      "Exit code: 0 every topic fits, 1 some topic is missing, misconfigured or not"
          + " co-partitioned, 2 bad configuration or cluster unreachable."
    })
public final class TopicsCommand implements Callable<Integer> {

  /** How long one round of admin requests may take. */
  static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  @Spec private CommandSpec spec;

  @Mixin private ConfigMixin options;

  @Mixin private TopicLayoutOptions layout;

  @ArgGroup(exclusive = true)
  private Mode mode;

  static final class Mode {
    @Option(names = "--create", description = "Create missing topics, then check (default).")
    boolean create;

    @Option(names = "--check", description = "Only check; create nothing.")
    boolean check;
  }

  @Override
  public Integer call() {
    final PrintWriter err = spec.commandLine().getErr();
    final SyncConfig config;
    try {
      config = options.config(Main.environment());
    } catch (final ConfigException e) {
      err.println("topics: " + e.getMessage());
      err.flush();
      return Main.BAD_CONFIGURATION;
    }
    if (config.bootstrapServers().isEmpty()) {
      err.println("topics: no cluster configured: set bootstrap.servers");
      err.flush();
      return Main.BAD_CONFIGURATION;
    }
    if (layout.problem() != null) {
      err.println("topics: " + layout.problem());
      err.flush();
      return Main.BAD_CONFIGURATION;
    }
    final Topics topics = new SyncTopology(config, SchemaRegistries.serdesFor(config)).topics();
    final boolean checkOnly = mode != null && mode.check;
    try (Admin admin = Admin.create(KafkaProps.of(config, config.bootstrapServers()))) {
      final TopicAdmin topicAdmin = new TopicAdmin(admin, ADMIN_TIMEOUT);
      final TopicReport report =
          checkOnly
              ? topicAdmin.check(topics, layout.replicationFactor)
              : topicAdmin.createMissing(topics, layout.partitions, layout.replicationFactor);
      TopicTable.print(topics, report, spec.commandLine().getOut());
      if (!report.ok()) {
        err.println("topics: " + report.problems().size() + " problem(s):");
        report.problems().forEach(problem -> err.println("  " + problem));
        err.flush();
        return Main.FAILED;
      }
      return 0;
    } catch (final TopicAdminException e) {
      err.println("topics: " + e.getMessage());
      err.flush();
      return Main.BAD_CONFIGURATION;
    }
  }
}
