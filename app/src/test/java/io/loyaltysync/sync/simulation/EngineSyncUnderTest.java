package io.loyaltysync.sync.simulation;

import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.MappedChange;
import io.loyaltysync.mapping.RecordRejectedException;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.EchoMatching;
import io.loyaltysync.sync.Stamp;
import io.loyaltysync.sync.SyncEngine;
import io.loyaltysync.sync.SyncInput;
import io.loyaltysync.sync.SyncResult;
import io.loyaltysync.sync.SyncState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * The pure {@link SyncEngine} behind the simulation's interface: per-key state in a map, the map's
 * change mapper to validate and map each event (a rejection is a dead letter, state untouched), and
 * the origin marker of this app's writers.
 */
final class EngineSyncUnderTest implements SyncUnderTest {

  /** The origin marker this app's writers stamp on the rows they write. */
  static final String ORIGIN = "loyalty-sync";

  private final CompiledMap map;
  private final SyncEngine engine;
  private final Map<String, SyncState> states = new HashMap<>();
  private final List<Output> outputs = new ArrayList<>();
  private long in;
  private long emitted;
  private long echoes;
  private long noOps;
  private long deadLetters;
  private long written;
  private long conflicts;
  private long ignoredEdits;
  private long nowMillis;

  EngineSyncUnderTest(
      final CompiledMap map,
      final ConflictPolicy policy,
      final Side initialSyncMaster,
      final int maxPending,
      final EchoMatching echoes) {
    this.map = map;
    this.engine = new SyncEngine(map, policy, initialSyncMaster, maxPending, echoes);
  }

  @Override
  public void send(final Side side, final String key, final SpecificRecord changeEvent) {
    nowMillis++;
    in++;
    final MappedChange change;
    try {
      change = map.changes(Direction.to(side.other())).map(changeEvent);
    } catch (final RecordRejectedException e) {
      deadLetters++;
      return;
    }
    final SourceMetadata source = change.source();
    final Long sequence = source.getSequence();
    final IndexedRecord after = change.sourceImage();
    final SyncInput input =
        new SyncInput(
            side,
            change.operation(),
            change.isDelete() ? null : after,
            change.isDelete() ? null : change.value().record(),
            new Stamp(
                source.getTimestamp().toEpochMilli(),
                sequence == null ? Stamp.NO_SEQUENCE : sequence),
            ORIGIN.equals(source.getOrigin()),
            nowMillis);
    final SyncResult result =
        engine.apply(states.computeIfAbsent(key, k -> engine.newState()), input, key);
    switch (result.outcome()) {
      case EMITTED -> emitted++;
      case ECHO -> echoes++;
      case NO_OP -> noOps++;
    }
    for (final SyncResult.Write write : result.writes()) {
      outputs.add(new Output(write.to(), key, write.image()));
      written++;
    }
    for (final AuditEvent audit : result.audits()) {
      if (audit.getType() == AuditType.CONFLICT) {
        conflicts++;
      } else if (audit.getType() == AuditType.IGNORED_ONE_WAY_EDIT) {
        ignoredEdits++;
      }
    }
  }

  @Override
  public List<Output> poll() {
    final List<Output> polled = List.copyOf(outputs);
    outputs.clear();
    return polled;
  }

  @Override
  public Accounting accounting() {
    // The pure engine has no lookup parking: that is the processor's.
    return new Accounting(
        in, emitted, echoes, noOps, deadLetters, 0, written, conflicts, ignoredEdits);
  }
}
