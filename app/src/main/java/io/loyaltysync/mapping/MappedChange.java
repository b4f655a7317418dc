package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import org.apache.avro.generic.IndexedRecord;

/**
 * A change event mapped to the other side: an upsert of the mapped record, or a delete.
 *
 * @param operation the source operation (CREATE, UPDATE, SNAPSHOT become upserts)
 * @param key the normalised key record
 * @param value the mapped record; null for a delete
 * @param source the source event's metadata, for traceability
 * @param sourceImage the row as the source side reported it (the event's after-image); null for a
 *     delete
 */
public record MappedChange(
    Operation operation,
    IndexedRecord key,
    MappedRecord value,
    SourceMetadata source,
    IndexedRecord sourceImage) {

  public boolean isDelete() {
    return operation == Operation.DELETE;
  }
}
