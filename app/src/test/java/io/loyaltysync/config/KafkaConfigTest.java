package io.loyaltysync.config;

import static io.loyaltysync.config.ConfigRefusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * SyncConfig's Kafka connection and Kafka Streams settings: bootstrap.servers as a host:port list
 * (and what is refused as one), exactly-once with explicit naming by default, kafka.* options
 * passed through, and the kafka.* options refused for overriding a setting the job's own options
 * make.
 */
class KafkaConfigTest {

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
      assertRefused(
          Map.of("bootstrap.servers", "good:1," + servers),
          "bootstrap.servers: '"
              + servers
              + "' is not host:port (a host name, an IPv4 address or an [IPv6] one)");
    }

    final Map<String, String> problems =
        Map.of(
            "a:0", "bootstrap.servers: 'a:0' has port 0, not 1-65535",
            "b:1,c:65536", "bootstrap.servers: 'c:65536' has port 65536, not 1-65535",
            "a:1,,c:2", "bootstrap.servers: 'a:1,,c:2' has an empty entry",
            "a:1,", "bootstrap.servers: 'a:1,' has an empty entry");
    problems.forEach(
        (servers, problem) -> assertRefused(Map.of("bootstrap.servers", servers), problem));
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
    final String message =
        assertRefused(
            Map.of(
                "kafka.processing.guarantee", "at_least_once",
                "kafka.application.id", "other",
                "kafka.bootstrap.servers", "broker:9092",
                "kafka.consumer.bootstrap.servers", "broker:9092",
                "kafka.num.stream.threads", "4",
                "kafka.state.dir", "/tmp/state",
                "kafka.ensure.explicit.internal.resource.naming", "false",
                "kafka.security.protocol", "SASL_SSL"),
            "kafka.processing.guarantee: set processing.guarantee instead",
            "kafka.application.id: set application.id instead",
            "kafka.bootstrap.servers: set bootstrap.servers instead",
            "kafka.consumer.bootstrap.servers: set bootstrap.servers instead",
            "kafka.num.stream.threads: set num.stream.threads instead",
            "kafka.state.dir: set state.dir instead",
            "kafka.ensure.explicit.internal.resource.naming: the job always names its internal"
                + " topics and stores explicitly (true)");
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
        assertRefused(
            Map.of(SyncConfig.KAFKA_PREFIX + setting, "x"),
            SyncConfig.KAFKA_PREFIX + setting + ": set ");
      }
    }
  }
}
