package io.loyaltysync.sync;

import io.loyaltysync.avro.internal.FieldStampRecord;
import io.loyaltysync.avro.internal.SideRecord;
import io.loyaltysync.avro.internal.SyncStateRecord;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.SyncState.Pending;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;

/** Converts {@link SyncState} to and from its stored form, {@link SyncStateRecord}. */
public final class SyncStateCodec {

  private SyncStateCodec() {}

  public static SyncStateRecord toRecord(final SyncState state) {
    final List<FieldStampRecord> fields = new ArrayList<>(state.fields());
    for (int f = 0; f < state.fields(); f++) {
      final Stamp stamp = state.fieldStamp(f);
      fields.add(
          new FieldStampRecord(side(state.fieldSide(f)), stamp.timestamp(), stamp.sequence()));
    }
    return SyncStateRecord.newBuilder()
        .setCanonicalErp(state.canonical(Side.ERP))
        .setCanonicalCrm(state.canonical(Side.CRM))
        .setFields(fields)
        .setObservedErp(state.observed(Side.ERP))
        .setObservedErpTimestamp(state.observedStamp(Side.ERP).timestamp())
        .setObservedErpSequence(state.observedStamp(Side.ERP).sequence())
        .setObservedCrm(state.observed(Side.CRM))
        .setObservedCrmTimestamp(state.observedStamp(Side.CRM).timestamp())
        .setObservedCrmSequence(state.observedStamp(Side.CRM).sequence())
        .setPendingErp(List.of())
        .setPendingCrm(List.of())
        .setPendingErpColumns(pending(state, Side.ERP))
        .setPendingCrmColumns(pending(state, Side.CRM))
        .setDeleted(state.deleted())
        .setDeletedBy(side(state.deletedBy()))
        .setDeletedTimestamp(state.deletedStamp().timestamp())
        .setDeletedSequence(state.deletedStamp().sequence())
        .setDeletedAtMillis(state.deletedAtMillis())
        .build();
  }

  /**
   * Restores a state of a map with {@code fields} bindings. A state stored under a map with fewer
   * fields (a field was added since) gets the new fields as never set. A state stored before
   * pending writes were kept as their {@link WrittenColumns} has them as whole images, which are
   * turned into their columns.
   */
  public static SyncState fromRecord(
      final SyncStateRecord record, final int fields, final WrittenColumns columns) {
    final SyncState state = new SyncState(fields);
    state.canonical(Side.ERP, (IndexedRecord) record.getCanonicalErp());
    state.canonical(Side.CRM, (IndexedRecord) record.getCanonicalCrm());
    final List<FieldStampRecord> stamps = record.getFields();
    for (int f = 0; f < Math.min(fields, stamps.size()); f++) {
      final FieldStampRecord stamp = stamps.get(f);
      state.field(f, side(stamp.getSide()), new Stamp(stamp.getTimestamp(), stamp.getSequence()));
    }
    state.observe(
        Side.ERP,
        (IndexedRecord) record.getObservedErp(),
        new Stamp(record.getObservedErpTimestamp(), record.getObservedErpSequence()));
    state.observe(
        Side.CRM,
        (IndexedRecord) record.getObservedCrm(),
        new Stamp(record.getObservedCrmTimestamp(), record.getObservedCrmSequence()));
    restorePending(state, Side.ERP, record.getPendingErp(), record.getPendingErpColumns(), columns);
    restorePending(state, Side.CRM, record.getPendingCrm(), record.getPendingCrmColumns(), columns);
    state.restoreTombstone(
        record.getDeleted(),
        side(record.getDeletedBy()),
        new Stamp(record.getDeletedTimestamp(), record.getDeletedSequence()),
        record.getDeletedAtMillis());
    return state;
  }

  private static void restorePending(
      final SyncState state,
      final Side side,
      final List<Object> images,
      final List<ByteBuffer> stored,
      final WrittenColumns columns) {
    final Deque<Pending> pending = state.pending(side);
    for (final Object image : images) {
      pending.addLast(new Pending(image == null ? null : columns.of(side, (IndexedRecord) image)));
    }
    for (final ByteBuffer write : stored) {
      pending.addLast(new Pending(write == null ? null : bytes(write)));
    }
  }

  private static byte[] bytes(final ByteBuffer buffer) {
    final ByteBuffer view = buffer.duplicate();
    final byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }

  private static List<ByteBuffer> pending(final SyncState state, final Side side) {
    final List<ByteBuffer> writes = new ArrayList<>(state.pending(side).size());
    for (final Pending write : state.pending(side)) {
      writes.add(write.isDelete() ? null : ByteBuffer.wrap(write.columns()));
    }
    return writes;
  }

  private static SideRecord side(final Side side) {
    if (side == null) {
      return null;
    }
    return switch (side) {
      case ERP -> SideRecord.ERP;
      case CRM -> SideRecord.CRM;
    };
  }

  private static Side side(final SideRecord side) {
    if (side == null) {
      return null;
    }
    return switch (side) {
      case ERP -> Side.ERP;
      case CRM -> Side.CRM;
    };
  }
}
