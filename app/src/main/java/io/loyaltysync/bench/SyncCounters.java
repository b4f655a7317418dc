package io.loyaltysync.bench;

import io.loyaltysync.topology.SyncMetrics;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** The job's accounting ({@link SyncMetrics}), summed over threads, templates and directions. */
final class SyncCounters {

  private SyncCounters() {}

  /** Every counter of a running instance of the job. */
  static Map<SyncMetrics.Counter, Long> of(final KafkaStreams streams) {
    final Map<SyncMetrics.Counter, Long> totals = new EnumMap<>(SyncMetrics.Counter.class);
    for (final SyncMetrics.Counter counter : SyncMetrics.Counter.values()) {
      totals.put(counter, 0L);
    }
    final Map<MetricName, ? extends Metric> metrics = streams.metrics();
    for (final Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
      if (SyncMetrics.GROUP.equals(metric.getKey().group())
          && metric.getValue().metricValue() instanceof Number value) {
        for (final SyncMetrics.Counter counter : SyncMetrics.Counter.values()) {
          if (counter.metric().equals(metric.getKey().name())) {
            totals.merge(counter, value.longValue(), Long::sum);
          }
        }
      }
    }
    return totals;
  }
}
