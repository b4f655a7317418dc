package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static io.loyaltysync.topology.Events.erpLevel;
import static io.loyaltysync.topology.Events.erpLevelChange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad data goes to the dead-letter topic with its reason, its coordinates and its original bytes,
 * and the pipeline keeps going.
 */
class DeadLetterTest {

  @Test
  void shouldDeadLetterUndecodableBytesAsTheyWereAndKeepProcessing() {
    try (SyncFixture sync = new SyncFixture()) {
      final byte[] key = "LC-1".getBytes(StandardCharsets.UTF_8);
      final byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
      final java.time.Instant produced = java.time.Instant.parse("2026-03-01T10:15:30.123Z");
      sync.rawFeed(Template.CARD, Side.ERP).pipeInput(key, garbage, produced);
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput("LC-2", erpCardChange(Operation.CREATE, erpCard("LC-2").build(), 1, null));

      final DeadLetter dead = single(sync);
      assertEquals(ErrorCategory.DESERIALIZATION, dead.getCategory());
      assertTrue(dead.getReason().contains("wire format"), dead.getReason());
      assertEquals("erp.loyalty-card.changes", dead.getSourceTopic());
      assertEquals(0, dead.getPartition());
      assertEquals(0L, dead.getOffset());
      assertEquals(produced, dead.getTimestamp(), "the original record's timestamp");
      assertEquals("card", dead.getTemplate());
      assertEquals("erp-to-crm", dead.getDirection());
      assertEquals("1.1", dead.getMapVersion());
      assertArrayEquals(key, bytes(dead.getKey()));
      assertArrayEquals(garbage, bytes(dead.getValue()));
      assertEquals(1, sync.written(Template.CARD, Side.CRM).size(), "the next record still syncs");
      assertEquals(1, sync.count(Template.CARD, Direction.ERP_TO_CRM, Counter.DEAD_LETTER));
    }
  }

  @Test
  void shouldDeadLetterARecordWithAnUnknownSchemaId() {
    try (SyncFixture sync = new SyncFixture()) {
      final byte[] unknownId = {0, 0, 0, 0x7f, (byte) 0xff, 2, 4, 6};
      sync.rawFeed(Template.CARD, Side.CRM)
          .pipeInput("LC-1".getBytes(StandardCharsets.UTF_8), unknownId);

      final DeadLetter dead = single(sync);
      assertEquals(ErrorCategory.UNKNOWN_SCHEMA, dead.getCategory());
      assertTrue(dead.getReason().contains("32767"), dead.getReason());
      assertEquals("crm-to-erp", dead.getDirection());
    }
  }

  @Test
  void shouldDeadLetterARecordThatBreaksAnFoRuleNamingFieldAndRule() {
    try (SyncFixture sync = new SyncFixture()) {
      final String tooLong = "LC-0001234567890123456789012345";
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(tooLong, erpCardChange(Operation.CREATE, erpCard(tooLong).build(), 1, null));

      final DeadLetter dead = single(sync);
      assertEquals(ErrorCategory.VALIDATION, dead.getCategory());
      assertEquals("CARDNUMBER: at most 30 characters (was 31)", dead.getReason());
    }
  }

  @Test
  void shouldDeadLetterAValueOutsideTheValueMap() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              "LC-1",
              crmCardChange(
                  Operation.UPDATE, crmCard("LC-1").setMsdynCardtendertype(5).build(), 1, null));

      final DeadLetter dead = single(sync);
      assertEquals(ErrorCategory.MAPPING, dead.getCategory());
      assertTrue(dead.getReason().contains("value 5 is outside the value map"), dead.getReason());
    }
  }

  @Test
  void shouldDeadLetterALevelWithoutACompany() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.LEVEL, Side.ERP)
          .pipeInput("|Gold", erpLevelChange(Operation.CREATE, erpLevel("", "Gold", "top"), 1));

      final DeadLetter dead = single(sync);
      assertEquals(ErrorCategory.VALIDATION, dead.getCategory());
      assertTrue(dead.getReason().startsWith("dataAreaId: required"), dead.getReason());
    }
  }

  @Test
  void shouldDeadLetterARecordNotKeyedByItsNormalisedKey() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(" LC-1", erpCardChange(Operation.CREATE, erpCard(" LC-1").build(), 1, null));

      final DeadLetter dead = single(sync);
      assertEquals(ErrorCategory.VALIDATION, dead.getCategory());
      assertTrue(
          dead.getReason().startsWith("record key ' LC-1' is not the row's normalised key 'LC-1'"),
          dead.getReason());
    }
  }

  @Test
  void shouldDeadLetterATombstoneOnAChangeFeed() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.rawFeed(Template.CARD, Side.ERP)
          .pipeInput("LC-1".getBytes(StandardCharsets.UTF_8), (byte[]) null);

      assertEquals(ErrorCategory.DESERIALIZATION, single(sync).getCategory());
    }
  }

  private static DeadLetter single(final SyncFixture sync) {
    final List<DeadLetter> dead = sync.deadLetters().readValuesToList();
    assertEquals(1, dead.size(), dead.toString());
    return dead.get(0);
  }

  private static byte[] bytes(final ByteBuffer buffer) {
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
