package io.loyaltysync.mapping;

/** Turns one source field value into the target field value; compiled once per map row. */
@FunctionalInterface
interface FieldConverter {
  Object convert(Object value) throws RecordRejectedException;
}
