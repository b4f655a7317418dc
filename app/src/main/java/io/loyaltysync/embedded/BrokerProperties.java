package io.loyaltysync.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded broker's configuration: one node that is both KRaft controller and broker, on the
 * loopback interface, with every internal topic at replication factor 1 so exactly-once works on a
 * single node, and sized for a developer's machine rather than a server.
 *
 * <p>Names are the documented {@code server.properties} keys, not Kafka's config constant classes:
 * those are internal and have moved between modules from release to release. A unit test checks
 * every name against the broker's own config definition.
 */
final class BrokerProperties {

  /** The node id; kept constant so a kept data directory (formatted with it) can be reused. */
  static final int NODE_ID = 1;

  static final String LOOPBACK = "127.0.0.1";
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  /**
   * The log cleaner's key map: 4 MiB holds about 170,000 keys per cleaning pass, plenty for the
   * embedded mode, where the default (128 MiB, allocated up front) would dominate the heap.
   */
  static final String DEDUPE_BUFFER_BYTES = Integer.toString(4 * 1024 * 1024);

  private BrokerProperties() {}

  static Properties of(
      final int brokerPort,
      final int controllerPort,
      final Path dataDirectory,
      final Map<String, String> overrides) {
    final Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    // Static voters rather than a dynamic quorum: the voter set then lives in this config, not in
    // the metadata log, so a kept directory can restart with a different controller port.
    props.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
    props.put(
        "listeners",
        BROKER_LISTENER
            + "://"
            + LOOPBACK
            + ":"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + LOOPBACK
            + ":"
            + controllerPort);
    props.put("advertised.listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort);
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", BROKER_LISTENER);
    props.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("log.dirs", dataDirectory.toString());
    props.put("metadata.log.dir", dataDirectory.toString());

    // One node: every replicated internal topic at RF 1. The transaction log (min ISR 1) is what
    // exactly_once_v2 needs; share groups' state topic is created on first use.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    // Topics come from TopicAdmin with their partitions and compaction; a misspelt name must fail,
    // not quietly create a one-partition, uncompacted topic.
    props.put("auto.create.topics.enable", "false");

    // A consumer group forms at once instead of waiting 3 s for more members that never come.
    props.put("group.initial.rebalance.delay.ms", "0");
    // Registration, unfencing and controlled shutdown each wait for a heartbeat; the default
    // 2 s interval made every start and stop seconds slower.
    props.put("broker.heartbeat.interval.ms", "500");
    props.put("log.cleaner.dedupe.buffer.size", DEDUPE_BUFFER_BYTES);
    // Thread pools sized for a laptop sharing its cores with the streams job, not for a server.
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("background.threads", "2");
    props.put("group.coordinator.threads", "1");
    props.put("share.coordinator.threads", "1");

    props.putAll(overrides);
    return props;
  }
}
