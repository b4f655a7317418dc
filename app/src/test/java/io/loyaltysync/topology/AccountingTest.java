package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.OURS;
import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.crmLevel;
import static io.loyaltysync.topology.Events.crmLevelChange;
import static io.loyaltysync.topology.Events.crmRewardPoint;
import static io.loyaltysync.topology.Events.crmRewardPointChange;
import static io.loyaltysync.topology.Events.currency;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static io.loyaltysync.topology.Events.erpCardDelete;
import static io.loyaltysync.topology.Events.erpLevel;
import static io.loyaltysync.topology.Events.erpLevelChange;
import static io.loyaltysync.topology.Events.erpRewardPoint;
import static io.loyaltysync.topology.Events.erpRewardPointChange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** Every template both ways, and the accounting: every input counted exactly once. */
class AccountingTest {

  @Test
  void shouldSyncLevelsBothWaysWithTheCompanyAsALookup() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.LEVEL, Side.ERP)
          .pipeInput(
              "usmf|Gold", erpLevelChange(Operation.CREATE, erpLevel("USMF", "Gold", "top"), 1));
      sync.feed(Template.LEVEL, Side.CRM)
          .pipeInput(
              "demf|Silver", crmLevelChange(Operation.CREATE, crmLevel("demf", "Silver", null), 2));

      final KeyValue<String, GenericRecord> toCrm = sync.written(Template.LEVEL, Side.CRM).get(0);
      assertEquals("usmf|Gold", toCrm.key);
      final GenericRecord company = (GenericRecord) toCrm.value.get("msdyn_company");
      assertEquals("cdm_company", company.get("table").toString());
      assertEquals("usmf", company.get("keyValue").toString());
      final KeyValue<String, GenericRecord> toErp = sync.written(Template.LEVEL, Side.ERP).get(0);
      assertEquals("demf|Silver", toErp.key);
      assertEquals("demf", toErp.value.get("dataAreaId").toString());
      assertEquals("", toErp.value.get("LEVELDESCRIPTION").toString());
    }
  }

  @Test
  void shouldSyncRewardPointsBothWaysThroughTheirValueMaps() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.currencies().pipeInput("USD", currency("USD", 0));
      sync.feed(Template.REWARD_POINT, Side.ERP)
          .pipeInput(
              "RP-1",
              erpRewardPointChange(Operation.CREATE, erpRewardPoint("RP-1", "").build(), 1));
      sync.feed(Template.REWARD_POINT, Side.CRM)
          .pipeInput(
              "RP-2",
              crmRewardPointChange(Operation.CREATE, crmRewardPoint("RP-2", "USD").build(), 2));

      final GenericRecord toCrm = sync.written(Template.REWARD_POINT, Side.CRM).get(0).value;
      assertEquals(192350000, toCrm.get("msdyn_rewardpointtype"));
      assertEquals(true, toCrm.get("msdyn_redeemable"));
      assertEquals(806380001, toCrm.get("msdyn_expirationtimeunit"));
      final GenericRecord toErp = sync.written(Template.REWARD_POINT, Side.ERP).get(0).value;
      assertEquals("amount", toErp.get("REWARDPOINTTYPE").toString());
      assertEquals("USD", toErp.get("REWARDPOINTCURRENCY").toString());
      assertEquals("yes", toErp.get("REDEEMABLE").toString());
    }
  }

  @Test
  void shouldCountEveryInputExactlyOnce() {
    try (SyncFixture sync = new SyncFixture()) {
      final var erp = sync.feed(Template.CARD, Side.ERP);
      final var crm = sync.feed(Template.CARD, Side.CRM);
      erp.pipeInput("A", erpCardChange(Operation.CREATE, erpCard("A").build(), 1, null)); // emitted
      crm.pipeInput("A", crmCardChange(Operation.CREATE, crmCard("A").build(), 2, OURS)); // echo
      erp.pipeInput("A", erpCardChange(Operation.UPDATE, erpCard("A").build(), 3, null)); // no-op
      erp.pipeInput("A", erpCardChange(Operation.UPDATE, erpCard("A").build(), 0, null)); // stale
      sync.rawFeed(Template.CARD, Side.ERP)
          .pipeInput("B".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}); // dead letter
      crm.pipeInput(
          "A",
          crmCardChange(
              Operation.UPDATE, crmCard("A").setMsdynPartynumber("9").build(), 4, null)); // emitted
      erp.pipeInput("A", erpCardDelete("A", 5, null)); // emitted
      sync.feed(Template.REWARD_POINT, Side.ERP)
          .pipeInput(
              "RP",
              erpRewardPointChange(
                  Operation.CREATE, erpRewardPoint("RP", "EUR").build(), 6)); // parked
      sync.feed(Template.REWARD_POINT, Side.ERP)
          .pipeInput(
              "RQ",
              erpRewardPointChange(
                  Operation.CREATE, erpRewardPoint("RQ", "CHF").build(), 6)); // parked
      sync.currencies().pipeInput("EUR", currency("EUR", 7));
      sync.advanceWallClock(Duration.ofSeconds(2)); // RP released, RQ still parked

      final int cardErpInputs = 5;
      final int cardCrmInputs = 2;
      assertAddsUp(sync, Template.CARD, Direction.ERP_TO_CRM, cardErpInputs);
      assertAddsUp(sync, Template.CARD, Direction.CRM_TO_ERP, cardCrmInputs);
      assertEquals(
          3,
          sync.count(Template.CARD, Direction.ERP_TO_CRM, Counter.EMITTED)
              + sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.EMITTED));
      assertEquals(2, sync.count(Template.CARD, Direction.ERP_TO_CRM, Counter.NO_OP));
      assertEquals(1, sync.count(Template.CARD, Direction.ERP_TO_CRM, Counter.DEAD_LETTER));
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.ECHO));
      assertAddsUp(sync, Template.REWARD_POINT, Direction.ERP_TO_CRM, 2);
      assertEquals(2, sync.count(Template.REWARD_POINT, Direction.ERP_TO_CRM, Counter.PARKED));
      assertEquals(1, sync.count(Template.REWARD_POINT, Direction.ERP_TO_CRM, Counter.RELEASED));
      final List<KeyValue<String, GenericRecord>> writes = sync.written(Template.CARD, Side.CRM);
      writes.addAll(sync.written(Template.CARD, Side.ERP));
      assertEquals(
          writes.size(),
          sync.count(Template.CARD, Direction.ERP_TO_CRM, Counter.WRITES)
              + sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.WRITES));
    }
  }

  @Test
  void shouldAccountForEveryParkedRecordAndEveryConflictInEachTemplateAndDirection() {
    try (SyncFixture sync = new SyncFixture(Map.of("lookup.park-timeout", "1m"))) {
      final var points = sync.feed(Template.REWARD_POINT, Side.ERP);
      points.pipeInput(
          "RP", erpRewardPointChange(Operation.CREATE, erpRewardPoint("RP", "EUR").build(), 1));
      points.pipeInput(
          "RQ", erpRewardPointChange(Operation.CREATE, erpRewardPoint("RQ", "CHF").build(), 1));
      points.pipeInput(
          "RX", erpRewardPointChange(Operation.CREATE, erpRewardPoint("RX", "GBP").build(), 1));
      sync.currencies().pipeInput("EUR", currency("EUR", 2));
      sync.advanceWallClock(Duration.ofSeconds(2)); // RP released
      sync.advanceWallClock(Duration.ofMinutes(2)); // RQ and RX expired
      points.pipeInput(
          "RZ", erpRewardPointChange(Operation.CREATE, erpRewardPoint("RZ", "JPY").build(), 3));
      sync.advanceWallClock(Duration.ofSeconds(2)); // RZ still parked
      sync.feed(Template.REWARD_POINT, Side.CRM)
          .pipeInput(
              "RC", crmRewardPointChange(Operation.CREATE, crmRewardPoint("RC", "USD").build(), 4));
      // A level both systems edited: the conflict is counted and audited
      sync.feed(Template.LEVEL, Side.ERP)
          .pipeInput(
              "usmf|Gold", erpLevelChange(Operation.CREATE, erpLevel("USMF", "Gold", "top"), 5));
      sync.feed(Template.LEVEL, Side.CRM)
          .pipeInput(
              "usmf|Gold", crmLevelChange(Operation.CREATE, crmLevel("usmf", "Gold", "best"), 6));

      assertAddsUp(sync, Template.REWARD_POINT, Direction.ERP_TO_CRM, 4);
      assertAddsUp(sync, Template.REWARD_POINT, Direction.CRM_TO_ERP, 1);
      assertAddsUp(sync, Template.LEVEL, Direction.ERP_TO_CRM, 1);
      assertAddsUp(sync, Template.LEVEL, Direction.CRM_TO_ERP, 1);
      assertEquals(4, sync.count(Template.REWARD_POINT, Direction.ERP_TO_CRM, Counter.PARKED));
      assertEquals(1, sync.count(Template.REWARD_POINT, Direction.ERP_TO_CRM, Counter.RELEASED));
      assertEquals(2, sync.count(Template.REWARD_POINT, Direction.ERP_TO_CRM, Counter.EXPIRED));
      // What the counters say is what came out: RP written, RQ and RX dead-lettered, RZ waiting
      final List<String> written =
          sync.written(Template.REWARD_POINT, Side.CRM).stream().map(kv -> kv.key).toList();
      assertEquals(List.of("RP"), written);
      final List<String> expired =
          sync.deadLetters().readValuesToList().stream()
              .map(dead -> dead.getCategory() + " " + bytesText(dead.getKey()))
              .toList();
      assertEquals(List.of("LOOKUP_TIMEOUT RQ", "LOOKUP_TIMEOUT RX"), expired);
      assertEquals(1, sync.count(Template.LEVEL, Direction.CRM_TO_ERP, Counter.CONFLICTS));
      assertEquals(
          1,
          sync.audits().readValuesToList().stream()
              .filter(a -> a.getType().name().equals("CONFLICT"))
              .count());
    }
  }

  private static String bytesText(final java.nio.ByteBuffer bytes) {
    final byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return new String(copy, StandardCharsets.UTF_8);
  }

  /** records-in = emitted + echo-suppressed + no-op + dead-lettered + parked. */
  private static void assertAddsUp(
      final SyncFixture sync,
      final Template template,
      final Direction direction,
      final int inputs) {
    assertEquals(inputs, sync.count(template, direction, Counter.IN));
    final long classified =
        sync.count(template, direction, Counter.EMITTED)
            + sync.count(template, direction, Counter.ECHO)
            + sync.count(template, direction, Counter.NO_OP)
            + sync.count(template, direction, Counter.DEAD_LETTER)
            + sync.count(template, direction, Counter.PARKED);
    assertEquals(inputs, classified, template + " " + direction);
  }

  @Test
  void shouldRunWithNonDefaultTopicNames() {
    try (SyncFixture sync =
        new SyncFixture(Map.of("topic.prefix", "test.", "topic.card.crm-records", "cards-out"))) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput("A", erpCardChange(Operation.CREATE, erpCard("A").build(), 1, null));

      assertEquals("test.cards-out", sync.topics().records(Template.CARD, Side.CRM).name());
      assertEquals(1, sync.written(Template.CARD, Side.CRM).size());
    }
  }
}
