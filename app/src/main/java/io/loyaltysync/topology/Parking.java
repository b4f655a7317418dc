package io.loyaltysync.topology;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.avro.internal.ParkedRecord;
import io.loyaltysync.avro.internal.ParkedRecords;
import io.loyaltysync.error.DeadLetters.Origin;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.MappedChange;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Lookup parking: an F&amp;O change whose lookup target (a reward point's currency) is not in the
 * reference data yet waits in a store instead of failing, as dual-write's whole transaction would.
 * Later changes of the same row from F&amp;O wait behind it, so a row's F&amp;O changes keep their
 * order. A punctuator releases them in order once the target arrives, or dead-letters one that
 * waited longer than the timeout.
 */
final class Parking {

  /**
   * How one template parks.
   *
   * @param parkStore the store of parked records, by row key
   * @param referenceStore the global store of the reference table, by key value
   * @param referenceTable the lookup table whose targets must exist, e.g. transactioncurrency
   * @param crmPosition position of the lookup column in the mapped Dataverse record
   * @param timeout how long a record may wait
   * @param interval how often parked records are checked
   */
  record Wiring(
      String parkStore,
      String referenceStore,
      String referenceTable,
      int crmPosition,
      Duration timeout,
      Duration interval) {

    Parking open(
        final ProcessorContext<String, Object> context,
        final SyncProcessor owner,
        final Consumer<Origin> release) {
      return new Parking(this, context, owner, release);
    }
  }

  private final Wiring wiring;
  private final ProcessorContext<String, Object> context;
  private final SyncProcessor owner;
  private final Consumer<Origin> release;
  private final KeyValueStore<String, ParkedRecords> parked;
  private final ReadOnlyKeyValueStore<String, ?> reference;

  private Parking(
      final Wiring wiring,
      final ProcessorContext<String, Object> context,
      final SyncProcessor owner,
      final Consumer<Origin> release) {
    this.wiring = wiring;
    this.context = context;
    this.owner = owner;
    this.release = release;
    this.parked = context.getStateStore(wiring.parkStore());
    this.reference = context.getStateStore(wiring.referenceStore());
    context.schedule(wiring.interval(), PunctuationType.WALL_CLOCK_TIME, this::releaseOrExpire);
  }

  /** Parks {@code change} if its lookup target is missing or the row already has parked changes. */
  boolean parks(final String key, final MappedChange change, final Origin origin) {
    final String missing = change.isDelete() ? null : missingTarget(change);
    final ParkedRecords queue = parked.get(key);
    if (missing == null && queue == null) {
      return false;
    }
    final ParkedRecords waiting = queue == null ? new ParkedRecords(new ArrayList<>()) : queue;
    waiting
        .getRecords()
        .add(
            new ParkedRecord(
                origin.topic(),
                origin.partition(),
                origin.offset(),
                origin.timestampMillis(),
                origin.key() == null ? null : ByteBuffer.wrap(origin.key()),
                ByteBuffer.wrap(origin.value()),
                context.currentSystemTimeMs(),
                missing == null ? "" : missing));
    parked.put(key, waiting);
    audit(
        key,
        AuditType.LOOKUP_PARKED,
        missing == null
            ? "parked behind an earlier change of this row that waits for its lookup"
            : "parked: "
                + wiring.referenceTable()
                + "("
                + missing
                + ") is not in the reference data yet",
        origin.timestampMillis());
    return true;
  }

  private String missingTarget(final MappedChange change) {
    final Object value = change.value().record().get(wiring.crmPosition());
    if (!(value instanceof EntityReference target)) {
      return null;
    }
    return reference.get(target.getKeyValue()) == null ? target.getKeyValue() : null;
  }

  private void releaseOrExpire(final long now) {
    final List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, ParkedRecords> all = parked.all()) {
      all.forEachRemaining(entry -> keys.add(entry.key));
    }
    for (final String key : keys) {
      final List<ParkedRecord> queue = new ArrayList<>(parked.get(key).getRecords());
      while (!queue.isEmpty()) {
        final ParkedRecord head = queue.get(0);
        final boolean arrived =
            head.getMissing().isEmpty() || reference.get(head.getMissing()) != null;
        if (arrived) {
          queue.remove(0);
          audit(
              key,
              AuditType.LOOKUP_RELEASED,
              "released: lookup target present",
              head.getTimestamp());
          release.accept(origin(head));
        } else if (now - head.getParkedAtMillis() >= wiring.timeout().toMillis()) {
          queue.remove(0);
          owner.deadLetter(
              origin(head),
              Direction.ERP_TO_CRM,
              ErrorCategory.LOOKUP_TIMEOUT,
              wiring.referenceTable()
                  + "("
                  + head.getMissing()
                  + ") did not arrive within "
                  + wiring.timeout(),
              Counter.EXPIRED);
        } else {
          break;
        }
      }
      if (queue.isEmpty()) {
        parked.delete(key);
      } else {
        parked.put(key, new ParkedRecords(queue));
      }
    }
  }

  private void audit(
      final String key, final AuditType type, final String resolution, final long timestamp) {
    owner.forwardAudit(
        key,
        AuditEvent.newBuilder()
            .setType(type)
            .setTemplate(owner.templateId())
            .setEntityKey(key)
            .setResolution(resolution)
            .setTime(Instant.ofEpochMilli(context.currentSystemTimeMs()))
            .build(),
        timestamp);
  }

  private static Origin origin(final ParkedRecord record) {
    return new Origin(
        record.getTopic(),
        record.getPartition(),
        record.getOffset(),
        record.getTimestamp(),
        record.getKey() == null ? null : bytes(record.getKey()),
        bytes(record.getValue()));
  }

  private static byte[] bytes(final ByteBuffer buffer) {
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
