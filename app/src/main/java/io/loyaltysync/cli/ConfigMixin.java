package io.loyaltysync.cli;

import io.loyaltysync.config.ConfigLayers;
import io.loyaltysync.config.SyncConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration options every job command shares: defaults < {@code --config FILE} <
 * environment ({@code LOYALTY_SYNC_*}, {@code KAFKA_*}) < {@code --set option=value}.
 */
final class ConfigMixin {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of options (overrides the defaults).")
  private Path file;

  @Option(
      names = "--set",
      paramLabel = "OPTION=VALUE",
      description =
          "Set one option, e.g. --set bootstrap.servers=kafka:9092; repeatable; overrides the file"
              + " and the environment (LOYALTY_SYNC_<OPTION>, KAFKA_<NAME>).")
  private Map<String, String> flags = new LinkedHashMap<>();

  /** The options of every layer, merged; validated by {@link #config}. */
  Map<String, String> merged(final Map<String, String> environment) {
    return ConfigLayers.merge(
        file == null ? Map.of() : ConfigLayers.readFile(file), environment, flags);
  }

  /** The validated configuration from every layer. */
  SyncConfig config(final Map<String, String> environment) {
    return SyncConfig.from(merged(environment));
  }
}
