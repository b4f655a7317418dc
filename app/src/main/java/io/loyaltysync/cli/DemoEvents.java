package io.loyaltysync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import io.loyaltysync.json.AvroJson;
import io.loyaltysync.json.JsonFormatException;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo's bundled sample of change events ({@value #RESOURCE}), one JSON line each: the phase it
 * belongs to, the feed ({@code currency} or {@code <template>/<erp|crm>}), the key, and either the
 * change event as JSON or {@code raw} text sent as bytes no serde would write.
 */
final class DemoEvents {

  static final String RESOURCE = "/demo/events.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One record to publish.
   *
   * @param phase the phase it belongs to
   * @param topic where it goes
   * @param key its key
   * @param value the change event, or null for a raw record
   * @param raw the raw bytes' text, or null for a change event
   */
  record Event(String phase, Topics.Topic<?> topic, String key, Object value, String raw) {

    /**
     * The record as its change feed would publish it: key and value through the topic's serdes
     * (registering the value's schema, or looking it up), or the raw text's bytes.
     */
    ProducerRecord<byte[], byte[]> toProducerRecord() {
      final byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
      final byte[] valueBytes =
          raw != null ? raw.getBytes(StandardCharsets.UTF_8) : serializedValue();
      return new ProducerRecord<>(topic.name(), keyBytes, valueBytes);
    }

    @SuppressWarnings("unchecked")
    private byte[] serializedValue() {
      final Topics.Topic<Object> typed = (Topics.Topic<Object>) topic;
      return typed.valueSerde().serializer().serialize(typed.name(), value);
    }
  }

  private DemoEvents() {}

  static List<Event> load(final Topics topics) {
    final List<Event> events = new ArrayList<>();
    try (InputStream in = DemoEvents.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE);
      }
      final BufferedReader lines =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (!line.isBlank()) {
          events.add(parse(JSON.readTree(line), topics, number));
        }
      }
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return events;
  }

  private static Event parse(final JsonNode line, final Topics topics, final int number) {
    final String phase = line.path("phase").asText();
    final String feed = line.path("feed").asText();
    final String key = line.path("key").asText();
    final Topics.Topic<?> topic;
    final JsonNode event = line.get("event");
    try {
      if ("currency".equals(feed)) {
        topic = topics.currencies();
        return new Event(
            phase,
            topic,
            key,
            event == null ? null : AvroJson.read(event, TransactionCurrencyChange.getClassSchema()),
            text(line));
      }
      final String[] parts = feed.split("/", 2);
      final Template template =
          Template.ofId(parts[0])
              .orElseThrow(
                  () -> new IllegalStateException(RESOURCE + " line " + number + ": feed"));
      final Side side = Side.valueOf(parts[1].toUpperCase(Locale.ROOT));
      topic = topics.changes(template, side);
      return new Event(
          phase,
          topic,
          key,
          event == null ? null : AvroJson.read(event, template.changeEvent(side)),
          text(line));
    } catch (final JsonFormatException e) {
      throw new IllegalStateException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
    }
  }

  private static String text(final JsonNode line) {
    return line.has("raw") ? line.get("raw").asText() : null;
  }
}
