package io.loyaltysync.serde;

import io.loyaltysync.avro.error.ErrorCategory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Record bytes that cannot be turned into a record: bad data, so the topology dead-letters the
 * original bytes with {@link #category()} and {@link #reason()} and carries on. A {@link
 * SerializationException} so that Kafka's own handlers also recognise it as a data error.
 */
public final class UndecodableRecordException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final ErrorCategory category;

  public UndecodableRecordException(
      final ErrorCategory category, final String reason, final Throwable cause) {
    super(reason, cause);
    this.category = category;
  }

  /** Bytes that are not in the expected format or do not decode with their writer schema. */
  public static UndecodableRecordException deserialization(
      final String reason, final Throwable cause) {
    return new UndecodableRecordException(ErrorCategory.DESERIALIZATION, reason, cause);
  }

  /** DESERIALIZATION or UNKNOWN_SCHEMA. */
  public ErrorCategory category() {
    return category;
  }

  /** What is wrong with the bytes, fit for the dead letter's reason field. */
  public String reason() {
    return getMessage();
  }
}
