package io.loyaltysync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topology's output as its writers would (read_committed, no consumer group: every
 * partition assigned), counting records and the broker append times of the first and the last. With
 * decoders it also reads each outbound record's source timestamp and records the end-to-end
 * latency, append time minus source timestamp, of those caused by events of the measured window.
 *
 * <p>The output topics must use LogAppendTime: Kafka Streams gives an output record its input's
 * timestamp, which is the source timestamp, so CreateTime would measure nothing.
 */
final class OutputWatcher implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, Deserializer<GenericRecord>> decoders;
  private final String sourceTimestampField;
  private final List<TopicPartition> partitions = new ArrayList<>();
  private final AtomicLong count = new AtomicLong();
  private final Latencies latencies = new Latencies();
  private volatile long firstAppend = Long.MAX_VALUE;
  private volatile long lastAppend = Long.MIN_VALUE;
  private volatile long lastSeenNanos;
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MIN_VALUE;

  /**
   * @param clientProps the cluster and client settings
   * @param topics what to read
   * @param fromEnd start at the current end (only what comes next) rather than the beginning
   * @param decoders per topic, the decoder of its records for latency; empty for counting only
   * @param sourceTimestampField the field of a decoded record holding its cause's source timestamp
   */
  OutputWatcher(
      final Map<String, Object> clientProps,
      final Collection<String> topics,
      final boolean fromEnd,
      final Map<String, Deserializer<GenericRecord>> decoders,
      final String sourceTimestampField) {
    final Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-watcher-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.decoders = Map.copyOf(decoders);
    this.sourceTimestampField = sourceTimestampField;
    for (final String topic : topics) {
      for (final PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, partition.partition()));
      }
    }
    consumer.assign(partitions);
    if (fromEnd) {
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve now, not at the first poll
    } else {
      consumer.seekToBeginning(partitions);
    }
    lastSeenNanos = System.nanoTime();
  }

  /** Latencies count only for outputs whose source timestamp lies in [from, to). */
  void window(final long fromMillis, final long toMillis) {
    windowStart = fromMillis;
    windowEnd = toMillis;
  }

  /** Polls once; returns the records read. */
  int poll(final Duration timeout) {
    int read = 0;
    for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
      if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
        throw new IllegalStateException(
            record.topic()
                + " does not stamp records with the broker's append time"
                + " (message.timestamp.type=LogAppendTime), so latency cannot be measured");
      }
      final long append = record.timestamp();
      if (append < firstAppend) {
        firstAppend = append;
      }
      if (append > lastAppend) {
        lastAppend = append;
      }
      if (!decoders.isEmpty() && record.value() != null) {
        latency(record, append);
      }
      read++;
    }
    if (read > 0) {
      count.addAndGet(read);
      lastSeenNanos = System.nanoTime();
    }
    return read;
  }

  private void latency(final ConsumerRecord<byte[], byte[]> record, final long append) {
    final GenericRecord value =
        decoders.get(record.topic()).deserialize(record.topic(), record.value());
    final Object source = value.get(sourceTimestampField);
    final long sourceMillis =
        source instanceof Instant instant ? instant.toEpochMilli() : ((Number) source).longValue();
    if (sourceMillis >= windowStart && sourceMillis < windowEnd) {
      synchronized (latencies) {
        latencies.record(append - sourceMillis);
      }
    }
  }

  /** Whether this consumer has read up to the last stable offset of every partition. */
  boolean atEnd() {
    final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    for (final TopicPartition partition : partitions) {
      if (consumer.position(partition) < ends.get(partition)) {
        return false;
      }
    }
    return true;
  }

  long count() {
    return count.get();
  }

  long firstAppendMillis() {
    return firstAppend;
  }

  long lastAppendMillis() {
    return lastAppend;
  }

  /** Nanos (System.nanoTime) when a record was last read, or when the watcher started. */
  long lastSeenNanos() {
    return lastSeenNanos;
  }

  /** The latencies recorded so far, summarised. */
  Latencies.Summary latencies() {
    synchronized (latencies) {
      return latencies.summary();
    }
  }

  /** Forgets the latencies recorded so far. */
  void resetLatencies() {
    synchronized (latencies) {
      latencies.clear();
    }
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
