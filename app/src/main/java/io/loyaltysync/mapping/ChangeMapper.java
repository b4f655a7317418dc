package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** Maps one side's change events (operation, key, after-image, source) to the other side. */
public final class ChangeMapper {

  private final Direction direction;
  private final int opPosition;
  private final int keyPosition;
  private final int afterPosition;
  private final int sourcePosition;
  private final RecordMapper mapper;
  private final KeyPlan keys;
  private final SourceSystem expectedSystem;

  ChangeMapper(
      final Direction direction,
      final Schema eventSchema,
      final RecordMapper mapper,
      final KeyPlan keys) {
    this.direction = direction;
    this.opPosition = eventSchema.getField("op").pos();
    this.keyPosition = eventSchema.getField("key").pos();
    this.afterPosition = eventSchema.getField("after").pos();
    this.sourcePosition = eventSchema.getField("source").pos();
    this.mapper = mapper;
    this.keys = keys;
    this.expectedSystem = SourceSystem.valueOf(direction.source().name());
  }

  public Direction direction() {
    return direction;
  }

  public RecordMapper recordMapper() {
    return mapper;
  }

  /**
   * Maps a change event of the source side.
   *
   * @throws RecordRejectedException when the event or its row is invalid, or cannot be mapped
   */
  public MappedChange map(final IndexedRecord event) throws RecordRejectedException {
    final Operation op = (Operation) event.get(opPosition);
    final IndexedRecord declaredKey = (IndexedRecord) event.get(keyPosition);
    final IndexedRecord after = (IndexedRecord) event.get(afterPosition);
    final SourceMetadata source = (SourceMetadata) event.get(sourcePosition);
    if (source.getSystem() != expectedSystem) {
      throw RecordRejectedException.validation(
          "source.system: "
              + source.getSystem()
              + " on a "
              + expectedSystem
              + " change feed (direction "
              + direction.label()
              + ")");
    }
    if (op == Operation.DELETE) {
      if (declaredKey != null) {
        return new MappedChange(op, keys.normalise(declaredKey), null, source, null);
      }
      if (after != null) {
        return new MappedChange(op, keys.keyOf(after), null, source, null);
      }
      throw RecordRejectedException.validation("key: required for DELETE (after is null)");
    }
    if (after == null) {
      throw RecordRejectedException.validation("after: required for " + op);
    }
    final MappedRecord mapped = mapper.map(after);
    final IndexedRecord key = keys.keyOf(after);
    if (declaredKey != null) {
      final IndexedRecord normalised = keys.normalise(declaredKey);
      if (!normalised.equals(key)) {
        throw RecordRejectedException.validation(
            "key: " + normalised + " does not match the row's key " + key);
      }
    }
    return new MappedChange(op, key, mapped, source, after);
  }
}
