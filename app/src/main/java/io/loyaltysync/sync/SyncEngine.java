package io.loyaltysync.sync;

import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.SyncResult.Outcome;
import io.loyaltysync.sync.SyncResult.Write;
import io.loyaltysync.sync.SyncState.Pending;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * The sync rules for one template, as a pure function of (state, change event): no Kafka, no I/O.
 *
 * <ol>
 *   <li>An event older than the last one seen from its side, or that side's last event delivered
 *       again, changes nothing.
 *   <li>An echo (origin marker, or under {@link EchoMatching#MARKER_OR_MATCH} an exact match of a
 *       pending write) confirms that write and every earlier one, and updates the side's observed
 *       image; it is never propagated.
 *   <li>A real edit updates the canonical image by the {@link EditRules}: field by field, one-way
 *       fields only from their source side, conflicts by the map's policy (the initial-sync master
 *       for SNAPSHOT events), deletes as tombstones.
 *   <li>For each side, the image it will hold once pending writes land is compared with the
 *       canonical image on the columns written to it; a difference emits one write. So nothing is
 *       emitted when the sides agree, and an echo never causes a write back.
 * </ol>
 */
public final class SyncEngine {

  private final List<FieldBinding> bindings;
  private final int maxPending;
  private final boolean matchUnmarked;
  private final Audits audits;
  private final EditRules edits;
  private final DeleteRules deletes;
  private final int[][] writtenPositions = new int[2][];

  /**
   * @param map the compiled map of the template
   * @param policy how concurrent edits are resolved
   * @param initialSyncMaster which side wins a SNAPSHOT conflict
   * @param maxPending how many unconfirmed writes to remember per side (oldest dropped first)
   * @param echoes how an echo of this app's write is told from a user's change
   */
  public SyncEngine(
      final CompiledMap map,
      final ConflictPolicy policy,
      final Side initialSyncMaster,
      final int maxPending,
      final EchoMatching echoes) {
    this.bindings = map.bindings();
    this.maxPending = maxPending;
    this.matchUnmarked = echoes == EchoMatching.MARKER_OR_MATCH;
    this.audits = new Audits(map.template().id(), policy, initialSyncMaster);
    final FieldGroups groups = FieldGroups.of(map.template(), bindings);
    final Precedence precedence = new Precedence(policy, initialSyncMaster);
    this.deletes = new DeleteRules(bindings, groups, precedence);
    this.edits = new EditRules(bindings, groups, precedence, deletes);
    for (final Side side : Side.values()) {
      writtenPositions[side.ordinal()] =
          bindings.stream()
              .filter(b -> b.writtenTo(side))
              .mapToInt(b -> b.position(side))
              .toArray();
    }
  }

  /** A fresh state for a key never seen before. */
  public SyncState newState() {
    return new SyncState(bindings.size());
  }

  /** Applies one change event to {@code state} (mutated in place) and says what to emit. */
  public SyncResult apply(final SyncState state, final SyncInput in, final String entityKey) {
    final Side side = in.side();
    if (in.stamp().isBefore(state.observedStamp(side)) || repeats(state, in)) {
      return new SyncResult(Outcome.NO_OP, List.of(), List.of());
    }
    final Audits.Collector audit = audits.collector(entityKey, in.nowMillis());
    final boolean echo = in.isDelete() ? confirmDelete(state, in) : confirmUpsert(state, in);
    if (echo) {
      if (!in.isDelete()) {
        edits.takeOneWayFields(state, in);
      }
      state.observe(side, in.image(), in.stamp());
      return new SyncResult(Outcome.ECHO, reconcile(state), audit.events());
    }
    if (in.isDelete()) {
      deletes.delete(state, in, audit);
    } else if (!sameImage(in.image(), state.observed(side), side)) {
      edits.upsert(state, in, audit);
    }
    state.observe(side, in.image(), in.stamp());
    final List<Write> writes = reconcile(state);
    return new SyncResult(
        writes.isEmpty() ? Outcome.NO_OP : Outcome.EMITTED, writes, audit.events());
  }

  /** The side's last event delivered again: the same stamp and the same content. */
  private boolean repeats(final SyncState state, final SyncInput in) {
    final IndexedRecord last = state.observed(in.side());
    if (!in.stamp().equals(state.observedStamp(in.side()))) {
      return false;
    }
    return in.isDelete() ? last == null : sameImage(in.image(), last, in.side());
  }

  // ---- echoes ---------------------------------------------------------------------------------

  private boolean confirmUpsert(final SyncState state, final SyncInput in) {
    if (!in.fromOurWriter() && !matchUnmarked) {
      return false;
    }
    final Deque<Pending> pending = state.pending(in.side());
    int index = 0;
    int match = -1;
    for (final Pending write : pending) {
      if (write.image() != null && agrees(in.image(), write.image(), in.side())) {
        match = index;
        break;
      }
      index++;
    }
    dropThrough(pending, match);
    return match >= 0 || in.fromOurWriter();
  }

  /**
   * A delete carries no image to match: without the origin marker, any pending delete takes it as
   * its echo. A user's delete while this app's delete is on its way is then taken for that echo;
   * the opposite mistake (an unmarked echo taken for a user's delete) would delete a row that
   * should live, so this is the safer guess. Writers should stamp the origin marker, and then
   * {@link EchoMatching#MARKER_ONLY} rules the guess out.
   */
  private boolean confirmDelete(final SyncState state, final SyncInput in) {
    if (!in.fromOurWriter() && !matchUnmarked) {
      return false;
    }
    final Deque<Pending> pending = state.pending(in.side());
    int index = 0;
    for (final Pending write : pending) {
      if (write.image() == null) {
        dropThrough(pending, index);
        return true;
      }
      index++;
    }
    return in.fromOurWriter();
  }

  /** A write's echo confirms it and every write before it: they were applied or overwritten. */
  private static void dropThrough(final Deque<Pending> pending, final int index) {
    for (int i = 0; i <= index; i++) {
      pending.removeFirst();
    }
  }

  // ---- writes ---------------------------------------------------------------------------------

  /** Emits to each side whatever it will lack once its pending writes land. */
  private List<Write> reconcile(final SyncState state) {
    List<Write> writes = List.of();
    for (final Side side : Side.values()) {
      final Deque<Pending> pending = state.pending(side);
      final IndexedRecord expected =
          pending.isEmpty() ? state.observed(side) : pending.peekLast().image();
      final Write write;
      if (!state.live()) {
        write = expected == null ? null : new Write(side, null);
      } else {
        final IndexedRecord wanted = state.canonical(side);
        write =
            expected != null && agrees(expected, wanted, side)
                ? null
                : new Write(side, copy(wanted));
      }
      if (write != null) {
        if (writes.isEmpty()) {
          writes = new ArrayList<>(2);
        }
        writes.add(write);
        pending.addLast(new Pending(write.image()));
        while (pending.size() > maxPending) {
          pending.removeFirst();
        }
      }
    }
    return writes;
  }

  // ---- comparisons ----------------------------------------------------------------------------

  /** Whether two images of {@code side} hold the same values in the columns written to it. */
  private boolean agrees(final IndexedRecord a, final IndexedRecord b, final Side side) {
    for (final int pos : writtenPositions[side.ordinal()]) {
      if (!Objects.equals(a.get(pos), b.get(pos))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an image repeats the previous one in every mapped field: nothing new from that side.
   */
  private boolean sameImage(
      final IndexedRecord image, final IndexedRecord previous, final Side side) {
    if (previous == null) {
      return false;
    }
    for (final FieldBinding binding : bindings) {
      final int pos = binding.position(side);
      if (!Objects.equals(image.get(pos), previous.get(pos))) {
        return false;
      }
    }
    return true;
  }

  private static IndexedRecord copy(final IndexedRecord record) {
    return SpecificData.get().deepCopy(record.getSchema(), record);
  }
}
