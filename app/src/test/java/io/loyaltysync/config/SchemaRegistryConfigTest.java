package io.loyaltysync.config;

import static io.loyaltysync.config.ConfigRefusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SyncConfig's schema registry connection: its URL, credentials, timeout and TLS stores, read or
 * refused; and its credentials, the options marked secret, never shown in an error message.
 */
class SchemaRegistryConfigTest {

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
    final String message =
        assertRefused(
            Map.of("schema.registry.basic-auth.user-info", "0nly-a-$ecret"),
            "schema.registry.basic-auth.user-info: invalid value (not shown)");

    assertFalse(message.contains("0nly-a-$ecret"), message);
  }

  @Test
  void shouldRefuseCredentialsInTheRegistryUrlWithoutShowingThem() {
    final String message =
        assertRefused(
            Map.of("schema.registry.url", "https://sync:pa55word@registry:8443"),
            "schema.registry.url: the URL must not carry");

    assertFalse(message.contains("pa55word"), message);
  }

  @Test
  void shouldRefuseARegistryUrlThatIsNeitherHttpNorMock() {
    assertRefused(
        Map.of("schema.registry.url", "registry:8081"),
        "schema.registry.url: 'registry:8081' is neither");
  }

  @Test
  void shouldRefuseTlsStoresThatCannotBeUsedAsConfigured() {
    assertRefused(
        Map.of(
            "schema.registry.url", "http://registry:8081",
            "schema.registry.tls.key-store.path", "/etc/sync/client.p12",
            "schema.registry.tls.trust-store.password", "x",
            "schema.registry.tls.trust-store.type", "PEMISH"),
        "schema.registry.url is not https",
        "schema.registry.tls.key-store.path needs schema.registry.tls.key-store.password",
        "schema.registry.tls.trust-store.password is set but"
            + " schema.registry.tls.trust-store.path is not",
        "schema.registry.tls.trust-store.type: 'PEMISH' is not a key store type");
  }
}
