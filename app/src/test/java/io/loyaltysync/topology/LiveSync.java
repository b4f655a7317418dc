package io.loyaltysync.topology;

import io.loyaltysync.admin.TopicAdmin;
import io.loyaltysync.admin.TopicReport;
import io.loyaltysync.config.StreamsSettings;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.embedded.KafkaClients;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.SchemaRegistries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * The real job on an embedded broker: the topology from {@link SyncTopology}, the settings from
 * {@link StreamsSettings} (exactly-once v2), its topics created by {@link TopicAdmin}, and a schema
 * registry shared with the test's producer and readers: an in-memory one by default, or the one at
 * a given URL, made by {@link SchemaRegistries} as the {@code run} command makes it. Each instance
 * has its own topic prefix, application id and in-memory registry scope, so instances on one broker
 * never meet.
 */
public final class LiveSync implements AutoCloseable {

  static final int PARTITIONS = 2;

  private final String registryUrl;
  private final Topics topics;
  private final KafkaStreams streams;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Path stateDir;
  private final EmbeddedKafka kafka;

  /** The job on an in-memory registry of its own. */
  public LiveSync(final EmbeddedKafka kafka, final String name) {
    this(kafka, name, InMemorySchemaRegistry.MOCK_URL_PREFIX + "live-sync-" + name);
  }

  /**
   * The job on the schema registry at {@code registryUrl}, auto-registering its schemas.
   *
   * @param name the topic prefix (with a dot) and the application id (with "it-")
   */
  public LiveSync(final EmbeddedKafka kafka, final String name, final String registryUrl) {
    this.kafka = kafka;
    this.registryUrl = registryUrl;
    try {
      stateDir = Files.createTempDirectory("live-sync-state-");
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    final SyncConfig config =
        SyncConfig.from(
            Map.of(
                "application.id",
                "it-" + name,
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "state.dir",
                stateDir.toString(),
                "topic.prefix",
                name + ".",
                "schema.registry.url",
                registryUrl,
                // Commit often: a record shows in read_committed only when its transaction ends.
                "kafka.commit.interval.ms",
                "100"));
    final SyncTopology sync = new SyncTopology(config, SchemaRegistries.serdesFor(config));
    topics = sync.topics();
    try (Admin admin = KafkaClients.admin(kafka)) {
      final TopicReport report =
          new TopicAdmin(admin, KafkaClients.DEADLINE).createMissing(topics, PARTITIONS, (short) 1);
      if (!report.ok()) {
        throw new IllegalStateException("topics not ready: " + report.problems());
      }
    }
    producer = KafkaClients.producer(kafka, new ByteArraySerializer(), new ByteArraySerializer());
    streams = new KafkaStreams(sync.build(), StreamsSettings.of(config));
  }

  public Topics topics() {
    return topics;
  }

  /** Starts the job and returns once it is RUNNING; fails with the job's error if it dies. */
  public LiveSync start() {
    final CountDownLatch running = new CountDownLatch(1);
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          failure.set(e);
          running.countDown();
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
    try {
      if (!running.await(KafkaClients.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("the job is not RUNNING but " + streams.state());
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while the job started", e);
    }
    if (failure.get() != null) {
      throw new AssertionError("the job failed to start", failure.get());
    }
    return this;
  }

  /** Sends one record through the topic's own serdes, as a change feed would. */
  public <V> void send(final Topics.Topic<V> topic, final String key, final V value) {
    sendRaw(
        topic,
        topic.keySerde().serializer().serialize(topic.name(), key),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }

  /** Sends bytes no serde would write. */
  public void sendRaw(final Topics.Topic<?> topic, final byte[] key, final byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while sending", e);
    } catch (final ExecutionException e) {
      throw new AssertionError("cannot send to " + topic.name(), e.getCause());
    }
  }

  public static byte[] utf8(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the committed records of {@code read} until they satisfy {@code done}, values still in
   * their wire format (decode with the topic's serde).
   */
  public List<ConsumerRecord<String, byte[]>> readCommitted(
      final List<Topics.Topic<?>> read,
      final Predicate<List<ConsumerRecord<String, byte[]>>> done,
      final String what) {
    try (KafkaConsumer<String, byte[]> consumer =
        KafkaClients.committedReader(
            kafka, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(read.stream().map(Topics.Topic::name).toList());
      return KafkaClients.pollUntil(consumer, done, what);
    }
  }

  /** A record's value, decoded with the serde of the topic it was read from. */
  public static <V> V decode(
      final Topics.Topic<V> topic, final ConsumerRecord<String, byte[]> record) {
    return topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
  }

  @Override
  public void close() {
    try {
      streams.close(Duration.ofSeconds(30));
      producer.close();
    } finally {
      if (InMemorySchemaRegistry.isMockUrl(registryUrl)) {
        InMemorySchemaRegistry.dropScope(
            registryUrl.substring(InMemorySchemaRegistry.MOCK_URL_PREFIX.length()));
      }
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (final IOException e) {
        // a leftover temp directory is harmless
      }
    }
  }
}
