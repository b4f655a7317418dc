package io.loyaltysync.admin;

import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.Registration;
import io.loyaltysync.serde.RegistrySerdes;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.util.Map;

/** The job's topics under a prefix of the test's own, so tests on one broker never collide. */
final class TestTopics {

  private TestTopics() {}

  static Topics withPrefix(final String prefix) {
    final SyncConfig config =
        SyncConfig.from(
            Map.of("topic.prefix", prefix, "schema.registry.url", "mock://topic-admin-tests"));
    return new SyncTopology(
            config,
            new RegistrySerdes(
                InMemorySchemaRegistry.forUrl(config.schemaRegistryUrl()),
                Registration.AUTO_REGISTER))
        .topics();
  }
}
