package io.loyaltysync.serde;

import io.loyaltysync.config.SyncConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the schema registry client, and the serdes over it, that the configuration names. */
public final class SchemaRegistries {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistries.class);

  private SchemaRegistries() {}

  /**
   * The shared in-memory registry of a {@code mock://<name>} URL, or an HTTP client of the registry
   * at the configured URL with its credentials, TLS stores and timeout.
   *
   * @throws io.loyaltysync.config.ConfigException when a TLS store cannot be read
   */
  public static SchemaRegistryClient forConfig(final SyncConfig config) {
    final String url = config.schemaRegistryUrl();
    if (InMemorySchemaRegistry.isMockUrl(url)) {
      return InMemorySchemaRegistry.forUrl(url);
    }
    final RegistryConnection plain =
        RegistryConnection.to(url, config.schemaRegistryRequestTimeout());
    final RegistryConnection authenticated =
        config.schemaRegistryUserInfo().map(plain::withBasicAuth).orElse(plain);
    if (authenticated != plain && url.regionMatches(true, 0, "http://", 0, 7)) {
      LOG.warn("Schema registry credentials go to {} in clear text: use https", url);
    }
    final RegistryConnection connection =
        RegistryTls.context(config.schemaRegistryTrustStore(), config.schemaRegistryKeyStore())
            .map(authenticated::withTls)
            .orElse(authenticated);
    return new HttpSchemaRegistryClient(connection);
  }

  /** The serdes of the job's topics over the configured registry, registering or looking up. */
  public static RegistrySerdes serdesFor(final SyncConfig config) {
    return new RegistrySerdes(
        forConfig(config),
        config.autoRegisterSchemas() ? Registration.AUTO_REGISTER : Registration.LOOK_UP_ONLY);
  }
}
