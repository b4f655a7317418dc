package io.loyaltysync.topology;

import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import io.loyaltysync.config.SyncConfig;
import io.loyaltysync.config.TopicRole;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.RegistrySerdes;
import io.loyaltysync.sync.OutboundRecords;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the job, declared once with its key and value serdes, built from the config. The
 * topology, the {@code topics} command and the tests all take their topics from here.
 */
public final class Topics {

  /** Who writes a topic. */
  public enum Writer {
    /** A change feed outside this app (F&amp;O or Dataverse). */
    SOURCE_FEED,
    /** This app. */
    THIS_APP
  }

  /**
   * One topic.
   *
   * @param name the topic name
   * @param keySerde serde of the record keys (the normalised key text)
   * @param valueSerde serde of the values (schema-registry wire format)
   * @param compacted whether the topic keeps the latest record per key (outbound records)
   * @param writer who writes it
   * @param description what it carries
   * @param <V> the value type
   */
  public record Topic<V>(
      String name,
      Serde<String> keySerde,
      Serde<V> valueSerde,
      boolean compacted,
      Writer writer,
      String description) {}

  private final Map<Template, Map<TopicRole, Topic<?>>> byTemplate = new EnumMap<>(Template.class);
  private final Topic<TransactionCurrencyChange> currencies;
  private final Topic<DeadLetter> deadLetter;
  private final Topic<AuditEvent> audit;

  Topics(
      final SyncConfig config,
      final RegistrySerdes serdes,
      final Map<Template, Map<Side, OutboundRecords>> outbound) {
    final Serde<String> keys = Serdes.String();
    for (final Template template : Template.values()) {
      final Map<TopicRole, Topic<?>> topics = new EnumMap<>(TopicRole.class);
      for (final Side side : Side.values()) {
        final Class<? extends SpecificRecord> eventClass = template.changeEventClass(side);
        topics.put(
            TopicRole.changes(side),
            new Topic<>(
                config.topic(template, TopicRole.changes(side)),
                keys,
                serdes.specific(eventClass),
                false,
                Writer.SOURCE_FEED,
                side.product() + " change events of " + template.id() + "s"));
        final Serde<GenericRecord> records =
            serdes.generic(outbound.get(template).get(side).schema());
        topics.put(
            TopicRole.records(side),
            new Topic<>(
                config.topic(template, TopicRole.records(side)),
                keys,
                records,
                true,
                Writer.THIS_APP,
                "mapped "
                    + template.id()
                    + " records for the "
                    + side.product()
                    + " writer; null = delete"));
      }
      byTemplate.put(template, topics);
    }
    currencies =
        new Topic<>(
            config.currencyTopic(),
            keys,
            serdes.specific(TransactionCurrencyChange.class),
            false,
            Writer.SOURCE_FEED,
            "Dataverse currency rows: the reward-point lookup's reference data");
    deadLetter =
        new Topic<>(
            config.deadLetterTopic(),
            keys,
            serdes.specific(DeadLetter.class),
            false,
            Writer.THIS_APP,
            "records that could not be processed, with reason and original bytes");
    audit =
        new Topic<>(
            config.auditTopic(),
            keys,
            serdes.specific(AuditEvent.class),
            false,
            Writer.THIS_APP,
            "conflicts, ignored one-way edits, parked and released lookups");
  }

  /** A change feed of one template. */
  @SuppressWarnings("unchecked")
  public Topic<SpecificRecord> changes(final Template template, final Side side) {
    return (Topic<SpecificRecord>) byTemplate.get(template).get(TopicRole.changes(side));
  }

  /** An outbound topic of one template. */
  @SuppressWarnings("unchecked")
  public Topic<GenericRecord> records(final Template template, final Side side) {
    return (Topic<GenericRecord>) byTemplate.get(template).get(TopicRole.records(side));
  }

  public Topic<TransactionCurrencyChange> currencies() {
    return currencies;
  }

  public Topic<DeadLetter> deadLetter() {
    return deadLetter;
  }

  public Topic<AuditEvent> audit() {
    return audit;
  }

  /** Every topic, inputs first. */
  public List<Topic<?>> all() {
    final List<Topic<?>> all = new ArrayList<>();
    for (final Template template : Template.values()) {
      all.add(changes(template, Side.ERP));
      all.add(changes(template, Side.CRM));
    }
    all.add(currencies);
    for (final Template template : Template.values()) {
      all.add(records(template, Side.CRM));
      all.add(records(template, Side.ERP));
    }
    all.add(deadLetter);
    all.add(audit);
    return all;
  }
}
