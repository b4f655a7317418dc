package io.loyaltysync.topology;

import io.loyaltysync.avro.internal.ParkedRecords;
import io.loyaltysync.avro.internal.SyncStateRecord;
import io.loyaltysync.avro.reference.TransactionCurrency;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.MapRegistry;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.AvroBinarySerde;
import io.loyaltysync.serde.RegistrySerdes;
import io.loyaltysync.sync.OutboundRecords;
import io.loyaltysync.sync.SyncEngine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the job's topology from the config: per template, both change feeds into one sync
 * processor with its changelogged state store, out to the two outbound topics; the dead-letter and
 * audit topics shared; the currency rows in a global store for the reward-point lookup. Every
 * processor, store and topic is named; building does no I/O.
 */
public final class SyncTopology {

  /** The reference table whose rows the lookup parking waits for. */
  static final String CURRENCY_TABLE = "transactioncurrency";

  static final String CURRENCY_STORE = "reference-" + CURRENCY_TABLE;

  /** Everything one template's processor needs, resolved once. */
  record TemplateWiring(
      CompiledMap map,
      SyncEngine engine,
      Map<String, Side> sideByTopic,
      Map<Side, OutboundRecords> outbound,
      String stateStore,
      Parking.Wiring parking,
      Map<Side, String> recordSinks,
      String deadLetterSink,
      String auditSink) {

    String recordSink(final Side side) {
      return recordSinks.get(side);
    }
  }

  private final SyncConfig config;
  private final RegistrySerdes serdes;
  private final Map<Template, CompiledMap> maps = new EnumMap<>(Template.class);
  private final Map<Template, Map<Side, OutboundRecords>> outbound = new EnumMap<>(Template.class);
  private final Topics topics;

  /** Loads and checks the maps the config selects; no I/O beyond reading map files. */
  public SyncTopology(final SyncConfig config, final RegistrySerdes serdes) {
    this.config = config;
    this.serdes = serdes;
    final MapRegistry bundled = MapRegistry.bundled();
    for (final Template template : Template.values()) {
      final CompiledMap map =
          config
              .mapFile(template)
              .map(MapRegistry::load)
              .orElseGet(
                  () ->
                      config
                          .mapVersion(template)
                          .map(version -> bundled.version(template, version))
                          .orElseGet(() -> bundled.current(template)));
      maps.put(template, map);
      final Map<Side, OutboundRecords> records = new EnumMap<>(Side.class);
      for (final Side side : Side.values()) {
        records.put(side, new OutboundRecords(map, side));
      }
      outbound.put(template, records);
    }
    this.topics = new Topics(config, serdes, outbound);
  }

  public Topics topics() {
    return topics;
  }

  public CompiledMap map(final Template template) {
    return maps.get(template);
  }

  /** The topology; a pure function of the config and the maps. */
  public Topology build() {
    final Topology topology = new Topology();
    addCurrencyReference(topology);
    for (final Template template : Template.values()) {
      addTemplate(topology, template);
    }
    return topology;
  }

  /**
   * One sub-topology per template: its own sinks to the shared dead-letter and audit topics keep
   * the templates apart, so only a template's two change feeds must be co-partitioned.
   */
  private void addTemplate(final Topology topology, final Template template) {
    final String processor = "sync-" + template.id();
    final String deadLetterSink = sinkName(topics.deadLetter().name()) + "-" + template.id();
    final String auditSink = sinkName(topics.audit().name()) + "-" + template.id();
    final String stateStore = "sync-state-" + template.id();
    final Map<String, Side> sideByTopic = new HashMap<>();
    final Map<Side, Deserializer<? extends IndexedRecord>> decoders = new EnumMap<>(Side.class);
    final List<String> sources = new ArrayList<>();
    for (final Side side : Side.values()) {
      final Topics.Topic<?> feed = topics.changes(template, side);
      final String source = "ingest-" + feed.name();
      // Raw bytes in: a record that fails to decode reaches the dead letter as it was.
      topology.addSource(
          AutoOffsetReset.earliest(),
          source,
          new ByteArrayDeserializer(),
          new ByteArrayDeserializer(),
          feed.name());
      sources.add(source);
      sideByTopic.put(feed.name(), side);
      @SuppressWarnings("unchecked")
      final Deserializer<? extends IndexedRecord> decoder =
          (Deserializer<? extends IndexedRecord>)
              topics.changes(template, side).valueSerde().deserializer();
      decoders.put(side, decoder);
    }
    final CompiledMap map = maps.get(template);
    final SyncEngine engine =
        new SyncEngine(
            map,
            config.conflictPolicy(template).orElse(map.definition().conflictPolicy()),
            config.initialSyncMaster(template).orElse(map.definition().initialSyncMaster()),
            config.maxPendingWrites(),
            config.echoMatching());
    final Map<Side, String> recordSinks = new EnumMap<>(Side.class);
    for (final Side side : Side.values()) {
      recordSinks.put(side, sinkName(topics.records(template, side).name()));
    }
    final Parking.Wiring parking = parking(template, map);
    final TemplateWiring wiring =
        new TemplateWiring(
            map,
            engine,
            sideByTopic,
            outbound.get(template),
            stateStore,
            parking,
            recordSinks,
            deadLetterSink,
            auditSink);
    topology.addProcessor(
        processor,
        () ->
            new SyncProcessor(
                wiring,
                decoders,
                config.originMarker(),
                config.tombstoneRetention(),
                config.tombstonePurgeInterval()),
        sources.toArray(String[]::new));
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(stateStore),
            Serdes.String(),
            AvroBinarySerde.of(SyncStateRecord.class)),
        processor);
    if (parking != null) {
      topology.addStateStore(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(parking.parkStore()),
              Serdes.String(),
              AvroBinarySerde.of(ParkedRecords.class)),
          processor);
    }
    for (final Side side : Side.values()) {
      final Topics.Topic<?> records = topics.records(template, side);
      topology.addSink(
          recordSinks.get(side),
          records.name(),
          records.keySerde().serializer(),
          topics.records(template, side).valueSerde().serializer(),
          processor);
    }
    topology.addSink(
        deadLetterSink,
        topics.deadLetter().name(),
        topics.deadLetter().keySerde().serializer(),
        topics.deadLetter().valueSerde().serializer(),
        processor);
    topology.addSink(
        auditSink,
        topics.audit().name(),
        topics.audit().keySerde().serializer(),
        topics.audit().valueSerde().serializer(),
        processor);
  }

  /** Parking for a map with a lookup into the currency reference data; null otherwise. */
  private Parking.Wiring parking(final Template template, final CompiledMap map) {
    for (final FieldBinding binding : map.bindings()) {
      if (binding.row().isLookup()
          && CURRENCY_TABLE.equals(binding.row().lookupTable())
          && binding.writtenTo(Side.CRM)) {
        return new Parking.Wiring(
            "parked-" + template.id(),
            CURRENCY_STORE,
            CURRENCY_TABLE,
            binding.crmPosition(),
            config.parkTimeout(),
            config.releaseInterval());
      }
    }
    return null;
  }

  private void addCurrencyReference(final Topology topology) {
    final Topics.Topic<?> currencies = topics.currencies();
    final Deserializer<?> decoder = currencies.valueSerde().deserializer();
    // Global: every task sees every currency, whatever partition its reward points are on.
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CURRENCY_STORE),
                Serdes.String(),
                AvroBinarySerde.of(TransactionCurrency.class))
            .withLoggingDisabled(),
        "ingest-" + currencies.name(),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer(),
        currencies.name(),
        CURRENCY_STORE + "-updater",
        () -> new CurrencyReferenceProcessor(CURRENCY_STORE, decoder));
  }

  private static String sinkName(final String topic) {
    return "egress-" + topic;
  }
}
