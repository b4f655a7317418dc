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
 */
public record MappedChange(
    Operation operation, IndexedRecord key, MappedRecord value, SourceMetadata source) {

  public boolean isDelete() {
    return operation == Operation.DELETE;
  }
}
