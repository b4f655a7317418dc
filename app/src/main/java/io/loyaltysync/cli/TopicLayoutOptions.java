package io.loyaltysync.cli;

import picocli.CommandLine.Option;

/** The topic layout options shared by {@code run} and {@code topics}. */
final class TopicLayoutOptions {

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "1",
      description = "Partitions of each topic it creates (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      defaultValue = "1",
      description = "Replicas each topic needs, and gets when created (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  /** Null when both are usable, else what is wrong. */
  String problem() {
    return partitions < 1 || replicationFactor < 1
        ? "--partitions and --replication-factor must be positive"
        : null;
  }
}
