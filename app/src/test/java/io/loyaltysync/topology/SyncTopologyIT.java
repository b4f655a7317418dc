package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.crmLevel;
import static io.loyaltysync.topology.Events.crmLevelChange;
import static io.loyaltysync.topology.Events.crmRewardPoint;
import static io.loyaltysync.topology.Events.crmRewardPointChange;
import static io.loyaltysync.topology.Events.currency;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static io.loyaltysync.topology.Events.erpLevel;
import static io.loyaltysync.topology.Events.erpLevelChange;
import static io.loyaltysync.topology.Events.erpRewardPoint;
import static io.loyaltysync.topology.Events.erpRewardPointChange;
import static io.loyaltysync.topology.LiveSync.decode;
import static io.loyaltysync.topology.LiveSync.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real topology under exactly-once v2 on a real broker: change events in through the change
 * topics, mapped records out on the outbound topics as a read_committed writer sees them, bad
 * records to the dead letter without stopping the flow.
 */
class SyncTopologyIT {

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void shouldSyncEveryTemplateBothWaysToTheRightOutboundTopics() {
    try (LiveSync sync = new LiveSync(kafka, "both-ways").start()) {
      final Topics topics = sync.topics();
      // Given the currency a reward point refers to
      sync.send(topics.currencies(), "USD", currency("USD", 0));
      // When each side changes a row of each template
      sync.send(
          topics.changes(Template.CARD, Side.ERP),
          "LC-1",
          erpCardChange(Operation.CREATE, erpCard("LC-1").build(), 1, null));
      sync.send(
          topics.changes(Template.CARD, Side.CRM),
          "LC-2",
          crmCardChange(Operation.CREATE, crmCard("LC-2").build(), 1, null));
      sync.send(
          topics.changes(Template.LEVEL, Side.ERP),
          "usmf|Gold",
          erpLevelChange(Operation.CREATE, erpLevel("USMF", "Gold", "top"), 1));
      sync.send(
          topics.changes(Template.LEVEL, Side.CRM),
          "demf|Silver",
          crmLevelChange(Operation.CREATE, crmLevel("demf", "Silver", "mid"), 1));
      sync.send(
          topics.changes(Template.REWARD_POINT, Side.ERP),
          "RP-1",
          erpRewardPointChange(Operation.CREATE, erpRewardPoint("RP-1", "USD").build(), 1));
      sync.send(
          topics.changes(Template.REWARD_POINT, Side.CRM),
          "RP-2",
          crmRewardPointChange(Operation.CREATE, crmRewardPoint("RP-2", "USD").build(), 1));

      // Then each lands, once, on the other side's outbound topic
      final Map<String, List<String>> expected = new TreeMap<>();
      expected.put(topics.records(Template.CARD, Side.CRM).name(), List.of("LC-1"));
      expected.put(topics.records(Template.CARD, Side.ERP).name(), List.of("LC-2"));
      expected.put(topics.records(Template.LEVEL, Side.CRM).name(), List.of("usmf|Gold"));
      expected.put(topics.records(Template.LEVEL, Side.ERP).name(), List.of("demf|Silver"));
      expected.put(topics.records(Template.REWARD_POINT, Side.CRM).name(), List.of("RP-1"));
      expected.put(topics.records(Template.REWARD_POINT, Side.ERP).name(), List.of("RP-2"));
      final List<ConsumerRecord<String, byte[]>> read =
          sync.readCommitted(outbound(topics), records -> records.size() >= 6, "6 mapped records");
      assertEquals(expected, keysByTopic(read));

      final GenericRecord rewardPointToCrm =
          decode(topics.records(Template.REWARD_POINT, Side.CRM), only(read, "RP-1"));
      final GenericRecord currencyLookup =
          (GenericRecord) rewardPointToCrm.get("msdyn_rewardpointcurrency");
      assertEquals("transactioncurrency", currencyLookup.get("table").toString());
      assertEquals("USD", currencyLookup.get("keyValue").toString());
      final GenericRecord levelToErp =
          decode(topics.records(Template.LEVEL, Side.ERP), only(read, "demf|Silver"));
      assertEquals("demf", levelToErp.get("dataAreaId").toString());
    }
  }

  @Test
  void shouldDeadLetterUndecodableBytesAndAnUnknownSchemaIdAndKeepSyncing() {
    try (LiveSync sync = new LiveSync(kafka, "dead-letters").start()) {
      final Topics topics = sync.topics();
      final byte[] garbage = utf8("{\"not\": \"avro\"}");
      final byte[] unknownSchemaId = {0, 0, 0, 0x7f, (byte) 0xff, 2, 4, 6};

      // Same key as the good record: same partition, same task, so that task keeps going.
      sync.sendRaw(topics.changes(Template.CARD, Side.ERP), utf8("LC-OK"), garbage);
      sync.sendRaw(topics.changes(Template.CARD, Side.CRM), utf8("LC-OK"), unknownSchemaId);
      sync.send(
          topics.changes(Template.CARD, Side.ERP),
          "LC-OK",
          erpCardChange(Operation.CREATE, erpCard("LC-OK").build(), 1, null));

      final List<ConsumerRecord<String, byte[]>> read =
          sync.readCommitted(
              List.of(topics.deadLetter(), topics.records(Template.CARD, Side.CRM)),
              records -> records.size() >= 3,
              "2 dead letters and the good card");
      final Map<ErrorCategory, DeadLetter> dead = new TreeMap<>();
      for (final ConsumerRecord<String, byte[]> record : read) {
        if (record.topic().equals(topics.deadLetter().name())) {
          final DeadLetter letter = decode(topics.deadLetter(), record);
          dead.put(letter.getCategory(), letter);
        }
      }
      assertEquals(
          List.of(ErrorCategory.DESERIALIZATION, ErrorCategory.UNKNOWN_SCHEMA),
          new ArrayList<>(dead.keySet()));
      final DeadLetter undecodable = dead.get(ErrorCategory.DESERIALIZATION);
      assertEquals(topics.changes(Template.CARD, Side.ERP).name(), undecodable.getSourceTopic());
      assertArrayEquals(garbage, bytes(undecodable.getValue()));
      final DeadLetter unknown = dead.get(ErrorCategory.UNKNOWN_SCHEMA);
      assertEquals(topics.changes(Template.CARD, Side.CRM).name(), unknown.getSourceTopic());
      assertArrayEquals(unknownSchemaId, bytes(unknown.getValue()));
      assertEquals(
          List.of("LC-OK"),
          keysByTopic(read).get(topics.records(Template.CARD, Side.CRM).name()),
          "the good record after the bad ones still syncs");
    }
  }

  private static List<Topics.Topic<?>> outbound(final Topics topics) {
    final List<Topics.Topic<?>> outbound = new ArrayList<>();
    for (final Template template : Template.values()) {
      for (final Side side : Side.values()) {
        outbound.add(topics.records(template, side));
      }
    }
    return outbound;
  }

  private static Map<String, List<String>> keysByTopic(
      final List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .collect(
            Collectors.groupingBy(
                ConsumerRecord::topic,
                TreeMap::new,
                Collectors.mapping(ConsumerRecord::key, Collectors.toList())));
  }

  private static ConsumerRecord<String, byte[]> only(
      final List<ConsumerRecord<String, byte[]>> records, final String key) {
    final List<ConsumerRecord<String, byte[]>> matching =
        records.stream().filter(record -> key.equals(record.key())).toList();
    assertEquals(1, matching.size(), key);
    return matching.get(0);
  }

  private static byte[] bytes(final ByteBuffer buffer) {
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
