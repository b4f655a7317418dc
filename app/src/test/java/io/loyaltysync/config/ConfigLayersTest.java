package io.loyaltysync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLayersTest {

  @TempDir Path dir;

  @Test
  void shouldLetFileOverrideDefaultsEnvironmentOverrideFileAndFlagsOverrideAll()
      throws IOException {
    // Given each layer setting some options, the higher ones overlapping the lower
    final Path file = dir.resolve("sync.properties");
    Files.writeString(
        file,
        "application.id=from-file\ntopic.prefix=file.\nnum.stream.threads=2\n"
            + "sync.origin-marker=file-marker\n");
    final Map<String, String> environment =
        Map.of(
            "LOYALTY_SYNC_TOPIC_PREFIX", "env.",
            "LOYALTY_SYNC_NUM_STREAM_THREADS", "3",
            "PATH", "/usr/bin");
    final Map<String, String> flags = Map.of("num.stream.threads", "4");

    // When they are resolved
    final SyncConfig config = ConfigLayers.resolve(ConfigLayers.readFile(file), environment, flags);

    // Then each option has its highest layer's value, and defaults fill the rest
    assertEquals(4, config.streamThreads(), "flag over environment");
    assertEquals(
        "env.loyalty-sync.audit", config.auditTopic(), "environment over file (topic.prefix)");
    assertEquals("from-file", config.applicationId(), "file over default");
    assertEquals("file-marker", config.originMarker());
    assertEquals("exactly_once_v2", config.processingGuarantee(), "default");
  }

  @Test
  void shouldMapEnvironmentNamesToTheDeclaredOptionsWithDotsAndDashes() {
    final Map<String, String> options =
        ConfigLayers.fromEnvironment(
            Map.of(
                "LOYALTY_SYNC_TOPIC_PREFIX", "p.",
                "LOYALTY_SYNC_SYNC_CARD_CONFLICT_POLICY", "erp-wins",
                "LOYALTY_SYNC_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "u:p",
                "LOYALTY_SYNC_TOPIC_REWARD_POINT_ERP_CHANGES", "rp"));

    assertEquals(
        Map.of(
            "topic.prefix", "p.",
            "sync.card.conflict-policy", "erp-wins",
            "schema.registry.basic-auth.user-info", "u:p",
            "topic.reward-point.erp-changes", "rp"),
        options);
    assertEquals("LOYALTY_SYNC_TOPIC_PREFIX", ConfigLayers.envName("topic.prefix"));
  }

  @Test
  void shouldPassKafkaVariablesToTheKafkaClientsLowerCasedWithDots() {
    final SyncConfig config =
        ConfigLayers.resolve(
            Map.of(),
            Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "PLAIN"),
            Map.of());

    assertEquals(
        Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
        config.kafkaOverrides());
  }

  @Test
  void shouldLeaveKafkasLauncherVariablesToKafkasScripts() {
    final SyncConfig config =
        ConfigLayers.resolve(
            Map.of(),
            Map.of(
                "KAFKA_OPTS", "-Djava.security.auth.login.config=/etc/jaas.conf",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "KAFKA_HOME", "/opt/kafka",
                "KAFKA_CLIENT_ID", "sync-1"),
            Map.of());

    assertEquals(Map.of("client.id", "sync-1"), config.kafkaOverrides());
  }

  @Test
  void shouldLetAFlagOverrideAKafkaVariable() {
    final SyncConfig config =
        ConfigLayers.resolve(
            Map.of("kafka.linger.ms", "1"),
            Map.of("KAFKA_LINGER_MS", "5"),
            Map.of("kafka.linger.ms", "9"));

    assertEquals("9", config.kafkaOverrides().get("linger.ms"));
  }

  @Test
  void shouldRefuseAnUnknownLoyaltySyncVariableNamingIt() {
    final ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLayers.fromEnvironment(Map.of("LOYALTY_SYNC_TOPIC_PREFIXX", "x")));

    assertTrue(e.getMessage().contains("LOYALTY_SYNC_TOPIC_PREFIXX"), e.getMessage());
  }

  @Test
  void shouldTreatDeclaredSecretsAndKafkaCredentialsAsSecret() {
    assertTrue(ConfigLayers.isSecret("schema.registry.basic-auth.user-info"));
    assertTrue(ConfigLayers.isSecret("kafka.ssl.keystore.password"));
    assertTrue(ConfigLayers.isSecret("kafka.sasl.jaas.config"));
    assertTrue(ConfigLayers.isSecret("kafka.basic.auth.client.secret"));
    assertFalse(ConfigLayers.isSecret("kafka.sasl.mechanism"));
    assertFalse(ConfigLayers.isSecret("topic.prefix"));
  }

  @Test
  void shouldNeverShowASecretsValueWhenRedacted() {
    final Map<String, String> shown =
        ConfigLayers.redacted(
            Map.of(
                "kafka.sasl.jaas.config", "org.apache...PlainLoginModule password=\"hunter2\";",
                "schema.registry.basic-auth.user-info", "me:hunter2",
                "topic.prefix", "p."));

    assertFalse(shown.toString().contains("hunter2"), shown.toString());
    assertEquals("p.", shown.get("topic.prefix"));
  }
}
