package io.loyaltysync.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.Registration;
import io.loyaltysync.serde.RegistrySerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins {@code topology.describe()}: a change to processors, stores or topics changes the state and
 * internal topics a running deployment has, so it must be deliberate. To accept a change, run with
 * {@code -Dtopology.golden.update=true} and review the diff of expected-topology.txt.
 */
class TopologyDescriptionTest {

  private static final Path GOLDEN = Path.of("src/test/resources/expected-topology.txt");

  @Test
  void shouldDescribeTheTopologyAsTheGoldenFileDoes() throws IOException {
    final String described =
        new SyncTopology(
                SyncConfig.defaults(),
                new RegistrySerdes(new InMemorySchemaRegistry(), Registration.AUTO_REGISTER))
            .build()
            .describe()
            .toString();
    if (Boolean.getBoolean("topology.golden.update")) {
      Files.writeString(GOLDEN, described, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), described);
  }
}
