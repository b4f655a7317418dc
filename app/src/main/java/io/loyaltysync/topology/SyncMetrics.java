package io.loyaltysync.topology;

import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Template;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * The sync's accounting, per template and direction, as Kafka metrics (group {@value #GROUP}).
 * Every input record is counted once as emitted, echo-suppressed, no-op, dead-lettered or parked,
 * so those five add up to {@code records-in}; a parked record is later counted once as released or
 * expired.
 */
public final class SyncMetrics {

  public static final String GROUP = "loyalty-sync-metrics";

  /** What is counted. */
  public enum Counter {
    IN("records-in-total", "Change events read."),
    EMITTED("records-emitted-total", "Change events that caused at least one write."),
    ECHO(
        "records-echo-suppressed-total",
        "Echoes of this app's own writes, confirmed and not propagated."),
    NO_OP(
        "records-no-op-total",
        "Change events that needed no write: repeats, stale events, lost conflicts."),
    DEAD_LETTER("records-dead-lettered-total", "Change events sent to the dead-letter topic."),
    PARKED("records-parked-total", "Change events parked until their lookup target arrives."),
    RELEASED("records-released-total", "Parked change events released and processed."),
    EXPIRED("records-expired-total", "Parked change events dead-lettered after the park timeout."),
    WRITES("writes-total", "Records written to the outbound topics (upserts and deletes)."),
    CONFLICTS("conflicts-total", "Conflicts resolved by the policy (audited)."),
    IGNORED_EDITS("ignored-edits-total", "Edits of one-way fields on the wrong side (audited).");

    private final String metric;
    private final String description;

    Counter(final String metric, final String description) {
      this.metric = metric;
      this.description = description;
    }

    public String metric() {
      return metric;
    }
  }

  private final Map<Direction, EnumMap<Counter, Sensor>> sensors = new EnumMap<>(Direction.class);

  public SyncMetrics(final StreamsMetrics metrics, final Template template, final String threadId) {
    for (final Direction direction : Direction.values()) {
      final EnumMap<Counter, Sensor> byCounter = new EnumMap<>(Counter.class);
      for (final Counter counter : Counter.values()) {
        final Map<String, String> tags = new LinkedHashMap<>();
        tags.put("thread-id", threadId);
        tags.put("template", template.id());
        tags.put("direction", direction.label());
        final String sensorName =
            String.join(
                ".", "loyalty-sync", threadId, template.id(), direction.label(), counter.metric);
        final Sensor sensor = metrics.addSensor(sensorName, Sensor.RecordingLevel.INFO);
        final MetricName name = new MetricName(counter.metric, GROUP, counter.description, tags);
        // Sensors are per thread and shared by its tasks: the first task registers the metric.
        if (!sensor.hasMetrics()) {
          sensor.add(name, new CumulativeCount());
        }
        byCounter.put(counter, sensor);
      }
      sensors.put(direction, byCounter);
    }
  }

  public void count(final Direction direction, final Counter counter) {
    sensors.get(direction).get(counter).record();
  }

  public void count(final Direction direction, final Counter counter, final int times) {
    final Sensor sensor = sensors.get(direction).get(counter);
    for (int i = 0; i < times; i++) {
      sensor.record();
    }
  }
}
