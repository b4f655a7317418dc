package io.loyaltysync.sync;

import io.loyaltysync.avro.internal.FieldStampRecord;
import io.loyaltysync.avro.internal.SideRecord;
import io.loyaltysync.avro.internal.SyncStateRecord;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.SyncState.Pending;
import java.util.ArrayList;
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
        .setPendingErp(pending(state, Side.ERP))
        .setPendingCrm(pending(state, Side.CRM))
        .setDeleted(state.deleted())
        .setDeletedBy(side(state.deletedBy()))
        .setDeletedTimestamp(state.deletedStamp().timestamp())
        .setDeletedSequence(state.deletedStamp().sequence())
        .setDeletedAtMillis(state.deletedAtMillis())
        .build();
  }

  /**
   * Restores a state of a map with {@code fields} bindings. A state stored under a map with fewer
   * fields (a field was added since) gets the new fields as never set.
   */
  public static SyncState fromRecord(final SyncStateRecord record, final int fields) {
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
    for (final Object image : record.getPendingErp()) {
      state.pending(Side.ERP).addLast(new Pending((IndexedRecord) image));
    }
    for (final Object image : record.getPendingCrm()) {
      state.pending(Side.CRM).addLast(new Pending((IndexedRecord) image));
    }
    state.restoreTombstone(
        record.getDeleted(),
        side(record.getDeletedBy()),
        new Stamp(record.getDeletedTimestamp(), record.getDeletedSequence()),
        record.getDeletedAtMillis());
    return state;
  }

  private static List<Object> pending(final SyncState state, final Side side) {
    final List<Object> images = new ArrayList<>(state.pending(side).size());
    for (final Pending write : state.pending(side)) {
      images.add(write.image());
    }
    return images;
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
