package io.loyaltysync.topology;

import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.avro.internal.SyncStateRecord;
import io.loyaltysync.error.DeadLetters;
import io.loyaltysync.error.DeadLetters.Origin;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.MappedChange;
import io.loyaltysync.mapping.RecordRejectedException;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.serde.UndecodableRecordException;
import io.loyaltysync.sync.OutboundRecords;
import io.loyaltysync.sync.Stamp;
import io.loyaltysync.sync.SyncEngine;
import io.loyaltysync.sync.SyncInput;
import io.loyaltysync.sync.SyncResult;
import io.loyaltysync.sync.SyncState;
import io.loyaltysync.sync.SyncStateCodec;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The sync of one template, both directions: reads both sides' change feeds (co-partitioned by the
 * normalised key), decodes, validates and maps each event, applies the {@link SyncEngine} rules to
 * the key's state, and forwards the writes, audit events and dead letters. Bad data goes to the
 * dead letter with its original bytes; infrastructure errors propagate so the instance restarts
 * from committed state.
 */
final class SyncProcessor implements Processor<byte[], byte[], String, Object> {

  private final SyncTopology.TemplateWiring wiring;
  private final CompiledMap map;
  private final SyncEngine engine;
  private final Map<String, Side> sideByTopic;
  private final Map<Side, Deserializer<? extends IndexedRecord>> decoders;
  private final Map<Side, OutboundRecords> outbound;
  private final String originMarker;
  private final Duration tombstoneRetention;
  private final Duration purgeInterval;

  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, SyncStateRecord> states;
  private SyncMetrics metrics;
  private Parking parking;

  SyncProcessor(
      final SyncTopology.TemplateWiring wiring,
      final Map<Side, Deserializer<? extends IndexedRecord>> decoders,
      final String originMarker,
      final Duration tombstoneRetention,
      final Duration purgeInterval) {
    this.wiring = wiring;
    this.map = wiring.map();
    this.engine = wiring.engine();
    this.sideByTopic = wiring.sideByTopic();
    this.decoders = decoders;
    this.outbound = wiring.outbound();
    this.originMarker = originMarker;
    this.tombstoneRetention = tombstoneRetention;
    this.purgeInterval = purgeInterval;
  }

  @Override
  public void init(final ProcessorContext<String, Object> context) {
    this.context = context;
    this.states = context.getStateStore(wiring.stateStore());
    this.metrics =
        new SyncMetrics(context.metrics(), map.template(), Thread.currentThread().getName());
    if (wiring.parking() != null) {
      parking = wiring.parking().open(context, this, this::release);
    }
    context.schedule(purgeInterval, PunctuationType.WALL_CLOCK_TIME, this::purgeTombstones);
  }

  @Override
  public void process(final Record<byte[], byte[]> record) {
    final RecordMetadata meta =
        context.recordMetadata().orElseThrow(() -> new IllegalStateException("no record metadata"));
    final Side side = sideByTopic.get(meta.topic());
    final Origin origin =
        new Origin(
            meta.topic(),
            meta.partition(),
            meta.offset(),
            record.timestamp(),
            record.key(),
            record.value());
    metrics.count(direction(side), Counter.IN);
    handle(origin, side, false);
  }

  /** A parked record whose lookup target arrived: processed as if it came in now. */
  private void release(final Origin origin) {
    handle(origin, Side.ERP, true);
  }

  private void handle(final Origin origin, final Side side, final boolean released) {
    final Direction direction = direction(side);
    final MappedChange change;
    final String key;
    try {
      change = map.changes(direction).map(decode(side, origin));
      key = KeyText.of(change.key());
      checkRecordKey(origin, key);
    } catch (final RecordRejectedException e) {
      deadLetter(origin, direction, e.category(), e.reason(), released ? Counter.RELEASED : null);
      return;
    }
    if (!released && parking != null && side == Side.ERP && parking.parks(key, change, origin)) {
      metrics.count(direction, Counter.PARKED);
      return;
    }
    apply(key, side, change, origin, released);
  }

  /** Both feeds must key a row by its normalised key, so that one task owns the row. */
  private static void checkRecordKey(final Origin origin, final String key)
      throws RecordRejectedException {
    final String recordKey =
        origin.key() == null ? null : new String(origin.key(), StandardCharsets.UTF_8);
    if (!key.equals(recordKey)) {
      throw RecordRejectedException.validation(
          "record key "
              + (recordKey == null ? "is missing" : "'" + recordKey + "' is not")
              + " the row's normalised key '"
              + key
              + "': both feeds must key a row the same way so one task owns it");
    }
  }

  private IndexedRecord decode(final Side side, final Origin origin)
      throws RecordRejectedException {
    if (origin.value() == null) {
      throw new RecordRejectedException(
          ErrorCategory.DESERIALIZATION,
          "no value: a change feed carries change events, not tombstones");
    }
    try {
      return decoders.get(side).deserialize(origin.topic(), origin.value());
    } catch (final UndecodableRecordException e) {
      throw new RecordRejectedException(e.category(), e.getMessage());
    }
  }

  private void apply(
      final String key,
      final Side side,
      final MappedChange change,
      final Origin origin,
      final boolean released) {
    final Direction direction = direction(side);
    final SyncStateRecord stored = states.get(key);
    final SyncState state =
        stored == null
            ? engine.newState()
            : SyncStateCodec.fromRecord(stored, map.bindings().size());
    final SourceMetadata source = change.source();
    final SyncInput input =
        new SyncInput(
            side,
            change.operation(),
            change.sourceImage(),
            change.isDelete() ? null : change.value().record(),
            new Stamp(
                source.getTimestamp().toEpochMilli(),
                source.getSequence() == null ? Stamp.NO_SEQUENCE : source.getSequence()),
            originMarker.equals(source.getOrigin()),
            context.currentSystemTimeMs());
    final SyncResult result = engine.apply(state, input, key);
    states.put(key, SyncStateCodec.toRecord(state));

    final OutboundRecords.Trace trace =
        new OutboundRecords.Trace(
            side.name(),
            source.getTimestamp().toEpochMilli(),
            origin.topic() + "-" + origin.partition() + "@" + origin.offset(),
            source.getTransactionId());
    for (final SyncResult.Write write : result.writes()) {
      final Object value =
          write.isDelete() ? null : outbound.get(write.to()).toRecord(write.image(), trace);
      context.forward(
          new Record<String, Object>(key, value, origin.timestampMillis()),
          wiring.recordSink(write.to()));
    }
    for (final AuditEvent audit : result.audits()) {
      forwardAudit(key, audit, origin.timestampMillis());
      if (audit.getType() == AuditType.CONFLICT) {
        metrics.count(direction, Counter.CONFLICTS);
      } else if (audit.getType() == AuditType.IGNORED_ONE_WAY_EDIT) {
        metrics.count(direction, Counter.IGNORED_EDITS);
      }
    }
    metrics.count(direction, Counter.WRITES, result.writes().size());
    metrics.count(
        direction,
        released
            ? Counter.RELEASED
            : switch (result.outcome()) {
              case EMITTED -> Counter.EMITTED;
              case ECHO -> Counter.ECHO;
              case NO_OP -> Counter.NO_OP;
            });
  }

  String templateId() {
    return map.template().id();
  }

  void forwardAudit(final String key, final AuditEvent audit, final long timestamp) {
    context.forward(new Record<String, Object>(key, audit, timestamp), wiring.auditSink());
  }

  /**
   * Sends a record to the dead letter. {@code counted} is the counter of a parked record that fails
   * after all (it was counted as parked when it came in, and now leaves the park); null for a new
   * input, counted as dead-lettered.
   */
  void deadLetter(
      final Origin origin,
      final Direction direction,
      final ErrorCategory category,
      final String reason,
      final Counter counted) {
    context.forward(
        new Record<String, Object>(
            origin.key() == null ? null : new String(origin.key(), StandardCharsets.UTF_8),
            DeadLetters.of(
                origin,
                new DeadLetters.Context(map.template().id(), direction.label(), map.version()),
                category,
                reason,
                context.currentSystemTimeMs()),
            origin.timestampMillis()),
        wiring.deadLetterSink());
    metrics.count(direction, counted == null ? Counter.DEAD_LETTER : counted);
  }

  /**
   * Forgets rows deleted longer ago than the retention: late events can no longer be told apart.
   */
  private void purgeTombstones(final long now) {
    final long cutoff = now - tombstoneRetention.toMillis();
    final List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, SyncStateRecord> all = states.all()) {
      while (all.hasNext()) {
        final var entry = all.next();
        if (entry.value.getDeleted() && entry.value.getDeletedAtMillis() <= cutoff) {
          expired.add(entry.key);
        }
      }
    }
    expired.forEach(states::delete);
  }

  private static Direction direction(final Side side) {
    return side == Side.ERP ? Direction.ERP_TO_CRM : Direction.CRM_TO_ERP;
  }
}
