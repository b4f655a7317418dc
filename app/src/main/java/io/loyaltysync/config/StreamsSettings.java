package io.loyaltysync.config;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings of the job, in one place. Precedence, lowest first: the safety
 * defaults here (exactly-once v2, explicit naming of every internal resource, byte-array default
 * serdes so nothing is decoded implicitly), then the job's own options, then {@code kafka.*}
 * options, passed as they are.
 */
public final class StreamsSettings {

  private StreamsSettings() {}

  public static Properties of(final SyncConfig config) {
    final Properties props = new Properties();
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // The currency reference processor runs on the global thread: the same (default, log and
    // fail) processing exception handler there as on the stream threads, as Kafka 5.0 will make it.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    props.put(
        StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());

    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    if (!config.bootstrapServers().isEmpty()) {
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    }
    config.stateDir().ifPresent(dir -> props.put(StreamsConfig.STATE_DIR_CONFIG, dir));

    props.putAll(config.kafkaOverrides());
    return props;
  }
}
