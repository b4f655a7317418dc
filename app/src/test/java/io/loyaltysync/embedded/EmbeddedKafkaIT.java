package io.loyaltysync.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker: a real cluster on the loopback interface that refuses to share. */
class EmbeddedKafkaIT {

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void shouldListenOnTheLoopbackInterfaceOnly() {
    assertEquals("127.0.0.1:" + kafka.port(), kafka.bootstrapServers());
    assertTrue(kafka.isTemporary());
  }

  @Test
  void shouldProduceAndConsumeARecord() throws Exception {
    createTopic(kafka, "it.round-trip");

    send(kafka, "it.round-trip", "k", "hello");

    assertEquals(List.of("k=hello"), readAll(kafka, "it.round-trip", 1));
  }

  @Test
  void shouldRefuseASecondBrokerOnTheSamePortWithAOneLineMessage() {
    final EmbeddedKafkaException e =
        assertThrows(
            EmbeddedKafkaException.class,
            () -> EmbeddedKafka.builder().port(kafka.port()).start().close());

    assertEquals(
        "cannot start the embedded Kafka broker: port "
            + kafka.port()
            + " on 127.0.0.1 is already in use",
        e.getMessage());
  }

  @Test
  void shouldRefuseASecondBrokerOnTheSameDataDirectoryWithAOneLineMessage() {
    final EmbeddedKafkaException e =
        assertThrows(
            EmbeddedKafkaException.class,
            () -> EmbeddedKafka.builder().dataDirectory(kafka.dataDirectory()).start().close());

    assertEquals(
        "cannot start the embedded Kafka broker: data directory "
            + kafka.dataDirectory()
            + " is in use by another Kafka broker",
        e.getMessage());
    assertTrue(Files.isDirectory(kafka.dataDirectory()), "the running broker keeps its directory");
  }

  @Test
  void shouldKeepAGivenDirectoryAndItsRecordsAcrossARestart(@TempDir final Path parent)
      throws Exception {
    final Path directory = parent.resolve("kafka-data");
    try (EmbeddedKafka first = EmbeddedKafka.builder().dataDirectory(directory).start()) {
      assertFalse(first.isTemporary());
      createTopic(first, "it.kept");
      send(first, "it.kept", "k", "before the restart");
    }
    assertTrue(Files.exists(directory.resolve("meta.properties")), "the directory is kept");

    try (EmbeddedKafka second = EmbeddedKafka.builder().dataDirectory(directory).start()) {
      assertEquals(List.of("k=before the restart"), readAll(second, "it.kept", 1));
    }
  }

  @Test
  void shouldDeleteATemporaryDirectoryOnClose() {
    final Path directory;
    try (EmbeddedKafka temporary = EmbeddedKafka.start()) {
      directory = temporary.dataDirectory();
      assertTrue(Files.isDirectory(directory));
    }

    assertFalse(Files.exists(directory));
  }

  private static void createTopic(final EmbeddedKafka broker, final String topic)
      throws ExecutionException, InterruptedException {
    try (Admin admin = KafkaClients.admin(broker)) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static void send(
      final EmbeddedKafka broker, final String topic, final String key, final String value)
      throws ExecutionException, InterruptedException {
    try (KafkaProducer<String, String> producer =
        KafkaClients.producer(broker, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private static List<String> readAll(final EmbeddedKafka broker, final String topic, final int n) {
    try (KafkaConsumer<String, String> consumer =
        KafkaClients.committedReader(broker, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      return KafkaClients.pollAtLeast(consumer, n, "records on " + topic).stream()
          .map((ConsumerRecord<String, String> r) -> r.key() + "=" + r.value())
          .toList();
    }
  }
}
