package io.loyaltysync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.EchoMatching;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class SyncConfigTest {

  @Test
  void shouldDefaultToTheTopicNamesOfTheDesign() {
    final SyncConfig config = SyncConfig.defaults();

    assertEquals("erp.loyalty-card.changes", config.topic(Template.CARD, TopicRole.ERP_CHANGES));
    assertEquals(
        "crm.msdyn_loyaltycard.changes", config.topic(Template.CARD, TopicRole.CRM_CHANGES));
    assertEquals("crm.msdyn_loyaltycards", config.topic(Template.CARD, TopicRole.CRM_RECORDS));
    assertEquals("erp.loyalty-cards", config.topic(Template.CARD, TopicRole.ERP_RECORDS));
    assertEquals("erp.loyalty-level.changes", config.topic(Template.LEVEL, TopicRole.ERP_CHANGES));
    assertEquals("crm.msdyn_loyaltylevels", config.topic(Template.LEVEL, TopicRole.CRM_RECORDS));
    assertEquals(
        "crm.msdyn_loyaltyrewardpoint.changes",
        config.topic(Template.REWARD_POINT, TopicRole.CRM_CHANGES));
    assertEquals(
        "erp.loyalty-reward-points", config.topic(Template.REWARD_POINT, TopicRole.ERP_RECORDS));
    assertEquals("crm.transactioncurrency.changes", config.currencyTopic());
    assertEquals("loyalty-sync.dead-letter", config.deadLetterTopic());
    assertEquals("loyalty-sync.audit", config.auditTopic());
  }

  @Test
  void shouldPrefixEveryTopic() {
    final SyncConfig config = SyncConfig.from(Map.of("topic.prefix", "test."));

    assertEquals("test.erp.loyalty-cards", config.topic(Template.CARD, TopicRole.ERP_RECORDS));
    assertEquals("test.loyalty-sync.audit", config.auditTopic());
  }

  @Test
  void shouldParseDurationsPoliciesAndSides() {
    final SyncConfig config =
        SyncConfig.from(
            Map.of(
                "sync.tombstone-retention", "36h",
                "lookup.park-timeout", "PT90M",
                "lookup.release-interval", "250ms",
                "sync.card.conflict-policy", "crm-wins",
                "sync.level.initial-sync-master", "crm",
                "sync.echo-matching", "marker-only"));

    assertEquals(Duration.ofHours(36), config.tombstoneRetention());
    assertEquals(Duration.ofMinutes(90), config.parkTimeout());
    assertEquals(Duration.ofMillis(250), config.releaseInterval());
    assertEquals(Optional.of(ConflictPolicy.CRM_WINS), config.conflictPolicy(Template.CARD));
    assertEquals(Optional.empty(), config.conflictPolicy(Template.LEVEL));
    assertEquals(Optional.of(Side.CRM), config.initialSyncMaster(Template.LEVEL));
    assertEquals(EchoMatching.MARKER_ONLY, config.echoMatching());
    assertEquals(
        EchoMatching.MARKER_OR_MATCH, SyncConfig.from(Map.of()).echoMatching(), "the default");
  }

  @Test
  void shouldRefuseEveryBadValueInOneMessageNamingEachOption() {
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                SyncConfig.from(
                    Map.of(
                        "sync.tombstone-retention", "a week",
                        "processing.guarantee", "exactly_once",
                        "topic.audit", "audit topic",
                        "sync.card.conflict-policy", "newest-wins",
                        "num.stream.threads", "0",
                        "sync.echo-matching", "exact",
                        "colour", "blue")));

    final String message = refused.getMessage();
    assertTrue(message.contains("sync.tombstone-retention: 'a week' is not a duration"), message);
    assertTrue(
        message.contains("processing.guarantee: 'exactly_once' is not exactly_once_v2"), message);
    assertTrue(
        message.contains("topic.audit: 'audit topic' is not a valid Kafka topic name"), message);
    assertTrue(
        message.contains("sync.card.conflict-policy: 'newest-wins' is not last-writer-wins"),
        message);
    assertTrue(message.contains("num.stream.threads: must be at least 1 (was 0)"), message);
    assertTrue(
        message.contains("sync.echo-matching: 'exact' is neither marker-or-match nor marker-only"),
        message);
    assertTrue(message.contains("unknown option 'colour'"), message);
  }

  @Test
  void shouldRefuseATopicPrefixThatMakesAnIllegalTopicName() {
    final ConfigException spaced =
        assertThrows(
            ConfigException.class, () -> SyncConfig.from(Map.of("topic.prefix", "my prefix.")));
    assertTrue(
        spaced.getMessage().contains("topic.prefix: 'my prefix.' is not a valid Kafka topic name"),
        spaced.getMessage());

    // 249 characters at most, prefix included: "loyalty-sync.audit" is 18 of them.
    final String prefix = "p".repeat(249 - 18) + ".";
    final ConfigException tooLong =
        assertThrows(ConfigException.class, () -> SyncConfig.from(Map.of("topic.prefix", prefix)));
    final String message = tooLong.getMessage();
    assertTrue(
        message.contains(
            "topic.audit: with topic.prefix, '"
                + prefix
                + "loyalty-sync.audit' is not a valid Kafka topic name (250 characters, at most"
                + " 249)"),
        message);
    assertTrue(message.contains("topic.dead-letter: with topic.prefix, '"), message);
    final String longest = "crm.msdyn_loyaltyrewardpoint.changes";
    final String fits = "p".repeat(249 - longest.length());
    assertEquals(
        fits + longest,
        SyncConfig.from(Map.of("topic.prefix", fits))
            .topic(Template.REWARD_POINT, TopicRole.CRM_CHANGES),
        "exactly 249 characters is allowed");
  }

  @Test
  void shouldRefuseTwoOptionsNamingOneTopic() {
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                SyncConfig.from(
                    Map.of(
                        "topic.prefix", "test.",
                        // the job would read its own output as changes
                        "topic.card.crm-records", "crm.msdyn_loyaltycard.changes",
                        // Kafka cannot hold both: '.' and '_' are one in its metric names
                        "topic.audit", "loyalty-sync_dead-letter")));

    final String message = refused.getMessage();
    assertTrue(
        message.contains(
            "topic.card.crm-records: 'test.crm.msdyn_loyaltycard.changes' is also the topic of"
                + " topic.card.crm-changes"),
        message);
    assertTrue(
        message.contains(
            "topic.audit: 'test.loyalty-sync_dead-letter' collides with topic.dead-letter's"
                + " 'test.loyalty-sync.dead-letter'"),
        message);
  }

  @Test
  void shouldTakeBootstrapServersAsHostPortLists() {
    for (final String servers :
        List.of(
            "",
            "broker:9092",
            " kafka-1.example.com:9093, 10.0.0.7:9092,kafka_2:1,[::1]:65535",
            "[fe80::1%eth0]:9092,[2001:db8::10.0.0.1]:9092")) {
      assertEquals(
          servers.strip(),
          SyncConfig.from(Map.of("bootstrap.servers", servers)).bootstrapServers(),
          servers);
    }
  }

  @Test
  void shouldRefuseBootstrapServersThatAreNotHostPortLists() {
    for (final String servers :
        List.of(
            "broker",
            "broker:",
            ":9092",
            "broker:x",
            "PLAINTEXT://broker:9092",
            "bro ker:9092",
            "broker:9092;other:9092",
            "-broker:9092",
            "999.0.0.1:9092",
            "::1:9092",
            "[::1:9092",
            "[::g]:9092",
            "[10.0.0.1]:9092")) {
      final ConfigException refused =
          assertThrows(
              ConfigException.class,
              () -> SyncConfig.from(Map.of("bootstrap.servers", "good:1," + servers)),
              servers);
      assertTrue(
          refused
              .getMessage()
              .contains(
                  "bootstrap.servers: '"
                      + servers
                      + "' is not host:port (a host name, an IPv4 address or an [IPv6] one)"),
          refused.getMessage());
    }

    final Map<String, String> problems =
        Map.of(
            "a:0", "bootstrap.servers: 'a:0' has port 0, not 1-65535",
            "b:1,c:65536", "bootstrap.servers: 'c:65536' has port 65536, not 1-65535",
            "a:1,,c:2", "bootstrap.servers: 'a:1,,c:2' has an empty entry",
            "a:1,", "bootstrap.servers: 'a:1,' has an empty entry");
    problems.forEach(
        (servers, problem) -> {
          final ConfigException refused =
              assertThrows(
                  ConfigException.class,
                  () -> SyncConfig.from(Map.of("bootstrap.servers", servers)),
                  servers);
          assertTrue(refused.getMessage().contains(problem), refused.getMessage());
        });
  }

  @Test
  void shouldRefuseDurationsTooLongToCountInMilliseconds() {
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                SyncConfig.from(
                    Map.of(
                        "sync.tombstone-retention", "9999999999999d",
                        "sync.tombstone-purge-interval", "99999999999999999999ms",
                        "lookup.park-timeout", "PT9999999999999999H",
                        "lookup.release-interval", "P9999999999999D",
                        "schema.registry.request-timeout", "999999999999999999h")));

    final String message = refused.getMessage();
    for (final String problem :
        List.of(
            "sync.tombstone-retention: '9999999999999d'",
            "sync.tombstone-purge-interval: '99999999999999999999ms'",
            "lookup.park-timeout: 'PT9999999999999999H'",
            "lookup.release-interval: 'P9999999999999D'",
            "schema.registry.request-timeout: '999999999999999999h'")) {
      assertTrue(
          message.contains(problem + " is too long a duration (at most 106751991167d)"), message);
    }
    final ConfigException justOver =
        assertThrows(
            ConfigException.class,
            () -> SyncConfig.from(Map.of("sync.tombstone-retention", "106751991168d")));
    assertTrue(
        justOver.getMessage().contains("'106751991168d' is too long a duration"),
        justOver.getMessage());
    assertEquals(
        Duration.ofDays(106_751_991_167L),
        SyncConfig.from(Map.of("sync.tombstone-retention", "106751991167d")).tombstoneRetention(),
        "the longest that counts in milliseconds");
  }

  @Test
  void shouldRefuseDurationsUnderAMillisecond() {
    // Kafka Streams schedules the intervals in whole milliseconds, at least 1; the job compares
    // the retention and the timeouts in milliseconds, so under 1 they would be 0: no time at all.
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                SyncConfig.from(
                    Map.of(
                        "sync.tombstone-purge-interval", "PT0.0001S",
                        "lookup.release-interval", "0ms",
                        "sync.tombstone-retention", "PT0.000999S",
                        "lookup.park-timeout", "0s",
                        "schema.registry.request-timeout", "PT-1S")));

    final String message = refused.getMessage();
    for (final String problem :
        List.of(
            "sync.tombstone-purge-interval: must be at least 1ms (was PT0.0001S)",
            "lookup.release-interval: must be at least 1ms (was 0ms)",
            "sync.tombstone-retention: must be at least 1ms (was PT0.000999S)",
            "lookup.park-timeout: must be at least 1ms (was 0s)",
            "schema.registry.request-timeout: must be at least 1ms (was PT-1S)")) {
      assertTrue(message.contains(problem), message);
    }
    assertEquals(
        Duration.ofMillis(1),
        SyncConfig.from(Map.of("lookup.release-interval", "1ms")).releaseInterval(),
        "the shortest");
  }

  @Test
  void shouldRunExactlyOnceWithExplicitNamingByDefaultAndPassKafkaOptionsThrough() {
    final Properties props =
        StreamsSettings.of(
            SyncConfig.from(
                Map.of(
                    "bootstrap.servers", "broker:9092",
                    "kafka.security.protocol", "SASL_SSL")));

    assertEquals(
        StreamsConfig.EXACTLY_ONCE_V2, props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    assertEquals(true, props.get(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG));
    assertEquals("loyalty-sync", props.get(StreamsConfig.APPLICATION_ID_CONFIG));
    assertEquals("broker:9092", props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    assertEquals("SASL_SSL", props.get("security.protocol"));
  }

  @Test
  void shouldRefuseKafkaOptionsThatWouldOverrideTheJobsOwn() {
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                SyncConfig.from(
                    Map.of(
                        "kafka.processing.guarantee", "at_least_once",
                        "kafka.application.id", "other",
                        "kafka.bootstrap.servers", "broker:9092",
                        "kafka.consumer.bootstrap.servers", "broker:9092",
                        "kafka.num.stream.threads", "4",
                        "kafka.state.dir", "/tmp/state",
                        "kafka.ensure.explicit.internal.resource.naming", "false",
                        "kafka.security.protocol", "SASL_SSL")));

    final String message = refused.getMessage();
    for (final String problem :
        List.of(
            "kafka.processing.guarantee: set processing.guarantee instead",
            "kafka.application.id: set application.id instead",
            "kafka.bootstrap.servers: set bootstrap.servers instead",
            "kafka.consumer.bootstrap.servers: set bootstrap.servers instead",
            "kafka.num.stream.threads: set num.stream.threads instead",
            "kafka.state.dir: set state.dir instead",
            "kafka.ensure.explicit.internal.resource.naming: the job always names its internal"
                + " topics and stores explicitly (true)")) {
      assertTrue(message.contains(problem), message);
    }
    assertFalse(message.contains("kafka.security.protocol"), message);
  }

  @Test
  void shouldRefuseAKafkaOptionForEverySettingTheJobsOptionsMake() {
    // Whatever StreamsSettings sets from an option or fixes, a kafka.* option must not override.
    final Properties defaults = StreamsSettings.of(SyncConfig.defaults());
    final Properties withOptions =
        StreamsSettings.of(
            SyncConfig.from(
                Map.of(
                    "application.id", "other",
                    "bootstrap.servers", "broker:9092",
                    "processing.guarantee", "at_least_once",
                    "num.stream.threads", "2",
                    "state.dir", "/tmp/state")));
    for (final String setting : withOptions.stringPropertyNames()) {
      if (!withOptions.get(setting).equals(defaults.get(setting))) {
        final ConfigException refused =
            assertThrows(
                ConfigException.class,
                () -> SyncConfig.from(Map.of(SyncConfig.KAFKA_PREFIX + setting, "x")),
                setting);
        assertTrue(
            refused.getMessage().contains(SyncConfig.KAFKA_PREFIX + setting + ": set "),
            refused.getMessage());
      }
    }
  }

  @Test
  void shouldReadTheRegistryConnectionOptions() {
    final SyncConfig config =
        SyncConfig.from(
            Map.of(
                "schema.registry.url", "https://registry:8443/apis/ccompat/v7",
                "schema.registry.basic-auth.user-info", "sync:pa55:word",
                "schema.registry.request-timeout", "5s",
                "schema.registry.tls.trust-store.path", "/etc/sync/trust.jks",
                "schema.registry.tls.trust-store.type", "jks",
                "schema.registry.tls.trust-store.password", " spaced secret "));

    assertEquals(Optional.of("sync:pa55:word"), config.schemaRegistryUserInfo());
    assertEquals(Duration.ofSeconds(5), config.schemaRegistryRequestTimeout());
    assertEquals(
        Optional.of(
            new KeyStoreFile(
                Path.of("/etc/sync/trust.jks"), "JKS", Optional.of(" spaced secret "))),
        config.schemaRegistryTrustStore());
    assertEquals(Optional.empty(), config.schemaRegistryKeyStore());
    assertFalse(config.schemaRegistryTrustStore().get().toString().contains("spaced secret"));
  }

  @Test
  void shouldMarkEveryPasswordAndCredentialOptionSecret() {
    final List<String> secrets =
        SyncConfig.documented().stream().filter(Option::secret).map(Option::name).toList();

    assertEquals(
        List.of(
            "schema.registry.basic-auth.user-info",
            "schema.registry.tls.trust-store.password",
            "schema.registry.tls.key-store.password"),
        secrets);
  }

  @Test
  void shouldNeverShowASecretInAnErrorMessage() {
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () -> SyncConfig.from(Map.of("schema.registry.basic-auth.user-info", "0nly-a-$ecret")));

    assertTrue(
        refused
            .getMessage()
            .contains("schema.registry.basic-auth.user-info: invalid value (not shown)"),
        refused.getMessage());
    assertFalse(refused.getMessage().contains("0nly-a-$ecret"), refused.getMessage());
  }

  @Test
  void shouldRefuseCredentialsInTheRegistryUrlWithoutShowingThem() {
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                SyncConfig.from(
                    Map.of("schema.registry.url", "https://sync:pa55word@registry:8443")));

    assertTrue(refused.getMessage().contains("schema.registry.url: the URL must not carry"));
    assertFalse(refused.getMessage().contains("pa55word"), refused.getMessage());
  }

  @Test
  void shouldRefuseARegistryUrlThatIsNeitherHttpNorMock() {
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () -> SyncConfig.from(Map.of("schema.registry.url", "registry:8081")));

    assertTrue(
        refused.getMessage().contains("schema.registry.url: 'registry:8081' is neither"),
        refused.getMessage());
  }

  @Test
  void shouldRefuseTlsStoresThatCannotBeUsedAsConfigured() {
    final ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                SyncConfig.from(
                    Map.of(
                        "schema.registry.url", "http://registry:8081",
                        "schema.registry.tls.key-store.path", "/etc/sync/client.p12",
                        "schema.registry.tls.trust-store.password", "x",
                        "schema.registry.tls.trust-store.type", "PEMISH")));

    final String message = refused.getMessage();
    assertTrue(message.contains("schema.registry.url is not https"), message);
    assertTrue(
        message.contains(
            "schema.registry.tls.key-store.path needs schema.registry.tls.key-store.password"),
        message);
    assertTrue(
        message.contains(
            "schema.registry.tls.trust-store.password is set but"
                + " schema.registry.tls.trust-store.path is not"),
        message);
    assertTrue(
        message.contains("schema.registry.tls.trust-store.type: 'PEMISH' is not a key store type"),
        message);
  }

  @Test
  void shouldDocumentEveryOption() {
    for (final Option<?> option : SyncConfig.documented()) {
      assertTrue(!option.doc().isBlank(), option.name());
    }
  }
}
