package io.loyaltysync.error;

import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.avro.error.ErrorCategory;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds dead-letter records: the reason and the original record, exactly as it was read. */
public final class DeadLetters {

  private DeadLetters() {}

  /**
   * Where the failed record came from.
   *
   * @param topic source topic
   * @param partition source partition
   * @param offset source offset
   * @param timestampMillis the record's timestamp
   * @param key the original key bytes, or null
   * @param value the original value bytes, or null
   */
  public record Origin(
      String topic, int partition, long offset, long timestampMillis, byte[] key, byte[] value) {}

  /**
   * What the sync was doing when it failed.
   *
   * @param template card, level or reward-point
   * @param direction erp-to-crm or crm-to-erp
   * @param mapVersion the map version in use
   */
  public record Context(String template, String direction, String mapVersion) {}

  public static DeadLetter of(
      final Origin origin,
      final Context context,
      final ErrorCategory category,
      final String reason,
      final long nowMillis) {
    return DeadLetter.newBuilder()
        .setSourceTopic(origin.topic())
        .setPartition(origin.partition())
        .setOffset(origin.offset())
        .setTimestamp(Instant.ofEpochMilli(origin.timestampMillis()))
        .setCategory(category)
        .setReason(reason)
        .setTemplate(context.template())
        .setDirection(context.direction())
        .setMapVersion(context.mapVersion())
        .setKey(origin.key() == null ? null : ByteBuffer.wrap(origin.key()))
        .setValue(origin.value() == null ? null : ByteBuffer.wrap(origin.value()))
        .setFailedAt(Instant.ofEpochMilli(nowMillis))
        .build();
  }
}
