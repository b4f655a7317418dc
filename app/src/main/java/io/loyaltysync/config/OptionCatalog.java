package io.loyaltysync.config;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.EchoMatching;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Every option of the job, declared once: name, default, one-line doc, parser. */
final class OptionCatalog {

  private OptionCatalog() {}

  static Map<String, Option<?>> options() {
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
            Parsers::bootstrapServers));
    add(
        all,
        Option.of(
            "processing.guarantee",
            "exactly_once_v2",
            "exactly_once_v2 (default) or at_least_once.",
            OptionCatalog::guarantee));
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
    add(
        all,
        Option.of("topic.prefix", "", "Prefix of every topic name below.", Parsers::topicPrefix));
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
              OptionCatalog::policy));
      add(
          all,
          Option.of(
              "sync." + id + ".initial-sync-master",
              null,
              "erp or crm: who wins an initial-sync difference (default: the map's).",
              OptionCatalog::side));
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
            "sync.echo-matching",
            "marker-or-match",
            "marker-or-match: an echo carries the origin marker or matches a pending write exactly;"
                + " marker-only: only the marker (every writer stamps it), so a user's change is"
                + " never taken for an echo.",
            OptionCatalog::echoMatching));
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

  private static EchoMatching echoMatching(final String value) {
    return EchoMatching.ofId(value.strip())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + value + "' is neither marker-or-match nor marker-only"));
  }

  private static Side side(final String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "erp" -> Side.ERP;
      case "crm" -> Side.CRM;
      default -> throw new IllegalArgumentException("'" + value + "' is neither erp nor crm");
    };
  }
}
