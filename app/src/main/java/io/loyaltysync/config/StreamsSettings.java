package io.loyaltysync.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings of the job, in one place. Precedence, lowest first: the safety
 * defaults here (exactly-once v2, explicit naming of every internal resource, byte-array default
 * serdes so nothing is decoded implicitly), then the job's own options, then {@code kafka.*}
 * options, passed as they are. A {@code kafka.*} option that would override one of the job's own
 * options, or the explicit naming, is refused by {@link SyncConfig} (see {@link #refusal}).
 */
public final class StreamsSettings {

  /** The settings {@link #of} takes from the job's own options, each with its option. */
  private static final Map<String, String> OPTION_OF_SETTING =
      Map.of(
          StreamsConfig.APPLICATION_ID_CONFIG, "application.id",
          StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "processing.guarantee",
          StreamsConfig.NUM_STREAM_THREADS_CONFIG, "num.stream.threads",
          StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "bootstrap.servers",
          StreamsConfig.STATE_DIR_CONFIG, "state.dir");

  /**
   * The prefixes under which Kafka Streams passes a setting to one client only; a client's own
   * bootstrap.servers would override the job's for it.
   */
  private static final List<String> CLIENT_PREFIXES =
      List.of(
          StreamsConfig.CONSUMER_PREFIX,
          StreamsConfig.MAIN_CONSUMER_PREFIX,
          StreamsConfig.RESTORE_CONSUMER_PREFIX,
          StreamsConfig.GLOBAL_CONSUMER_PREFIX,
          StreamsConfig.PRODUCER_PREFIX,
          StreamsConfig.ADMIN_CLIENT_PREFIX);

  private StreamsSettings() {}

  /**
   * Why a {@code kafka.*} option may not set {@code setting} (named without the prefix), if it may
   * not: the job sets it from one of its own options, or always the same way.
   */
  static Optional<String> refusal(final String setting) {
    if (setting.equals(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG)) {
      return Optional.of(
          "the job always names its internal topics and stores explicitly (true), so that a"
              + " change of the topology cannot rename them; it cannot be changed");
    }
    String unprefixed = setting;
    for (final String prefix : CLIENT_PREFIXES) {
      if (setting.startsWith(prefix)
          && setting.substring(prefix.length()).equals(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
        unprefixed = StreamsConfig.BOOTSTRAP_SERVERS_CONFIG;
      }
    }
    return Optional.ofNullable(OPTION_OF_SETTING.get(unprefixed))
        .map(option -> "set " + option + " instead");
  }

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
