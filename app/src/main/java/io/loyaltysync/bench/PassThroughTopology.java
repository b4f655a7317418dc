package io.loyaltysync.bench;

import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.Topics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/**
 * The yardstick for the job's throughput: a Kafka Streams topology over the same six change topics
 * that decodes each change event with the job's registry serde and encodes it again to a topic of
 * its own, with no mapping, no state and no other output. What the job costs beyond it is the sync
 * itself: mapping, the state store and its changelog, the second side's writes.
 */
final class PassThroughTopology {

  private PassThroughTopology() {}

  /** The output topic of each change topic: {@code <prefix>passthrough.<template>.<side>}. */
  static Map<String, String> outputs(final Topics topics, final String prefix) {
    final Map<String, String> outputs = new LinkedHashMap<>();
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        outputs.put(
            topics.changes(template, side).name(),
            prefix + "passthrough." + template.id() + "." + side.name().toLowerCase(Locale.ROOT));
      }
    }
    return outputs;
  }

  /** Every change topic to its output in {@code outputs}; named, stateless. */
  static Topology build(final Topics topics, final Map<String, String> outputs) {
    final Topology topology = new Topology();
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        final Topics.Topic<SpecificRecord> feed = topics.changes(template, side);
        final String source = "ingest-" + feed.name();
        final String output = outputs.get(feed.name());
        topology.addSource(
            source, new ByteArrayDeserializer(), feed.valueSerde().deserializer(), feed.name());
        topology.addSink(
            "egress-" + output,
            output,
            new ByteArraySerializer(),
            feed.valueSerde().serializer(),
            source);
      }
    }
    return topology;
  }
}
