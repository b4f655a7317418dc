package io.loyaltysync.cli;

import io.loyaltysync.config.ConfigException;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncTopology;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the topology as Kafka Streams describes it: its sources, processors, stores, sinks. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = {
      "Print the topology (topology.describe()) for the configured topics and maps.",
      "Exit code: 0 printed, 2 bad configuration."
    })
public final class DescribeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private ConfigMixin options;

  @Override
  public Integer call() {
    final SyncConfig config;
    try {
      config = options.config(Main.environment());
    } catch (final ConfigException e) {
      spec.commandLine().getErr().println("describe: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return Main.BAD_CONFIGURATION;
    }
    final SyncTopology topology = new SyncTopology(config, SchemaRegistries.serdesFor(config));
    spec.commandLine().getOut().print(topology.build().describe());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
