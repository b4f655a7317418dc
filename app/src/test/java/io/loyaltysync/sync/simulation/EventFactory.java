package io.loyaltysync.sync.simulation;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.Stamp;
import java.time.Instant;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/** Builds the change events the simulated feeds carry, and reads them back. */
final class EventFactory {

  /** Simulated time 0. */
  static final long EPOCH = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

  private final Rows rows;
  private final RowSpace space;
  private final SimConfig config;

  EventFactory(final Rows rows, final RowSpace space, final SimConfig config) {
    this.rows = rows;
    this.space = space;
    this.config = config;
  }

  /**
   * A change event of {@code side}'s feed.
   *
   * @param after the row after the change; null for a delete
   * @param origin the writer's origin marker, or null for a user's change
   * @param claimed the system the event says it comes from (the feed's own, unless it is bad)
   */
  SpecificRecord event(
      final Side side,
      final Operation op,
      final String key,
      final IndexedRecord after,
      final long timestamp,
      final long sequence,
      final String origin,
      final Side claimed) {
    final SpecificRecordBase event =
        (SpecificRecordBase) SpecificData.get().newRecord(null, rows.template().changeEvent(side));
    event.put("op", op);
    event.put("key", space.keyRecord(key));
    event.put("after", Rows.copy(after));
    event.put(
        "source",
        SourceMetadata.newBuilder()
            .setSystem(SourceSystem.valueOf(claimed.name()))
            .setCompany(
                rows.template().key().schema().getField("company") == null
                    ? null
                    : key.substring(0, key.indexOf('/')))
            .setTimestamp(Instant.ofEpochMilli(EPOCH + timestamp))
            .setSequence(config.sequences(side) ? sequence : null)
            .setChangedBy(origin == null ? "user" : "svc-loyalty-sync")
            .setOrigin(origin)
            .build());
    return event;
  }

  /** The same event with the writer's origin marker. */
  static SpecificRecord marked(final SpecificRecord event) {
    final SpecificRecordBase copy =
        (SpecificRecordBase)
            SpecificData.getForSchema(event.getSchema()).deepCopy(event.getSchema(), event);
    source(copy).setOrigin(EngineSyncUnderTest.ORIGIN);
    source(copy).setChangedBy("svc-loyalty-sync");
    return copy;
  }

  static Operation op(final SpecificRecord event) {
    return (Operation) event.get(event.getSchema().getField("op").pos());
  }

  static IndexedRecord after(final SpecificRecord event) {
    return (IndexedRecord) event.get(event.getSchema().getField("after").pos());
  }

  static SourceMetadata source(final SpecificRecord event) {
    return (SourceMetadata) event.get(event.getSchema().getField("source").pos());
  }

  /** The event's stamp, as the sync orders events: source timestamp, then sequence if any. */
  static Stamp stamp(final SpecificRecord event) {
    final SourceMetadata source = source(event);
    return new Stamp(
        source.getTimestamp().toEpochMilli(),
        source.getSequence() == null ? Stamp.NO_SEQUENCE : source.getSequence());
  }
}
