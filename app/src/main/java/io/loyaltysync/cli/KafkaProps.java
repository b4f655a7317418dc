package io.loyaltysync.cli;

import io.loyaltysync.config.SyncConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/** Settings of the plain Kafka clients (admin, producer, consumer) the commands use. */
final class KafkaProps {

  private KafkaProps() {}

  /**
   * The cluster and the {@code kafka.*} options (security, tuning), so these clients connect the
   * way the job does.
   */
  static Map<String, Object> of(final SyncConfig config, final String bootstrapServers) {
    final Map<String, Object> props = new HashMap<>(config.kafkaOverrides());
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }
}
