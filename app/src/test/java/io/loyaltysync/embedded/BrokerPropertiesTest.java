package io.loyaltysync.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import kafka.server.KafkaConfig;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

  private final Properties props =
      BrokerProperties.of(9092, 9093, Path.of("/tmp/kafka-data"), Map.of());

  @Test
  void shouldUseOnlySettingNamesTheBrokerKnows() {
    // The names are literals; a misspelt one would be ignored by the broker without a word.
    final Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
    unknown.removeAll(AbstractKafkaConfig.CONFIG_DEF.names());

    assertEquals(Set.of(), unknown);
  }

  @Test
  void shouldBeAValidCombinedBrokerAndControllerConfig() {
    final KafkaConfig config = new KafkaConfig(props, false);

    assertEquals(1, config.nodeId());
  }

  @Test
  void shouldBindTheLoopbackInterfaceOnly() {
    assertEquals(
        "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093", props.getProperty("listeners"));
    assertEquals("PLAINTEXT://127.0.0.1:9092", props.getProperty("advertised.listeners"));
    assertEquals("1@127.0.0.1:9093", props.getProperty("controller.quorum.voters"));
  }

  @Test
  void shouldReplicateEveryInternalTopicOnceSoExactlyOnceWorksOnOneNode() {
    for (final String name : props.stringPropertyNames()) {
      if (name.endsWith("replication.factor") || name.endsWith("min.isr")) {
        assertEquals("1", props.getProperty(name), name);
      }
    }
    assertEquals("1", props.getProperty("transaction.state.log.min.isr"));
  }

  @Test
  void shouldKeepTheLogCleanerLight() {
    final long buffer = Long.parseLong(props.getProperty("log.cleaner.dedupe.buffer.size"));

    assertTrue(buffer <= 8L * 1024 * 1024, "dedupe buffer " + buffer);
  }

  @Test
  void shouldLetAnOverrideWin() {
    final Properties overridden =
        BrokerProperties.of(9092, 9093, Path.of("/tmp/kafka-data"), Map.of("num.io.threads", "4"));

    assertEquals("4", overridden.getProperty("num.io.threads"));
  }
}
