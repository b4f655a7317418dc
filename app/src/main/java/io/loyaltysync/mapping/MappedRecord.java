package io.loyaltysync.mapping;

import java.util.List;
import org.apache.avro.generic.IndexedRecord;

/**
 * A record mapped to the target side.
 *
 * @param record the target entity record; fields outside {@code columns} hold placeholders
 * @param columns the target columns this mapping writes, in schema order: the only ones a writer
 *     may touch (a one-way field of the other direction is not among them)
 */
public record MappedRecord(IndexedRecord record, List<String> columns) {}
