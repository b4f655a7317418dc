package io.loyaltysync.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Clients of an embedded broker for the integration tests, and a reader that waits for records up
 * to a deadline instead of sleeping a fixed time.
 */
public final class KafkaClients {

  /** Generous: the build machine is shared, and a passing test returns as soon as it can. */
  public static final Duration DEADLINE = Duration.ofSeconds(60);

  private KafkaClients() {}

  public static Admin admin(final EmbeddedKafka kafka) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  public static <K, V> KafkaProducer<K, V> producer(
      final EmbeddedKafka kafka, final Serializer<K> keys, final Serializer<V> values) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        keys,
        values);
  }

  /** A consumer of committed records only, from the start of each topic, in a group of its own. */
  public static <K, V> KafkaConsumer<K, V> committedReader(
      final EmbeddedKafka kafka, final Deserializer<K> keys, final Deserializer<V> values) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        keys,
        values);
  }

  /**
   * Polls {@code consumer} until the records read so far satisfy {@code done}, or fails at the
   * deadline with what it has read; returns everything read.
   */
  public static <K, V> List<ConsumerRecord<K, V>> pollUntil(
      final KafkaConsumer<K, V> consumer,
      final Predicate<List<ConsumerRecord<K, V>>> done,
      final String what) {
    final List<ConsumerRecord<K, V>> read = new ArrayList<>();
    final Instant deadline = Instant.now().plus(DEADLINE);
    while (!done.test(read)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no " + what + " within " + DEADLINE.toSeconds() + " s; read " + describe(read));
      }
      consumer.poll(Duration.ofMillis(200)).forEach(read::add);
    }
    return read;
  }

  /** Polls until at least {@code count} records have been read. */
  public static <K, V> List<ConsumerRecord<K, V>> pollAtLeast(
      final KafkaConsumer<K, V> consumer, final int count, final String what) {
    return pollUntil(consumer, records -> records.size() >= count, count + " " + what);
  }

  private static <K, V> String describe(final List<ConsumerRecord<K, V>> records) {
    final List<String> lines = new ArrayList<>();
    for (final ConsumerRecord<K, V> record : records) {
      lines.add(
          record.topic() + "/" + record.partition() + "@" + record.offset() + " " + record.key());
    }
    return records.size() + " records " + lines;
  }
}
