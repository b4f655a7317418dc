package io.loyaltysync.topology;

import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The expected outputs of a run: its inputs, in the order they were sent, through the same topology
 * in a TopologyTestDriver, which processes each record to the end before the next and never
 * crashes.
 */
final class Oracle {

  private Oracle() {}

  static Outputs replay(final Map<String, String> options, final List<Input> inputs) {
    try (SyncFixture fixture = new SyncFixture(options)) {
      final Map<Template, Map<Side, TestInputTopic<String, SpecificRecord>>> feeds =
          new EnumMap<>(Template.class);
      final Map<Template, Map<Side, TestInputTopic<byte[], byte[]>>> rawFeeds =
          new EnumMap<>(Template.class);
      for (final Template template : Template.values()) {
        feeds.put(template, new EnumMap<>(Side.class));
        rawFeeds.put(template, new EnumMap<>(Side.class));
        for (final Side side : Side.values()) {
          feeds.get(template).put(side, fixture.feed(template, side));
          rawFeeds.get(template).put(side, fixture.rawFeed(template, side));
        }
      }
      final TestInputTopic<String, TransactionCurrencyChange> currencies = fixture.currencies();
      for (final Input input : inputs) {
        if (input.isCurrency()) {
          currencies.pipeInput(input.key(), (TransactionCurrencyChange) input.value());
        } else if (input.raw() != null) {
          rawFeeds
              .get(input.template())
              .get(input.side())
              .pipeInput(input.key().getBytes(StandardCharsets.UTF_8), input.raw());
        } else {
          feeds.get(input.template()).get(input.side()).pipeInput(input.key(), input.value());
        }
      }
      final Outputs expected = new Outputs(fixture.topics());
      for (final Topics.Topic<?> topic : Outputs.of(fixture.topics())) {
        final TestOutputTopic<String, byte[]> output =
            fixture
                .driver()
                .createOutputTopic(
                    topic.name(), new StringDeserializer(), new ByteArrayDeserializer());
        for (final TestRecord<String, byte[]> record : output.readRecordsToList()) {
          expected.add(topic.name(), record.key(), record.value());
        }
      }
      return expected;
    }
  }
}
