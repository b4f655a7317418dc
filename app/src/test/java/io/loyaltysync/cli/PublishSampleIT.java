package io.loyaltysync.cli;

import static io.loyaltysync.cli.Commands.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.SchemaRegistries;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code publish-sample}, the compose file's sample-data step, against a broker it did not start:
 * the demo's events land on the change topics as the feeds would write them.
 */
class PublishSampleIT {

  private static final String REGISTRY_SCOPE = "publish-sample-it";

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    Main.trustOurAvroPackage();
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    InMemorySchemaRegistry.dropScope(REGISTRY_SCOPE);
    kafka.close();
  }

  @Test
  void shouldPublishEverySampleEventToItsChangeTopicInTheDemosOrder() {
    // Given the job's topics on the cluster
    final String[] options = {
      "--set",
      "topic.prefix=sample.",
      "--set",
      "bootstrap.servers=" + kafka.bootstrapServers(),
      "--set",
      "schema.registry.url=" + InMemorySchemaRegistry.MOCK_URL_PREFIX + REGISTRY_SCOPE
    };
    assertEquals(0, run(concat("topics", options)).exitCode());

    // When the sample is published
    final Commands.Result publish = run(concat("publish-sample", options));

    // Then every event of the demo's sample is on its topic, in order, bytes as the demo sends them
    assertEquals(0, publish.exitCode(), publish.toString());
    final Topics topics =
        new SyncTopology(config(options), SchemaRegistries.serdesFor(config(options))).topics();
    final List<DemoEvents.Event> sample = DemoEvents.load(topics);
    assertTrue(sample.stream().anyMatch(event -> event.raw() != null), "the sample has a raw one");
    final Map<String, List<String>> expected = new LinkedHashMap<>();
    for (final DemoEvents.Event event : sample) {
      expected
          .computeIfAbsent(event.topic().name(), topic -> new ArrayList<>())
          .add(event.key() + "=" + hex(event.toProducerRecord().value()));
    }
    final List<ConsumerRecord<String, byte[]>> read;
    try (KafkaConsumer<String, byte[]> consumer =
        KafkaClients.committedReader(
            kafka, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(expected.keySet());
      read = KafkaClients.pollAtLeast(consumer, sample.size(), "sample events");
    }
    final Map<String, List<String>> published = new LinkedHashMap<>();
    for (final ConsumerRecord<String, byte[]> record : read) {
      published
          .computeIfAbsent(record.topic(), topic -> new ArrayList<>())
          .add(record.key() + "=" + hex(record.value()));
    }
    assertEquals(expected, published);
    assertTrue(
        publish.out().contains("Published " + sample.size() + " sample change events"),
        publish.out());
  }

  @Test
  void shouldRefuseToPublishWhenTheChangeTopicsAreMissing() {
    final Commands.Result publish =
        run(
            "publish-sample",
            "--set",
            "topic.prefix=absent.",
            "--set",
            "bootstrap.servers=" + kafka.bootstrapServers());

    assertEquals(Main.BAD_CONFIGURATION, publish.exitCode(), publish.toString());
    assertTrue(publish.err().contains("absent.erp.loyalty-card.changes"), publish.err());
    assertTrue(publish.err().contains("create them with `topics` first"), publish.err());
    assertFalse(publish.out().contains("Published"), publish.out());
  }

  @Test
  void shouldRefuseToPublishWithoutACluster() {
    final Commands.Result publish = run("publish-sample");

    assertEquals(Main.BAD_CONFIGURATION, publish.exitCode(), publish.toString());
    assertEquals(
        "publish-sample: no cluster configured: set bootstrap.servers", publish.err().strip());
  }

  private static SyncConfig config(final String... options) {
    final Map<String, String> values = new LinkedHashMap<>();
    for (int i = 1; i < options.length; i += 2) {
      final String[] pair = options[i].split("=", 2);
      values.put(pair[0], pair[1]);
    }
    return SyncConfig.from(values);
  }

  private static String hex(final byte[] bytes) {
    final StringBuilder text = new StringBuilder();
    for (final byte b : bytes) {
      text.append(String.format("%02x", b));
    }
    return text.toString();
  }

  private static String[] concat(final String command, final String... options) {
    final String[] args = new String[options.length + 1];
    args[0] = command;
    System.arraycopy(options, 0, args, 1, options.length);
    return args;
  }
}
