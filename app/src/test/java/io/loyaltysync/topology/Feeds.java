package io.loyaltysync.topology;

import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The ERP and CRM change feeds as one producer: every input of the test goes through {@link #send},
 * from any thread, and is logged in the order it was sent. Per partition that is the order the
 * broker keeps (an idempotent producer does not reorder), so the log replays the run.
 */
final class Feeds implements AutoCloseable {

  private final Topics topics;
  private final KafkaProducer<byte[], byte[]> producer;
  private final List<Input> sent = new ArrayList<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  Feeds(final EmbeddedKafka kafka, final Topics topics) {
    this.topics = topics;
    this.producer =
        KafkaClients.producer(kafka, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Serialises with the topic's own serde (registering its schema) and sends, asynchronously. */
  synchronized void send(final Input input) {
    final Topics.Topic<?> topic = input.topic(topics);
    final byte[] value = input.raw() != null ? input.raw() : serialize(topic, input);
    producer.send(
        new ProducerRecord<>(topic.name(), input.key().getBytes(StandardCharsets.UTF_8), value),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
    sent.add(input);
  }

  /** How many inputs were sent so far. */
  synchronized int count() {
    return sent.size();
  }

  /** Every input sent, in order. */
  synchronized List<Input> sent() {
    return new ArrayList<>(sent);
  }

  /** Waits until every input sent is on the broker; fails if one could not be sent. */
  void flush() {
    producer.flush();
    if (failure.get() != null) {
      throw new AssertionError("an input could not be sent", failure.get());
    }
  }

  @Override
  public void close() {
    producer.close();
  }

  @SuppressWarnings("unchecked")
  private static byte[] serialize(final Topics.Topic<?> topic, final Input input) {
    final Serializer<Object> serializer = (Serializer<Object>) topic.valueSerde().serializer();
    return serializer.serialize(topic.name(), input.value());
  }
}
