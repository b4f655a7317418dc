package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.config.ConfigException;
import io.loyaltysync.config.SyncConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client over TLS, built from the configuration as the job builds it: a trust store for the
 * registry's certificate, a key store for mutual TLS. The certificates are made by the JDK's
 * keytool for each run, so none is committed and none expires.
 */
class HttpSchemaRegistryClientTlsTest {

  private static final String SERVER_PASSWORD = "server-store-pw";
  private static final String TRUST_PASSWORD = "trust-store-$ecret";
  private static final String CLIENT_PASSWORD = "key-store-$ecret";
  private static final String SCHEMA_JSON = "{\"schema\":\"\\\"string\\\"\"}";

  @TempDir static Path stores;

  @BeforeAll
  static void makeCertificates() throws IOException, InterruptedException {
    keyPair("registry", "CN=127.0.0.1", "server.p12", SERVER_PASSWORD, "SAN=ip:127.0.0.1");
    exportAndTrust("registry", "server.p12", SERVER_PASSWORD, "trust.p12", TRUST_PASSWORD);
    keyPair("loyalty-sync", "CN=loyalty-sync", "client.p12", CLIENT_PASSWORD, null);
    exportAndTrust(
        "loyalty-sync", "client.p12", CLIENT_PASSWORD, "server-trust.p12", SERVER_PASSWORD);
  }

  @Test
  void shouldTrustARegistryWhoseCertificateIsInTheTrustStore() throws Exception {
    try (FakeRegistry registry = FakeRegistry.startTls(serverContext(false), false)) {
      // Given
      registry.answer("GET", "/schemas/ids/1", 200, SCHEMA_JSON);
      final SchemaRegistryClient client = SchemaRegistries.forConfig(config(registry, false));

      // When
      final Schema schema = client.schemaById(1);

      // Then
      assertEquals(Schema.Type.STRING, schema.getType());
      assertFalse(client.toString().contains(TRUST_PASSWORD), client.toString());
    }
  }

  @Test
  void shouldPresentTheClientCertificateToARegistryThatWantsOne() throws Exception {
    try (FakeRegistry registry = FakeRegistry.startTls(serverContext(true), true)) {
      registry.answer("GET", "/schemas/ids/1", 200, SCHEMA_JSON);

      final SchemaRegistryClient client = SchemaRegistries.forConfig(config(registry, true));

      assertEquals(Schema.Type.STRING, client.schemaById(1).getType());
    }
  }

  @Test
  void shouldReportAnUntrustedCertificateAsAConfigurationError() throws Exception {
    try (FakeRegistry registry = FakeRegistry.startTls(serverContext(false), false)) {
      // Given: the JVM's CAs only, which never signed the registry's certificate
      final HttpSchemaRegistryClient client =
          new HttpSchemaRegistryClient(
              RegistryConnection.to(registry.url(), Duration.ofSeconds(30)));

      // When
      final SchemaRegistryException refused =
          assertThrows(SchemaRegistryException.class, () -> client.schemaById(1));

      // Then: not an outage that a restart would fix
      assertEquals(SchemaRegistryException.class, refused.getClass());
      assertTrue(
          refused.getMessage().startsWith("TLS with the schema registry"), refused.getMessage());
    }
  }

  @Test
  void shouldReportAWrongStorePasswordNamingTheOptionButNotThePassword() {
    final Map<String, String> options = new HashMap<>();
    options.put("schema.registry.url", "https://127.0.0.1:1");
    options.put("schema.registry.tls.trust-store.path", stores.resolve("trust.p12").toString());
    options.put("schema.registry.tls.trust-store.password", "wr0ng-$ecret");

    final ConfigException refused =
        assertThrows(
            ConfigException.class, () -> SchemaRegistries.forConfig(SyncConfig.from(options)));

    assertTrue(
        refused.getMessage().startsWith("schema.registry.tls.trust-store.path: cannot read"),
        refused.getMessage());
    assertFalse(refused.getMessage().contains("wr0ng-$ecret"), refused.getMessage());
  }

  @Test
  void shouldReportAMissingStoreNamingTheOption() {
    final Map<String, String> options = new HashMap<>();
    options.put("schema.registry.url", "https://127.0.0.1:1");
    options.put("schema.registry.tls.key-store.path", stores.resolve("absent.p12").toString());
    options.put("schema.registry.tls.key-store.password", CLIENT_PASSWORD);

    final ConfigException refused =
        assertThrows(
            ConfigException.class, () -> SchemaRegistries.forConfig(SyncConfig.from(options)));

    assertTrue(refused.getMessage().contains("absent.p12"), refused.getMessage());
    assertFalse(refused.getMessage().contains(CLIENT_PASSWORD), refused.getMessage());
  }

  private static SyncConfig config(final FakeRegistry registry, final boolean withKey) {
    final Map<String, String> options = new HashMap<>();
    options.put("schema.registry.url", registry.url());
    options.put("schema.registry.tls.trust-store.path", stores.resolve("trust.p12").toString());
    options.put("schema.registry.tls.trust-store.password", TRUST_PASSWORD);
    if (withKey) {
      options.put("schema.registry.tls.key-store.path", stores.resolve("client.p12").toString());
      options.put("schema.registry.tls.key-store.password", CLIENT_PASSWORD);
    }
    return SyncConfig.from(options);
  }

  private static SSLContext serverContext(final boolean trustClient)
      throws IOException, GeneralSecurityException {
    final KeyManagerFactory keys =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load("server.p12", SERVER_PASSWORD), SERVER_PASSWORD.toCharArray());
    final TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustClient ? load("server-trust.p12", SERVER_PASSWORD) : null);
    final SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private static KeyStore load(final String file, final String password)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(stores.resolve(file))) {
      final KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return store;
    }
  }

  private static void keyPair(
      final String alias,
      final String name,
      final String file,
      final String password,
      final String extension)
      throws IOException, InterruptedException {
    final List<String> args =
        new ArrayList<>(
            List.of(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                name,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                stores.resolve(file).toString(),
                "-storepass",
                password));
    if (extension != null) {
      args.addAll(List.of("-ext", extension));
    }
    keytool(args);
  }

  private static void exportAndTrust(
      final String alias,
      final String from,
      final String fromPassword,
      final String to,
      final String toPassword)
      throws IOException, InterruptedException {
    final String certificate = stores.resolve(alias + ".crt").toString();
    keytool(
        List.of(
            "-exportcert",
            "-alias",
            alias,
            "-keystore",
            stores.resolve(from).toString(),
            "-storepass",
            fromPassword,
            "-file",
            certificate));
    keytool(
        List.of(
            "-importcert",
            "-noprompt",
            "-alias",
            alias,
            "-file",
            certificate,
            "-storetype",
            "PKCS12",
            "-keystore",
            stores.resolve(to).toString(),
            "-storepass",
            toPassword));
  }

  private static void keytool(final List<String> args) throws IOException, InterruptedException {
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    final String output =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
    }
  }
}
