package io.loyaltysync.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The job's configuration layers, lowest first: the option defaults, a properties file, the
 * environment, the command-line flags. A higher layer overrides a lower one option by option.
 *
 * <p>Environment: {@code LOYALTY_SYNC_<OPTION>}, the option's name upper-cased with '.' and '-'
 * turned into '_' (matched against the declared options, so the mapping is unambiguous), and {@code
 * KAFKA_<NAME>} for {@code kafka.<name lower-cased, '_' to '.'>}, passed to the Kafka clients.
 */
public final class ConfigLayers {

  /** Prefix of the environment variables of the job's own options. */
  public static final String ENV_PREFIX = "LOYALTY_SYNC_";

  /** Prefix of the environment variables passed to the Kafka clients. */
  public static final String KAFKA_ENV_PREFIX = "KAFKA_";

  private static final String HIDDEN = "(secret, not shown)";

  private static final Map<String, String> OPTION_BY_ENV_NAME = optionsByEnvName();

  private ConfigLayers() {}

  /**
   * The options of all layers merged, highest layer winning; not yet validated (see {@link
   * SyncConfig#from}).
   *
   * @param file the properties file's options, empty without one
   * @param environment the process environment; variables without either prefix are ignored
   * @param flags the {@code --set option=value} flags
   */
  public static Map<String, String> merge(
      final Map<String, String> file,
      final Map<String, String> environment,
      final Map<String, String> flags) {
    final Map<String, String> merged = new TreeMap<>(file);
    merged.putAll(fromEnvironment(environment));
    merged.putAll(flags);
    return merged;
  }

  /** The layers merged and validated. */
  public static SyncConfig resolve(
      final Map<String, String> file,
      final Map<String, String> environment,
      final Map<String, String> flags) {
    return SyncConfig.from(merge(file, environment, flags));
  }

  /**
   * The options the environment sets.
   *
   * @throws ConfigException naming any {@code LOYALTY_SYNC_} variable that is no option (a typo
   *     must not pass silently)
   */
  public static Map<String, String> fromEnvironment(final Map<String, String> environment) {
    final Map<String, String> options = new TreeMap<>();
    final List<String> unknown = new ArrayList<>();
    for (final Map.Entry<String, String> variable : environment.entrySet()) {
      final String name = variable.getKey();
      if (name.startsWith(ENV_PREFIX)) {
        final String option = OPTION_BY_ENV_NAME.get(name);
        if (option == null) {
          unknown.add(name);
        } else {
          options.put(option, variable.getValue());
        }
      } else if (name.startsWith(KAFKA_ENV_PREFIX)
          && name.length() > KAFKA_ENV_PREFIX.length()
          && !isKafkaLauncherVariable(name)) {
        options.put(kafkaOption(name), variable.getValue());
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "unknown environment variable(s) " + unknown + ": no option has that name");
    }
    return options;
  }

  /**
   * Whether a {@code KAFKA_*} variable belongs to Kafka's own launch scripts and images (JVM
   * options, install paths) rather than naming a client property: {@code KAFKA_OPTS}, {@code
   * KAFKA_HEAP_OPTS} and every other {@code *_OPTS}, {@code KAFKA_HOME}, {@code KAFKA_DEBUG}. Set
   * on a machine that also runs Kafka's tools, they would otherwise reach the clients as unknown
   * properties such as {@code opts}.
   */
  static boolean isKafkaLauncherVariable(final String name) {
    return name.endsWith("_OPTS")
        || name.equals("KAFKA_HOME")
        || name.equals("KAFKA_DEBUG")
        || name.equals("KAFKA_VERSION");
  }

  /** The environment variable of an option: {@code topic.prefix} -> LOYALTY_SYNC_TOPIC_PREFIX. */
  public static String envName(final String option) {
    return ENV_PREFIX + option.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The option of a {@code KAFKA_*} variable: KAFKA_SASL_MECHANISM -> kafka.sasl.mechanism. */
  public static String kafkaOption(final String variable) {
    return SyncConfig.KAFKA_PREFIX
        + variable.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The options of a properties file. */
  public static Map<String, String> readFile(final Path file) {
    final Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (final IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    final Map<String, String> options = new TreeMap<>();
    for (final String name : properties.stringPropertyNames()) {
      options.put(name, properties.getProperty(name).strip());
    }
    return options;
  }

  /**
   * Whether an option's value must never be printed or logged: the options declared secret, and any
   * {@code kafka.*} setting that holds a password, a secret or a JAAS config.
   */
  public static boolean isSecret(final String option) {
    if (option.startsWith(SyncConfig.KAFKA_PREFIX)) {
      final String name = option.toLowerCase(Locale.ROOT);
      return name.contains("password") || name.contains("secret") || name.contains("sasl.jaas");
    }
    return SyncConfig.documented().stream()
        .anyMatch(declared -> declared.name().equals(option) && declared.secret());
  }

  /** The options with every secret's value replaced, for printing. */
  public static Map<String, String> redacted(final Map<String, String> options) {
    final Map<String, String> shown = new TreeMap<>();
    options.forEach((name, value) -> shown.put(name, isSecret(name) ? HIDDEN : value));
    return shown;
  }

  private static Map<String, String> optionsByEnvName() {
    final Map<String, String> byEnvName = new HashMap<>();
    for (final Option<?> option : SyncConfig.documented()) {
      final String previous = byEnvName.put(envName(option.name()), option.name());
      if (previous != null) {
        // Two options differing only in '.' versus '-' would share a variable: refuse at start.
        throw new IllegalStateException(
            option.name() + " and " + previous + " map to one variable " + envName(previous));
      }
    }
    return Map.copyOf(byEnvName);
  }
}
