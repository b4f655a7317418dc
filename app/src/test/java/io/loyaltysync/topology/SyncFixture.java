package io.loyaltysync.topology;

import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import io.loyaltysync.config.StreamsSettings;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.Registration;
import io.loyaltysync.serde.RegistrySerdes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole topology in a TopologyTestDriver, with its topics taken from {@link Topics} and an
 * in-memory schema registry of its own. Wall-clock time starts at a fixed instant and only moves
 * when a test advances it.
 */
final class SyncFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

  private final String scope = "sync-fixture-" + UUID.randomUUID();
  private final SyncTopology sync;
  private final TopologyTestDriver driver;
  private final Path stateDir;

  SyncFixture() {
    this(Map.of());
  }

  SyncFixture(final Map<String, String> options) {
    final Map<String, String> all = new HashMap<>(options);
    all.put("schema.registry.url", "mock://" + scope);
    final SyncConfig config = SyncConfig.from(all);
    sync =
        new SyncTopology(
            config,
            new RegistrySerdes(
                InMemorySchemaRegistry.forUrl(config.schemaRegistryUrl()),
                Registration.AUTO_REGISTER));
    try {
      stateDir = Files.createTempDirectory("sync-fixture");
    } catch (final java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    final Properties props = StreamsSettings.of(config);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(sync.build(), props, START);
  }

  Topics topics() {
    return sync.topics();
  }

  TopologyTestDriver driver() {
    return driver;
  }

  /** A change feed of one template, fed with change events. */
  TestInputTopic<String, SpecificRecord> feed(final Template template, final Side side) {
    final Topics.Topic<SpecificRecord> topic = topics().changes(template, side);
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** A change feed fed with raw bytes, for records no serde would write. */
  TestInputTopic<byte[], byte[]> rawFeed(final Template template, final Side side) {
    return driver.createInputTopic(
        topics().changes(template, side).name(),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  TestInputTopic<String, TransactionCurrencyChange> currencies() {
    final Topics.Topic<TransactionCurrencyChange> topic = topics().currencies();
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  TestOutputTopic<String, GenericRecord> records(final Template template, final Side side) {
    final Topics.Topic<GenericRecord> topic = topics().records(template, side);
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  TestOutputTopic<String, DeadLetter> deadLetters() {
    final Topics.Topic<DeadLetter> topic = topics().deadLetter();
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  TestOutputTopic<String, AuditEvent> audits() {
    final Topics.Topic<AuditEvent> topic = topics().audit();
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** Everything written to one side's outbound topic so far, in order. */
  List<KeyValue<String, GenericRecord>> written(final Template template, final Side side) {
    return records(template, side).readKeyValuesToList();
  }

  void advanceWallClock(final Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  /** The value of one accounting counter. */
  long count(
      final Template template, final Direction direction, final SyncMetrics.Counter counter) {
    double total = 0;
    for (final Map.Entry<MetricName, ? extends Metric> entry : driver.metrics().entrySet()) {
      final MetricName name = entry.getKey();
      if (name.group().equals(SyncMetrics.GROUP)
          && name.name().equals(counter.metric())
          && template.id().equals(name.tags().get("template"))
          && direction.label().equals(name.tags().get("direction"))) {
        total += ((Number) entry.getValue().metricValue()).doubleValue();
      }
    }
    return (long) total;
  }

  @Override
  public void close() {
    driver.close();
    InMemorySchemaRegistry.dropScope(scope);
    try (var files = Files.walk(stateDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (final java.io.IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
