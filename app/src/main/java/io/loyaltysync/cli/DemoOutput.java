package io.loyaltysync.cli;

import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.json.AvroJson;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics;
import io.loyaltysync.topology.Topics;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What the demo shows a person: each record it publishes, each mapped record, audit event and dead
 * letter as a writer would read it, and a summary of the counts at the end.
 */
final class DemoOutput {

  private final PrintWriter out;
  private final Topics topics;
  private final Map<String, Side> outboundTarget = new LinkedHashMap<>();
  private final Map<String, Integer> in = new LinkedHashMap<>();
  private final Map<String, Integer> outbound = new LinkedHashMap<>();
  private final Map<Side, Integer> mappedTo = new EnumMap<>(Side.class);
  private final Map<AuditType, Integer> audits = new EnumMap<>(AuditType.class);
  private int deadLetters;

  DemoOutput(final PrintWriter out, final Topics topics) {
    this.out = out;
    this.topics = topics;
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        outboundTarget.put(topics.records(template, side).name(), side);
        outbound.put(topics.records(template, side).name(), 0);
      }
    }
  }

  void phase(final String name) {
    out.println();
    out.println("== " + name + " ==");
    out.flush();
  }

  void published(final DemoEvents.Event event) {
    in.merge(event.topic().name(), 1, Integer::sum);
    out.println(
        "  published  "
            + event.topic().name()
            + "  key="
            + event.key()
            + (event.raw() != null ? "  (raw bytes, not in the wire format)" : ""));
    out.flush();
  }

  /** Prints a record read from the outbound, audit or dead-letter topics and counts it. */
  void received(final ConsumerRecord<String, byte[]> record) {
    final String topic = record.topic();
    if (outboundTarget.containsKey(topic)) {
      final Side target = outboundTarget.get(topic);
      outbound.merge(topic, 1, Integer::sum);
      mappedTo.merge(target, 1, Integer::sum);
      final GenericRecord value = decode(outboundTopic(topic), record);
      out.println(
          "  -> "
              + target.product()
              + "  "
              + topic
              + "  key="
              + record.key()
              + (value == null
                  ? "  DELETE"
                  : "  UPSERT " + AvroJson.write(value, value.getSchema())));
    } else if (topic.equals(topics.audit().name())) {
      final AuditEvent audit = decode(topics.audit(), record);
      audits.merge(audit.getType(), 1, Integer::sum);
      out.println(
          "  !! audit  "
              + audit.getType()
              + "  "
              + audit.getTemplate()
              + " "
              + audit.getEntityKey()
              + (audit.getField() == null ? "" : "  field " + audit.getField())
              + (audit.getType() == AuditType.CONFLICT
                  ? "  F&O=" + audit.getErpValue() + " Dataverse=" + audit.getCrmValue()
                  : "")
              + (audit.getPolicy() == null ? "" : "  policy " + audit.getPolicy())
              + "  => "
              + audit.getResolution());
    } else if (topic.equals(topics.deadLetter().name())) {
      final DeadLetter letter = decode(topics.deadLetter(), record);
      deadLetters++;
      out.println(
          "  xx dead letter  "
              + letter.getCategory()
              + "  from "
              + letter.getSourceTopic()
              + " partition "
              + letter.getPartition()
              + " offset "
              + letter.getOffset()
              + ": "
              + letter.getReason());
    }
    out.flush();
  }

  int outboundCount() {
    return mappedTo.values().stream().mapToInt(Integer::intValue).sum();
  }

  int auditCount(final AuditType type) {
    return audits.getOrDefault(type, 0);
  }

  int deadLetterCount() {
    return deadLetters;
  }

  void summary(final Map<MetricName, ? extends Metric> metrics) {
    out.println();
    out.println("== Summary ==");
    out.println("Records in, per topic:");
    in.forEach((topic, count) -> out.printf("  %-40s %d%n", topic, count));
    out.println("Records out, per topic:");
    outbound.forEach((topic, count) -> out.printf("  %-40s %d%n", topic, count));
    out.printf(
        "Mapped records: %d to Dataverse, %d to F&O%n",
        mappedTo.getOrDefault(Side.CRM, 0), mappedTo.getOrDefault(Side.ERP, 0));
    final Map<String, Long> totals = totals(metrics);
    out.printf(
        "Echoes suppressed: %d%n", totals.getOrDefault(SyncMetrics.Counter.ECHO.metric(), 0L));
    out.printf("Conflicts audited: %d%n", auditCount(AuditType.CONFLICT));
    out.printf("Dead letters: %d%n", deadLetters);
    out.printf(
        "Audit events: %d %s%n",
        audits.values().stream().mapToInt(Integer::intValue).sum(), audits);
    out.println("Sync metrics (" + SyncMetrics.GROUP + ", all templates and directions):");
    totals.forEach((name, value) -> out.printf("  %-40s %d%n", name, value));
    out.flush();
  }

  /** Every counter of the sync metrics summed over threads, templates and directions. */
  static Map<String, Long> totals(final Map<MetricName, ? extends Metric> metrics) {
    final Map<String, Long> totals = new TreeMap<>();
    for (final SyncMetrics.Counter counter : SyncMetrics.Counter.values()) {
      totals.put(counter.metric(), 0L);
    }
    metrics.forEach(
        (name, metric) -> {
          if (SyncMetrics.GROUP.equals(name.group())
              && metric.metricValue() instanceof Number value) {
            totals.merge(name.name(), value.longValue(), Long::sum);
          }
        });
    return totals;
  }

  private Topics.Topic<GenericRecord> outboundTopic(final String name) {
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        if (topics.records(template, side).name().equals(name)) {
          return topics.records(template, side);
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static <V> V decode(final Topics.Topic<V> topic, final ConsumerRecord<String, byte[]> r) {
    return r.value() == null
        ? null
        : topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
  }
}
