package io.loyaltysync.serde;

import io.loyaltysync.config.ConfigException;
import io.loyaltysync.config.KeyStoreFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context of the registry client from the configured trust and key stores. A store
 * that cannot be read stops the job at start-up with a message naming the option, never the
 * password.
 */
final class RegistryTls {

  private static final String TRUST_STORE = "schema.registry.tls.trust-store";
  private static final String KEY_STORE = "schema.registry.tls.key-store";

  private RegistryTls() {}

  /**
   * A context trusting the CAs of {@code trustStore} (the JVM's when empty) and presenting the key
   * of {@code keyStore} when the registry asks for a client certificate; empty when neither store
   * is configured, so that the HTTP client keeps the JVM's default.
   */
  static Optional<SSLContext> context(
      final Optional<KeyStoreFile> trustStore, final Optional<KeyStoreFile> keyStore) {
    if (trustStore.isEmpty() && keyStore.isEmpty()) {
      return Optional.empty();
    }
    try {
      final TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      // A null store makes the factory use the JVM's default CAs.
      trust.init(trustStore.map(store -> load(TRUST_STORE, store)).orElse(null));
      KeyManagerFactory keys = null;
      if (keyStore.isPresent()) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(KEY_STORE, keyStore.get()), password(keyStore.get()));
      }
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return Optional.of(context);
    } catch (final GeneralSecurityException e) {
      throw new ConfigException(
          "schema.registry.tls.*: cannot set up TLS with the configured stores: " + e.getMessage());
    }
  }

  private static KeyStore load(final String option, final KeyStoreFile file) {
    try (InputStream in = Files.newInputStream(file.path())) {
      final KeyStore store = KeyStore.getInstance(file.type());
      store.load(in, password(file));
      return store;
    } catch (final IOException | GeneralSecurityException e) {
      // The JDK's reasons ("keystore password was incorrect", a missing file) name no password.
      throw new ConfigException(
          option
              + ".path: cannot read "
              + file.type()
              + " store "
              + file.path()
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  private static char[] password(final KeyStoreFile file) {
    return file.password().map(String::toCharArray).orElse(null);
  }
}
