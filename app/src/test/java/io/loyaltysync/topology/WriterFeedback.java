package io.loyaltysync.topology;

import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The two systems' answers to the job's writes, as a read_committed writer sees them: for an echoed
 * key the other side's change feed reports each write back (marked with the writer's origin), and
 * for a conflict key a Dataverse user edits the row the first write created. Each answer is sent
 * only after the write it answers was committed, as in the real systems.
 */
final class WriterFeedback implements AutoCloseable {

  private final Topics topics;
  private final ChangeStream stream;
  private final Feeds feeds;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Side> sideByTopic = new HashMap<>();
  private final Map<String, Template> templateByTopic = new HashMap<>();
  private final Set<ChangeStream.Key> edited = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile Map<TopicPartition, Long> positions = Map.of();
  private volatile boolean stopping;

  WriterFeedback(
      final EmbeddedKafka kafka,
      final Topics topics,
      final ChangeStream stream,
      final Feeds feeds,
      final int partitions) {
    this.topics = topics;
    this.stream = stream;
    this.feeds = feeds;
    this.consumer =
        KafkaClients.committedReader(kafka, new StringDeserializer(), new ByteArrayDeserializer());
    final List<TopicPartition> assigned = new ArrayList<>();
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        final String name = topics.records(template, side).name();
        sideByTopic.put(name, side);
        templateByTopic.put(name, template);
        for (int p = 0; p < partitions; p++) {
          assigned.add(new TopicPartition(name, p));
        }
      }
    }
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    thread = new Thread(this::run, "writer-feedback");
    thread.setDaemon(true);
  }

  WriterFeedback start() {
    thread.start();
    return this;
  }

  /** Whether every answer to the writes before {@code ends} has been sent. */
  boolean answeredUpTo(final Map<TopicPartition, Long> ends) {
    checkHealthy();
    final Map<TopicPartition, Long> read = positions;
    for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (sideByTopic.containsKey(end.getKey().topic())
          && read.getOrDefault(end.getKey(), 0L) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  void checkHealthy() {
    if (failure.get() != null) {
      throw new AssertionError("the writer feedback failed", failure.get());
    }
  }

  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try (consumer) {
      while (!stopping) {
        for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          answer(record);
        }
        // Published after the answers were sent: a caller that sees these positions sees them.
        final Map<TopicPartition, Long> now = new HashMap<>();
        for (final TopicPartition partition : consumer.assignment()) {
          now.put(partition, consumer.position(partition));
        }
        positions = now;
      }
    } catch (final WakeupException e) {
      // closing
    } catch (final RuntimeException | Error e) {
      failure.set(e);
    }
  }

  private void answer(final ConsumerRecord<String, byte[]> record) {
    final Template template = templateByTopic.get(record.topic());
    final Side to = sideByTopic.get(record.topic());
    final ChangeStream.Key key = stream.key(template, record.key()).orElse(null);
    if (key == null) {
      return;
    }
    final GenericRecord written =
        topics
            .records(template, to)
            .valueSerde()
            .deserializer()
            .deserialize(record.topic(), record.value());
    switch (key.role()) {
      case ERP_ECHOED, CRM_ECHOED -> {
        if (to != key.role().source()) {
          feeds.send(stream.echo(key, to, written));
        }
      }
      case CONFLICT -> {
        if (to == Side.CRM && written != null && edited.add(key)) {
          feeds.send(stream.concurrentEdit(key, written));
        }
      }
      default -> {
        // no answer
      }
    }
  }
}
