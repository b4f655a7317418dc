package io.loyaltysync.config;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  private static final Map<String, Option<?>> OPTIONS = options();

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
        kafka.put(name.substring(KAFKA_PREFIX.length()), overrides.get(name));
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

  // ---- the options ----------------------------------------------------------------------------

  private static Map<String, Option<?>> options() {
    final Map<String, Option<?>> all = new LinkedHashMap<>();
    add(
        all,
        Option.of(
            "application.id",
            "loyalty-sync",
            "Kafka Streams application id: consumer group, state and internal topic prefix.",
            Parsers::nonBlank));
    add(
        all,
        Option.of(
            "bootstrap.servers",
            "",
            "Kafka cluster to connect to, host:port[,host:port...].",
            Parsers::text));
    add(
        all,
        Option.of(
            "processing.guarantee",
            "exactly_once_v2",
            "exactly_once_v2 (default) or at_least_once.",
            SyncConfig::guarantee));
    add(
        all,
        Option.of(
            "num.stream.threads", "1", "Stream threads of this instance.", Parsers::positiveInt));
    add(
        all,
        Option.of(
            "state.dir",
            null,
            "Directory of the local state stores (default: Kafka Streams' temp directory).",
            Parsers::nonBlank));
    add(
        all,
        Option.of(
            "schema.registry.url",
            "mock://loyalty-sync",
            "Confluent-compatible schema registry; mock://<name> is an in-memory one.",
            Parsers::registryUrl));
    add(
        all,
        Option.of(
            "schema.registry.auto-register",
            "true",
            "Register the app's schemas (true) or only look them up (false).",
            Parsers::bool));
    add(
        all,
        Option.secret(
            "schema.registry.basic-auth.user-info",
            null,
            "user:password for the registry's HTTP basic auth (secret).",
            Parsers::userInfo));
    add(
        all,
        Option.of(
            "schema.registry.request-timeout",
            "30s",
            "How long connecting to the registry, or one call to it, may take before it counts as"
                + " unavailable.",
            Parsers::duration));
    add(
        all,
        Option.of(
            "schema.registry.tls.trust-store.path",
            null,
            "Trust store of the CAs that sign the registry's certificate (default: the JVM's).",
            Parsers::nonBlank));
    add(
        all,
        Option.secret(
            "schema.registry.tls.trust-store.password",
            null,
            "Password of the trust store, if it has one (secret).",
            Parsers::verbatim));
    add(
        all,
        Option.of(
            "schema.registry.tls.trust-store.type",
            "PKCS12",
            "Type of the trust store: PKCS12 or JKS.",
            Parsers::keyStoreType));
    add(
        all,
        Option.of(
            "schema.registry.tls.key-store.path",
            null,
            "Key store with this client's certificate and key, for a registry that wants mutual"
                + " TLS.",
            Parsers::nonBlank));
    add(
        all,
        Option.secret(
            "schema.registry.tls.key-store.password",
            null,
            "Password of the key store and of the key in it (secret).",
            Parsers::verbatim));
    add(
        all,
        Option.of(
            "schema.registry.tls.key-store.type",
            "PKCS12",
            "Type of the key store: PKCS12 or JKS.",
            Parsers::keyStoreType));
    add(all, Option.of("topic.prefix", "", "Prefix of every topic name below.", Parsers::text));
    for (final Template template : Template.values()) {
      final String id = template.id();
      add(
          all,
          Option.of(
              "topic." + id + ".erp-changes",
              defaultTopic(template, TopicRole.ERP_CHANGES),
              "F&O change events of " + id + "s (input).",
              Parsers::topicName));
      add(
          all,
          Option.of(
              "topic." + id + ".crm-changes",
              defaultTopic(template, TopicRole.CRM_CHANGES),
              "Dataverse change events of " + id + "s (input).",
              Parsers::topicName));
      add(
          all,
          Option.of(
              "topic." + id + ".erp-records",
              defaultTopic(template, TopicRole.ERP_RECORDS),
              "Mapped " + id + " records for the F&O writer (output).",
              Parsers::topicName));
      add(
          all,
          Option.of(
              "topic." + id + ".crm-records",
              defaultTopic(template, TopicRole.CRM_RECORDS),
              "Mapped " + id + " records for the Dataverse writer (output).",
              Parsers::topicName));
    }
    add(
        all,
        Option.of(
            "topic.currency-changes",
            "crm.transactioncurrency.changes",
            "Dataverse currency rows, the reward-point lookup's reference data (input).",
            Parsers::topicName));
    add(
        all,
        Option.of(
            "topic.dead-letter",
            "loyalty-sync.dead-letter",
            "Records that could not be processed, with reason and original bytes (output).",
            Parsers::topicName));
    add(
        all,
        Option.of(
            "topic.audit",
            "loyalty-sync.audit",
            "Conflicts, ignored one-way edits, parked and released lookups (output).",
            Parsers::topicName));
    for (final Template template : Template.values()) {
      final String id = template.id();
      add(
          all,
          Option.of(
              "map." + id + ".version",
              null,
              "Pin a bundled " + id + " map version (default: the newest).",
              Parsers::nonBlank));
      add(
          all,
          Option.of(
              "map." + id + ".file",
              null,
              "Use this " + id + " map file instead of a bundled one.",
              Parsers::nonBlank));
      add(
          all,
          Option.of(
              "sync." + id + ".conflict-policy",
              null,
              "last-writer-wins, erp-wins or crm-wins (default: the map's).",
              SyncConfig::policy));
      add(
          all,
          Option.of(
              "sync." + id + ".initial-sync-master",
              null,
              "erp or crm: who wins an initial-sync difference (default: the map's).",
              SyncConfig::side));
    }
    add(
        all,
        Option.of(
            "sync.origin-marker",
            "loyalty-sync",
            "Origin marker the writers stamp on this app's writes; events carrying it are echoes.",
            Parsers::nonBlank));
    add(
        all,
        Option.of(
            "sync.max-pending-writes",
            "16",
            "Unconfirmed writes remembered per row and side for echo matching.",
            Parsers::positiveInt));
    add(
        all,
        Option.of(
            "sync.tombstone-retention",
            "7d",
            "How long a deleted row's tombstone is kept, so late events cannot resurrect it.",
            Parsers::duration));
    add(
        all,
        Option.of(
            "sync.tombstone-purge-interval",
            "1h",
            "How often expired tombstones are purged.",
            Parsers::duration));
    add(
        all,
        Option.of(
            "lookup.park-timeout",
            "1h",
            "How long a reward point waits for its currency before it is dead-lettered.",
            Parsers::duration));
    add(
        all,
        Option.of(
            "lookup.release-interval",
            "1s",
            "How often parked records are checked for their lookup target.",
            Parsers::duration));
    return all;
  }

  /** Options that are only valid together. */
  private static List<String> crossChecks(final Map<String, Object> values) {
    final List<String> problems = new ArrayList<>();
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

  private static void add(final Map<String, Option<?>> all, final Option<?> option) {
    all.put(option.name(), option);
  }

  private static String defaultTopic(final Template template, final TopicRole role) {
    final String crmTable = template.entity(Side.CRM).schema().getProp("dataverseTable");
    final String erpName =
        switch (template) {
          case CARD -> "loyalty-card";
          case LEVEL -> "loyalty-level";
          case REWARD_POINT -> "loyalty-reward-point";
        };
    return switch (role) {
      case ERP_CHANGES -> "erp." + erpName + ".changes";
      case CRM_CHANGES -> "crm." + crmTable + ".changes";
      case ERP_RECORDS -> "erp." + erpName + "s";
      case CRM_RECORDS -> "crm." + template.crmEntitySet();
    };
  }

  private static String guarantee(final String value) {
    final String text = value.strip().toLowerCase(Locale.ROOT);
    if (!text.equals("exactly_once_v2") && !text.equals("at_least_once")) {
      throw new IllegalArgumentException("'" + value + "' is not exactly_once_v2 or at_least_once");
    }
    return text;
  }

  private static ConflictPolicy policy(final String value) {
    return ConflictPolicy.ofId(value.strip())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + value + "' is not last-writer-wins, erp-wins or crm-wins"));
  }

  private static Side side(final String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "erp" -> Side.ERP;
      case "crm" -> Side.CRM;
      default -> throw new IllegalArgumentException("'" + value + "' is neither erp nor crm");
    };
  }
}
