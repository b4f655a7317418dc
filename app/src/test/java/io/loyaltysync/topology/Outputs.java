package io.loyaltysync.topology;

import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.OutboundRecords;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;

/**
 * The records of the job's output topics (outbound, audit, dead letter), per topic and key in the
 * order written, each as text that leaves out what differs between two correct runs of the same
 * inputs: where the input was (partition, offset), wall-clock times, and the schema id in bytes
 * kept as they came.
 */
final class Outputs {

  private static final int SCHEMA_ID_END = 5;
  private static final int MAX_LINES = 60;

  private final Topics topics;
  private final Map<String, Template> templateByTopic = new HashMap<>();
  private final Map<String, Side> sideByTopic = new HashMap<>();
  private final Map<String, List<String>> byTopicKey = new TreeMap<>();
  private int count;

  /**
   * @param topics the topics, with the serdes to read them with
   */
  Outputs(final Topics topics) {
    this.topics = topics;
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        templateByTopic.put(topics.records(template, side).name(), template);
        sideByTopic.put(topics.records(template, side).name(), side);
      }
    }
  }

  /** Every output topic of the job. */
  static List<Topics.Topic<?>> of(final Topics topics) {
    final List<Topics.Topic<?>> all = new ArrayList<>();
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        all.add(topics.records(template, side));
      }
    }
    all.add(topics.audit());
    all.add(topics.deadLetter());
    return all;
  }

  /** Adds one record as read from {@code topic}, its value in the wire format. */
  void add(final String topic, final String key, final byte[] value) {
    byTopicKey.computeIfAbsent(topic + " " + key, k -> new ArrayList<>()).add(text(topic, value));
    count++;
  }

  int count() {
    return count;
  }

  /** The topics that have records. */
  Set<String> topics() {
    final Set<String> topics = new TreeSet<>();
    byTopicKey
        .keySet()
        .forEach(topicKey -> topics.add(topicKey.substring(0, topicKey.indexOf(' '))));
    return topics;
  }

  /** The records of every topic under {@code key}, topic by topic. */
  Map<String, List<String>> byKey(final String key) {
    final Map<String, List<String>> records = new TreeMap<>();
    byTopicKey.forEach(
        (topicKey, values) -> {
          if (topicKey.endsWith(" " + key)) {
            records.put(topicKey.substring(0, topicKey.length() - key.length() - 1), values);
          }
        });
    return records;
  }

  /** The keys whose records differ between this (the expected) and {@code actual}. */
  Set<String> differingKeys(final Outputs actual) {
    final Set<String> topicKeys = new TreeSet<>(byTopicKey.keySet());
    topicKeys.addAll(actual.byTopicKey.keySet());
    final Set<String> keys = new TreeSet<>();
    for (final String topicKey : topicKeys) {
      if (!byTopicKey
          .getOrDefault(topicKey, List.of())
          .equals(actual.byTopicKey.getOrDefault(topicKey, List.of()))) {
        keys.add(topicKey.substring(topicKey.indexOf(' ') + 1));
      }
    }
    return keys;
  }

  /**
   * What {@code actual} has that this (the expected) has not, and the other way round, per topic
   * and key: empty when both hold the same records in the same order.
   */
  String differencesFrom(final Outputs actual) {
    final List<String> lines = new ArrayList<>();
    int missing = 0;
    int duplicated = 0;
    int unexpected = 0;
    int reordered = 0;
    final Set<String> topicKeys = new TreeSet<>(byTopicKey.keySet());
    topicKeys.addAll(actual.byTopicKey.keySet());
    for (final String topicKey : topicKeys) {
      final List<String> want = byTopicKey.getOrDefault(topicKey, List.of());
      final List<String> got = actual.byTopicKey.getOrDefault(topicKey, List.of());
      if (want.equals(got)) {
        continue;
      }
      final Map<String, Integer> wanted = counts(want);
      final Map<String, Integer> found = counts(got);
      final Set<String> values = new HashSet<>(wanted.keySet());
      values.addAll(found.keySet());
      boolean counted = false;
      for (final String value : values) {
        final int w = wanted.getOrDefault(value, 0);
        final int f = found.getOrDefault(value, 0);
        if (w == f) {
          continue;
        }
        counted = true;
        final String what;
        if (f < w) {
          what = "missing    (" + f + " of " + w + ")";
          missing += w - f;
        } else if (w > 0) {
          what = "duplicated (" + f + " of " + w + ")";
          duplicated += f - w;
        } else {
          what = "unexpected (" + f + ")";
          unexpected += f;
        }
        lines.add(what + " " + topicKey + ": " + value);
      }
      if (!counted) {
        reordered++;
        lines.add("reordered  " + topicKey + ": expected " + want + " but found " + got);
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    final StringBuilder report =
        new StringBuilder(
            String.format(
                "%d missing, %d duplicated, %d unexpected, %d keys reordered"
                    + " (expected %d records, found %d):%n",
                missing, duplicated, unexpected, reordered, count, actual.count));
    lines.stream().limit(MAX_LINES).forEach(line -> report.append("  ").append(line).append('\n'));
    if (lines.size() > MAX_LINES) {
      report.append("  ... and ").append(lines.size() - MAX_LINES).append(" more\n");
    }
    return report.toString();
  }

  private String text(final String topic, final byte[] value) {
    if (value == null) {
      return "tombstone";
    }
    if (topic.equals(topics.audit().name())) {
      final AuditEvent audit = topics.audit().valueSerde().deserializer().deserialize(topic, value);
      return AuditEvent.newBuilder(audit).setTime(Instant.EPOCH).build().toString();
    }
    if (topic.equals(topics.deadLetter().name())) {
      final DeadLetter letter =
          topics.deadLetter().valueSerde().deserializer().deserialize(topic, value);
      return DeadLetter.newBuilder(letter)
          .setPartition(0)
          .setOffset(0)
          .setTimestamp(Instant.EPOCH)
          .setFailedAt(Instant.EPOCH)
          .setValue(withoutSchemaId(letter.getValue()))
          .build()
          .toString();
    }
    final Topics.Topic<GenericRecord> records =
        topics.records(templateByTopic.get(topic), sideByTopic.get(topic));
    final GenericRecord record = records.valueSerde().deserializer().deserialize(topic, value);
    // topic-partition@offset of the cause: the oracle's partitions and offsets are not the
    // broker's. The cause's source transaction id, unique per event, still names it.
    record.put(OutboundRecords.SOURCE_EVENT_ID, null);
    return record.toString();
  }

  /** A record in the wire format names its schema by an id each registry assigns its own way. */
  private static ByteBuffer withoutSchemaId(final ByteBuffer value) {
    if (value == null || value.remaining() < SCHEMA_ID_END || value.get(value.position()) != 0) {
      return value;
    }
    final ByteBuffer copy = ByteBuffer.allocate(value.remaining());
    copy.put(value.duplicate());
    copy.putInt(1, 0);
    copy.rewind();
    return copy;
  }

  private static Map<String, Integer> counts(final List<String> values) {
    final Map<String, Integer> counts = new HashMap<>();
    values.forEach(value -> counts.merge(value, 1, Integer::sum));
    return counts;
  }
}
