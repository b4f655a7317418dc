package io.loyaltysync.sync.simulation;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.avro.reference.TransactionCurrency;
import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import io.loyaltysync.config.StreamsSettings;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.InMemorySchemaRegistry;
import io.loyaltysync.serde.Registration;
import io.loyaltysync.serde.RegistrySerdes;
import io.loyaltysync.sync.EchoMatching;
import io.loyaltysync.topology.KeyText;
import io.loyaltysync.topology.SyncMetrics;
import io.loyaltysync.topology.SyncTopology;
import io.loyaltysync.topology.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole Kafka Streams topology behind the simulation's interface, in a TopologyTestDriver:
 * change events go through the real serdes, processor, state store and changelog, and the writes
 * are read back from the outbound topics. Accounting comes from the topology's own metrics.
 *
 * <p>For reward points one currency, {@link #LATE_CURRENCY}, reaches the reference data only after
 * {@link #LATE_CURRENCY_AFTER} change events, so the F&amp;O points that need it are parked and
 * released in order (the wall clock advances one second per event, the release interval).
 */
final class TopologySyncUnderTest implements SyncUnderTest, AutoCloseable {

  /** The currency the reward-point runs hold back. */
  static final String LATE_CURRENCY = "DKK";

  /** After how many change events the held-back currency arrives. */
  static final int LATE_CURRENCY_AFTER = 200;

  private final Template template;
  private TestInputTopic<String, TransactionCurrencyChange> reference;
  private int sent;
  private final String scope = "simulation-" + UUID.randomUUID();
  private final TopologyTestDriver driver;
  private final Path stateDir;
  private final Map<Side, TestInputTopic<String, SpecificRecord>> feeds = new EnumMap<>(Side.class);
  private final Map<Side, TestOutputTopic<String, GenericRecord>> records =
      new EnumMap<>(Side.class);
  private final Map<String, String> simulationKeys = new java.util.HashMap<>();

  TopologySyncUnderTest(
      final Template template,
      final ConflictPolicy policy,
      final Side initialSyncMaster,
      final int maxPending,
      final EchoMatching echoes) {
    this.template = template;
    final SyncConfig config =
        SyncConfig.from(
            Map.of(
                "schema.registry.url",
                "mock://" + scope,
                "sync." + template.id() + ".conflict-policy",
                policy.id(),
                "sync." + template.id() + ".initial-sync-master",
                initialSyncMaster.name().toLowerCase(java.util.Locale.ROOT),
                "sync.max-pending-writes",
                Integer.toString(maxPending),
                "sync.echo-matching",
                echoes.id()));
    final SyncTopology sync =
        new SyncTopology(
            config,
            new RegistrySerdes(
                InMemorySchemaRegistry.forUrl(config.schemaRegistryUrl()),
                Registration.AUTO_REGISTER));
    try {
      stateDir = Files.createTempDirectory("simulation");
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    final var props = StreamsSettings.of(config);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(sync.build(), props, Instant.parse("2026-01-01T00:00:00Z"));
    final Topics topics = sync.topics();
    final Topics.Topic<TransactionCurrencyChange> currencies = topics.currencies();
    reference =
        driver.createInputTopic(
            currencies.name(),
            currencies.keySerde().serializer(),
            currencies.valueSerde().serializer());
    for (final String code : RowSpace.CURRENCIES) {
      if (!holdsBack(code)) {
        addCurrency(code);
      }
    }
    for (final Side side : Side.values()) {
      final Topics.Topic<SpecificRecord> feed = topics.changes(template, side);
      feeds.put(
          side,
          driver.createInputTopic(
              feed.name(), feed.keySerde().serializer(), feed.valueSerde().serializer()));
      final Topics.Topic<GenericRecord> out = topics.records(template, side);
      records.put(
          side,
          driver.createOutputTopic(
              out.name(), out.keySerde().deserializer(), out.valueSerde().deserializer()));
    }
  }

  /**
   * The simulation names a level's key company/phrase; the topology keys it company|phrase (see
   * KeyText). Outputs are reported under the simulation's name.
   */
  @Override
  public void send(final Side side, final String key, final SpecificRecord changeEvent) {
    final String topologyKey = key.replaceFirst("/", String.valueOf(KeyText.SEPARATOR));
    simulationKeys.put(topologyKey, key);
    feeds.get(side).pipeInput(topologyKey, changeEvent);
    if (template == Template.REWARD_POINT) {
      if (++sent == LATE_CURRENCY_AFTER) {
        addCurrency(LATE_CURRENCY);
      }
      driver.advanceWallClockTime(Duration.ofSeconds(1));
    }
  }

  private boolean holdsBack(final String code) {
    return template == Template.REWARD_POINT && code.equals(LATE_CURRENCY);
  }

  private void addCurrency(final String code) {
    reference.pipeInput(
        code,
        TransactionCurrencyChange.newBuilder()
            .setOp(Operation.CREATE)
            .setAfter(new TransactionCurrency(code, code, null, 2))
            .setSource(
                SourceMetadata.newBuilder()
                    .setSystem(SourceSystem.CRM)
                    .setTimestamp(Instant.EPOCH)
                    .build())
            .build());
  }

  /**
   * The outbound records since the last poll. Each side's topic keeps its own order; the two topics
   * are independent (as two writers are), so their records are listed side by side.
   */
  @Override
  public List<Output> poll() {
    final List<Output> outputs = new ArrayList<>();
    for (final Side side : Side.values()) {
      for (final KeyValue<String, GenericRecord> record : records.get(side).readKeyValuesToList()) {
        outputs.add(
            new Output(
                side,
                simulationKeys.getOrDefault(record.key, record.key),
                record.value == null ? null : entity(side, record.value)));
      }
    }
    return outputs;
  }

  @Override
  public Accounting accounting() {
    return new Accounting(
        count(SyncMetrics.Counter.IN),
        count(SyncMetrics.Counter.EMITTED),
        count(SyncMetrics.Counter.ECHO),
        count(SyncMetrics.Counter.NO_OP),
        count(SyncMetrics.Counter.DEAD_LETTER),
        count(SyncMetrics.Counter.PARKED),
        count(SyncMetrics.Counter.WRITES),
        count(SyncMetrics.Counter.CONFLICTS),
        count(SyncMetrics.Counter.IGNORED_EDITS));
  }

  private long count(final SyncMetrics.Counter counter) {
    double total = 0;
    for (final Map.Entry<MetricName, ? extends Metric> entry : driver.metrics().entrySet()) {
      final MetricName name = entry.getKey();
      if (name.group().equals(SyncMetrics.GROUP)
          && name.name().equals(counter.metric())
          && template.id().equals(name.tags().get("template"))) {
        total += ((Number) entry.getValue().metricValue()).doubleValue();
      }
    }
    return (long) total;
  }

  /** An outbound record as the side's entity record: the columns written, nothing else. */
  private IndexedRecord entity(final Side side, final GenericRecord record) {
    final IndexedRecord entity = template.entity(side).newRecord();
    for (final Schema.Field field : entity.getSchema().getFields()) {
      final Schema.Field written = record.getSchema().getField(field.name());
      if (written != null) {
        entity.put(field.pos(), specific(record.get(written.pos()), field.schema()));
      }
    }
    return entity;
  }

  private static Object specific(final Object value, final Schema schema) {
    if (value == null) {
      return null;
    }
    final Schema type =
        schema.getType() == Schema.Type.UNION
            ? schema.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow()
            : schema;
    if (value instanceof GenericData.EnumSymbol symbol) {
      return SpecificData.get().createEnum(symbol.toString(), type);
    }
    if (value instanceof GenericRecord reference && type.getName().equals("EntityReference")) {
      return new EntityReference(
          reference.get("table").toString(),
          reference.get("keyColumn").toString(),
          reference.get("keyValue").toString());
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    return value;
  }

  @Override
  public void close() {
    driver.close();
    InMemorySchemaRegistry.dropScope(scope);
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (final IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
