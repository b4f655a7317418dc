package io.loyaltysync.bench;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.avro.reference.TransactionCurrency;
import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import io.loyaltysync.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes the benchmark's change events to the job's change topics with the same wire-format
 * serializers the job reads them with, through one idempotent producer (acks=all). For bulk loads
 * it batches hard (linger {@value #BULK_LINGER_MS} ms, 256 KiB batches); for paced loads it sends
 * at once (linger {@value #PACED_LINGER_MS} ms), since linger would count as latency. No
 * compression: on two cores shared with the broker and the job, CPU is what is short, not loopback
 * bandwidth. {@code kafka.*} options override these settings.
 */
final class EventPublisher implements AutoCloseable {

  static final int BULK_LINGER_MS = 20;
  static final int PACED_LINGER_MS = 1;

  private final KafkaProducer<byte[], byte[]> producer;
  private final Topics topics;
  private final Map<String, Serializer<SpecificRecord>> serializers = new HashMap<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private long sent;
  private long bytes;

  /**
   * @param clientProps the cluster and the user's client settings, which win over these
   * @param topics the job's topics and serdes (a set of its own: serializers are not shared with
   *     the topologies running in this process)
   * @param paced whether events go out one by one at a set rate rather than in bulk
   */
  EventPublisher(final Map<String, Object> clientProps, final Topics topics, final boolean paced) {
    final Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    props.put(ProducerConfig.LINGER_MS_CONFIG, paced ? PACED_LINGER_MS : BULK_LINGER_MS);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, paced ? "bench-paced-producer" : "bench-loader");
    props.putAll(clientProps);
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.topics = topics;
  }

  /** Sends one event; a failure is reported by {@link #flush()}. */
  void send(final GeneratedEvent event) {
    final Topics.Topic<SpecificRecord> topic = topics.changes(event.template(), event.side());
    final byte[] value = serializer(topic).serialize(topic.name(), event.value());
    final byte[] key = event.key().getBytes(StandardCharsets.UTF_8);
    send(new ProducerRecord<>(topic.name(), null, event.timestampMillis(), key, value));
  }

  /** The currency rows the reward points refer to, so that none is parked for its lookup. */
  void sendCurrencies(final long nowMillis) {
    final Topics.Topic<TransactionCurrencyChange> topic = topics.currencies();
    final Serializer<TransactionCurrencyChange> serializer = topic.valueSerde().serializer();
    for (final String code : SampleRecords.currencies()) {
      final TransactionCurrencyChange change =
          new TransactionCurrencyChange(
              Operation.CREATE,
              null,
              new TransactionCurrency(code, code, null, 2),
              new SourceMetadata(
                  SourceSystem.CRM,
                  null,
                  Instant.ofEpochMilli(nowMillis),
                  null,
                  null,
                  "admin",
                  null));
      send(
          new ProducerRecord<>(
              topic.name(),
              null,
              nowMillis,
              code.getBytes(StandardCharsets.UTF_8),
              serializer.serialize(topic.name(), change)));
    }
  }

  private void send(final ProducerRecord<byte[], byte[]> record) {
    final Exception failed = failure.get();
    if (failed != null) {
      throw new IllegalStateException("publishing failed: " + failed.getMessage(), failed);
    }
    bytes += record.key().length + record.value().length;
    sent++;
    producer.send(
        record,
        (metadata, exception) -> {
          if (exception == null) {
            acknowledged.incrementAndGet();
          } else {
            failure.compareAndSet(null, exception);
          }
        });
  }

  /** Waits until every event sent is acknowledged; throws if one failed. */
  void flush() {
    producer.flush();
    final Exception failed = failure.get();
    if (failed != null) {
      throw new IllegalStateException("publishing failed: " + failed.getMessage(), failed);
    }
  }

  long sent() {
    return sent;
  }

  long acknowledged() {
    return acknowledged.get();
  }

  /** Key and value bytes sent. */
  long bytes() {
    return bytes;
  }

  private Serializer<SpecificRecord> serializer(final Topics.Topic<SpecificRecord> topic) {
    return serializers.computeIfAbsent(topic.name(), name -> topic.valueSerde().serializer());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
