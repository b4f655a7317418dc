package io.loyaltysync.serde;

/**
 * Whether a serde handles record keys or values, which names its registry subject the way
 * Confluent's default TopicNameStrategy does: {@code <topic>-key} or {@code <topic>-value}.
 */
public enum RecordPart {
  KEY("-key"),
  VALUE("-value");

  private final String suffix;

  RecordPart(final String suffix) {
    this.suffix = suffix;
  }

  /** The registry subject of this part of the records of {@code topic}. */
  public String subject(final String topic) {
    return topic + suffix;
  }
}
