package io.loyaltysync.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded broker refuses before it starts anything. */
class EmbeddedKafkaTest {

  @Test
  void shouldRefuseAnInvalidBrokerSettingWithAOneLineMessage(@TempDir final Path parent) {
    final Path directory = parent.resolve("kafka");

    final EmbeddedKafkaException e =
        assertThrows(
            EmbeddedKafkaException.class,
            () ->
                EmbeddedKafka.builder()
                    .dataDirectory(directory)
                    .brokerProperty("num.io.threads", "none")
                    .start()
                    .close());

    assertTrue(
        e.getMessage()
            .startsWith("cannot start the embedded Kafka broker: invalid broker setting: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("num.io.threads"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(Files.exists(directory.resolve("meta.properties")), "nothing was formatted");
  }

  @Test
  void shouldRefuseADataDirectoryThatIsAFile(@TempDir final Path parent) throws Exception {
    final Path file = Files.createFile(parent.resolve("not-a-directory"));

    final EmbeddedKafkaException e =
        assertThrows(
            EmbeddedKafkaException.class,
            () -> EmbeddedKafka.builder().dataDirectory(file).start().close());

    assertTrue(e.getMessage().endsWith(file + " is not a directory"), e.getMessage());
  }

  @Test
  void shouldRefuseANumberThatIsNoPort() {
    assertThrows(IllegalArgumentException.class, () -> EmbeddedKafka.builder().port(65_536));
  }
}
