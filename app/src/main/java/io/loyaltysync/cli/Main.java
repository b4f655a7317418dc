package io.loyaltysync.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The loyalty-sync command line: one jar, one sub-command per job. */
@Command(
    name = "loyalty-sync",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Exactly-once, bidirectional sync of loyalty cards, levels and reward points between"
            + " Dynamics 365 F&O / Commerce and Dataverse.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      PublishSampleCommand.class,
      TopicsCommand.class,
      DescribeCommand.class,
      MapCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  /** Avro refuses to instantiate generated classes from packages it has not been told to trust. */
  static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

  /** Exit code of a job that stopped on an error while it ran. */
  static final int FAILED = 1;

  /** Exit code of a configuration, or a cluster, the job must not start on. */
  static final int BAD_CONFIGURATION = 2;

  private static final String OUR_PACKAGE = "io.loyaltysync.avro";

  private Main() {}

  public static void main(final String[] args) {
    trustOurAvroPackage();
    System.exit(commandLine().execute(args));
  }

  /** The command line, built the same way for the launcher and the tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** The process environment, one of the configuration layers. */
  static Map<String, String> environment() {
    return System.getenv();
  }

  /**
   * Must run before the first Avro class loads: Avro reads the property once. Keeps whatever the
   * user set and adds the project's own package to it. Public for the other launchers (the
   * benchmarks), which must trust the same package.
   */
  public static void trustOurAvroPackage() {
    final String current = System.getProperty(AVRO_TRUSTED_PACKAGES);
    if (current == null || current.isBlank()) {
      System.setProperty(AVRO_TRUSTED_PACKAGES, OUR_PACKAGE);
    } else if (!current.contains(OUR_PACKAGE)) {
      System.setProperty(AVRO_TRUSTED_PACKAGES, current + "," + OUR_PACKAGE);
    }
  }
}
