package io.loyaltysync.config;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.EchoMatching;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The job's configuration, every value parsed and checked when it is built: a bad value stops the
 * job at start-up with a message naming the option. Options starting with {@code kafka.} are passed
 * to the Kafka clients without the prefix (security settings, tuning).
 */
public final class SyncConfig {

  /** Options that carry through to the Kafka clients, prefix removed. */
  public static final String KAFKA_PREFIX = "kafka.";

  private static final Map<String, Option<?>> OPTIONS = OptionCatalog.options();

  private final Map<String, Object> values;
  private final Map<String, String> kafka;

  private SyncConfig(final Map<String, Object> values, final Map<String, String> kafka) {
    this.values = values;
    this.kafka = kafka;
  }

  /** Defaults overridden by {@code overrides}; every value validated. */
  public static SyncConfig from(final Map<String, String> overrides) {
    final List<String> problems = new ArrayList<>();
    final Map<String, String> kafka = new TreeMap<>();
    for (final String name : overrides.keySet()) {
      if (name.startsWith(KAFKA_PREFIX)) {
        final String setting = name.substring(KAFKA_PREFIX.length());
        final Optional<String> refusal = StreamsSettings.refusal(setting);
        if (refusal.isPresent()) {
          // It would silently override one of the job's own options.
          problems.add(name + ": " + refusal.get());
        } else {
          kafka.put(setting, overrides.get(name));
        }
      } else if (!OPTIONS.containsKey(name)) {
        problems.add("unknown option '" + name + "'");
      }
    }
    final Map<String, Object> values = new HashMap<>();
    for (final Option<?> option : OPTIONS.values()) {
      final String text = overrides.getOrDefault(option.name(), option.defaultValue());
      if (text == null) {
        continue;
      }
      try {
        values.put(option.name(), option.parser().apply(text));
      } catch (final IllegalArgumentException e) {
        // A secret's value never appears in a message, not even a wrong one.
        problems.add(
            option.name()
                + ": "
                + (option.secret() ? "invalid value (not shown)" : e.getMessage()));
      }
    }
    problems.addAll(crossChecks(values));
    if (!problems.isEmpty()) {
      throw new ConfigException("invalid configuration: " + String.join("; ", problems));
    }
    return new SyncConfig(values, kafka);
  }

  /** The defaults alone. */
  public static SyncConfig defaults() {
    return from(Map.of());
  }

  /** Every option, in documentation order. */
  public static List<Option<?>> documented() {
    return List.copyOf(OPTIONS.values());
  }

  // ---- typed access ---------------------------------------------------------------------------

  public String applicationId() {
    return (String) values.get("application.id");
  }

  /** The prefix of every topic name. */
  public String topicPrefix() {
    return (String) values.get("topic.prefix");
  }

  /** The topic of {@code role} for {@code template}, with the prefix. */
  public String topic(final Template template, final TopicRole role) {
    return prefixed("topic." + template.id() + "." + role.id());
  }

  public String currencyTopic() {
    return prefixed("topic.currency-changes");
  }

  public String deadLetterTopic() {
    return prefixed("topic.dead-letter");
  }

  public String auditTopic() {
    return prefixed("topic.audit");
  }

  public Optional<String> mapVersion(final Template template) {
    return Optional.ofNullable((String) values.get("map." + template.id() + ".version"));
  }

  public Optional<Path> mapFile(final Template template) {
    return Optional.ofNullable((String) values.get("map." + template.id() + ".file")).map(Path::of);
  }

  public Optional<ConflictPolicy> conflictPolicy(final Template template) {
    return Optional.ofNullable(
        (ConflictPolicy) values.get("sync." + template.id() + ".conflict-policy"));
  }

  public Optional<Side> initialSyncMaster(final Template template) {
    return Optional.ofNullable((Side) values.get("sync." + template.id() + ".initial-sync-master"));
  }

  public String originMarker() {
    return (String) values.get("sync.origin-marker");
  }

  public EchoMatching echoMatching() {
    return (EchoMatching) values.get("sync.echo-matching");
  }

  public int maxPendingWrites() {
    return (Integer) values.get("sync.max-pending-writes");
  }

  public Duration tombstoneRetention() {
    return (Duration) values.get("sync.tombstone-retention");
  }

  public Duration tombstonePurgeInterval() {
    return (Duration) values.get("sync.tombstone-purge-interval");
  }

  public Duration parkTimeout() {
    return (Duration) values.get("lookup.park-timeout");
  }

  public Duration releaseInterval() {
    return (Duration) values.get("lookup.release-interval");
  }

  public String schemaRegistryUrl() {
    return (String) values.get("schema.registry.url");
  }

  public boolean autoRegisterSchemas() {
    return (Boolean) values.get("schema.registry.auto-register");
  }

  /** {@code user:password} for the registry's basic auth; a secret, never to be printed. */
  public Optional<String> schemaRegistryUserInfo() {
    return Optional.ofNullable((String) values.get("schema.registry.basic-auth.user-info"));
  }

  public Duration schemaRegistryRequestTimeout() {
    return (Duration) values.get("schema.registry.request-timeout");
  }

  /** The trust store for the registry's certificate; empty to trust the JVM's CAs. */
  public Optional<KeyStoreFile> schemaRegistryTrustStore() {
    return keyStore("schema.registry.tls.trust-store");
  }

  /** The key store with this client's certificate, for mutual TLS; empty when not configured. */
  public Optional<KeyStoreFile> schemaRegistryKeyStore() {
    return keyStore("schema.registry.tls.key-store");
  }

  public String processingGuarantee() {
    return (String) values.get("processing.guarantee");
  }

  /** Empty when no cluster is configured (the embedded broker's case). */
  public String bootstrapServers() {
    return (String) values.get("bootstrap.servers");
  }

  public Optional<String> stateDir() {
    return Optional.ofNullable((String) values.get("state.dir"));
  }

  public int streamThreads() {
    return (Integer) values.get("num.stream.threads");
  }

  /** Settings passed to the Kafka clients as they are (from {@code kafka.*} options). */
  public Map<String, String> kafkaOverrides() {
    return Map.copyOf(kafka);
  }

  private Optional<KeyStoreFile> keyStore(final String prefix) {
    return Optional.ofNullable((String) values.get(prefix + ".path"))
        .map(
            path ->
                new KeyStoreFile(
                    Path.of(path),
                    (String) values.get(prefix + ".type"),
                    Optional.ofNullable((String) values.get(prefix + ".password"))));
  }

  private String prefixed(final String option) {
    return values.get("topic.prefix") + (String) values.get(option);
  }

  /** The options naming one of the job's topics, in documentation order (not the prefix). */
  private static List<String> topicOptions() {
    return OPTIONS.keySet().stream()
        .filter(name -> name.startsWith("topic.") && !name.equals("topic.prefix"))
        .toList();
  }

  /** The prefixed name of every topic whose option and the prefix are valid, by option. */
  private static Map<String, String> topicNames(final Map<String, Object> values) {
    final Map<String, String> names = new LinkedHashMap<>();
    final String prefix = (String) values.get("topic.prefix");
    if (prefix == null) {
      return names; // the prefix is invalid, already reported
    }
    for (final String option : topicOptions()) {
      final String name = (String) values.get(option);
      if (name != null) {
        names.put(option, prefix + name);
      }
    }
    return names;
  }

  /**
   * Every topic of the job has one role: an output named like an input would feed the job its own
   * records. Names equal but for '.' against '_' are refused too, as Kafka cannot create both.
   */
  private static List<String> sharedTopics(final Map<String, String> names) {
    final List<String> problems = new ArrayList<>();
    final Map<String, String> optionByName = new HashMap<>();
    final Map<String, String> optionByMetricName = new HashMap<>();
    names.forEach(
        (option, name) -> {
          final String same = optionByName.putIfAbsent(name, option);
          final String metricName = name.replace('.', '_');
          final String colliding = optionByMetricName.putIfAbsent(metricName, option);
          if (same != null) {
            problems.add(option + ": '" + name + "' is also the topic of " + same);
          } else if (colliding != null) {
            problems.add(
                option
                    + ": '"
                    + name
                    + "' collides with "
                    + colliding
                    + "'s '"
                    + names.get(colliding)
                    + "' (Kafka takes '.' and '_' for one character in topic names)");
          }
        });
    return problems;
  }

  private static List<String> crossChecks(final Map<String, Object> values) {
    final List<String> problems = new ArrayList<>();
    if (!((String) values.getOrDefault("topic.prefix", "")).isEmpty()) {
      // Each name and the prefix are valid alone; together they may not be (249 characters).
      topicNames(values)
          .forEach(
              (option, name) -> {
                try {
                  Parsers.topicName(name);
                } catch (final IllegalArgumentException e) {
                  problems.add(option + ": with topic.prefix, " + e.getMessage());
                }
              });
    }
    problems.addAll(sharedTopics(topicNames(values)));
    for (final String store : List.of("trust-store", "key-store")) {
      final String prefix = "schema.registry.tls." + store;
      if (values.containsKey(prefix + ".password") && !values.containsKey(prefix + ".path")) {
        problems.add(prefix + ".password is set but " + prefix + ".path is not");
      }
    }
    final String url = (String) values.get("schema.registry.url");
    final boolean tls =
        values.containsKey("schema.registry.tls.trust-store.path")
            || values.containsKey("schema.registry.tls.key-store.path");
    if (tls && url != null && !url.regionMatches(true, 0, "https://", 0, 8)) {
      problems.add("schema.registry.tls.* options are set but schema.registry.url is not https");
    }
    if (values.containsKey("schema.registry.tls.key-store.path")
        && !values.containsKey("schema.registry.tls.key-store.password")) {
      // The JDK cannot read a private key without a password.
      problems.add(
          "schema.registry.tls.key-store.path needs schema.registry.tls.key-store.password");
    }
    return problems;
  }
}
