package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.OURS;
import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.crmCardDelete;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static io.loyaltysync.topology.Events.erpCardDelete;
import static io.loyaltysync.topology.SyncRulesFixtures.CARD;
import static io.loyaltysync.topology.SyncRulesFixtures.cardInBothSystems;
import static io.loyaltysync.topology.SyncRulesFixtures.single;
import static io.loyaltysync.topology.SyncRulesFixtures.userEditsParty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * The sync rules of design.md for deletes, one test each, through the whole topology: a delete
 * passed on both ways as a tombstone, a deleted row never resurrected by a late echo or an older
 * update, a delete racing an update under each conflict policy, an update that re-creates its
 * side's deleted row, and a tombstone purged after its retention. Cards throughout; the rules are
 * the same for every template.
 */
class DeleteRulesTest {

  @Test
  void shouldCountOnlyTheFieldsAnUpdateChangedAsEditsWhenItReCreatesItsSidesDeletedRow() {
    try (SyncFixture sync = cardInBothSystems()) {
      // F&O deletes the card; this app's writer then puts a row with party P2 into F&O
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 5, null));
      final var putBack = erpCard(CARD).setPARTYNUMBER("P2");
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.CREATE, putBack.build(), 6, OURS));
      // An F&O user changes only the enrollment date of that row at minute 8: the row is back
      final java.time.LocalDate leapDay = java.time.LocalDate.of(2028, 2, 29);
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(
              CARD,
              erpCardChange(
                  Operation.UPDATE, putBack.setLOYALTYENROLLMENTDATE(leapDay).build(), 8, null));
      sync.written(Template.CARD, Side.CRM);
      sync.written(Template.CARD, Side.ERP);

      // A Dataverse user, unaware of the delete, changed the party at minute 7: after F&O's
      // delete, so it beats the party F&O only showed
      userEditsParty(sync, Side.CRM, "P3", 7);

      final GenericRecord toErp = sync.written(Template.CARD, Side.ERP).get(0).value;
      assertEquals("P3", toErp.get("PARTYNUMBER").toString());
      assertEquals(leapDay, toErp.get("LOYALTYENROLLMENTDATE"), "F&O's edit stays");
    }
  }

  @Test
  void shouldDeleteBothWaysAsTombstones() {
    try (SyncFixture sync = cardInBothSystems()) {
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 5, null));

      final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
      assertEquals(1, toCrm.size());
      assertEquals(CARD, toCrm.get(0).key);
      assertNull(toCrm.get(0).value, "a tombstone");

      sync.feed(Template.CARD, Side.CRM).pipeInput(CARD, crmCardDelete(CARD, 6, OURS));
      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      assertEquals(
          2,
          sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.ECHO),
          "the create's and the delete's");
    }
  }

  @Test
  void shouldNotResurrectADeletedRowWithALateEchoOrAnOlderUpdate() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.CREATE, erpCard(CARD).build(), 1, null));
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 2, null));
      sync.written(Template.CARD, Side.CRM);

      // The echo of our create arrives after F&O's delete; then F&O's feed re-delivers the
      // create, older than the delete.
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(CARD, crmCardChange(Operation.CREATE, crmCard(CARD).build(), 3, OURS));
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.CREATE, erpCard(CARD).build(), 1, null));

      assertEquals(List.of(), sync.written(Template.CARD, Side.CRM));
      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      sync.feed(Template.CARD, Side.CRM).pipeInput(CARD, crmCardDelete(CARD, 4, OURS));
      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      assertEquals(List.of(), sync.written(Template.CARD, Side.CRM));
    }
  }

  @Test
  void shouldLetANewerUpdateWinOverADeleteItRacedUnderLastWriterWins() {
    try (SyncFixture sync = cardInBothSystems()) {
      // F&O deleted the card at minute 5; Dataverse edited it at minute 6, before our tombstone
      // reached it.
      foDeleteRacesADataverseEdit(sync, 5, 6);

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals(1, toErp.size(), "the row is re-created in F&O");
      assertEquals("CRM", toErp.get(0).value.get("PARTYNUMBER").toString());
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.CONFLICTS));
    }
  }

  @Test
  void shouldKeepADeleteThatIsNewerThanTheUpdateItRaced() {
    try (SyncFixture sync = cardInBothSystems()) {
      foDeleteRacesADataverseEdit(sync, 7, 6);

      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      assertEquals(
          List.of(), sync.written(Template.CARD, Side.CRM), "the tombstone is still pending");
      assertTrue(single(sync, AuditType.CONFLICT).getResolution().startsWith("row deleted"));
    }
  }

  @Test
  void shouldLetFoWinADeleteRacingAnUpdateUnderErpWinsWhateverTheTimestamps() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "erp-wins"))) {
      // F&O deleted the card at minute 5; Dataverse edited it later, at minute 6, before our
      // tombstone reached it
      foDeleteRacesADataverseEdit(sync, 5, 6);

      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP), "F&O's delete stands");
      final AuditEvent conflict = single(sync, AuditType.CONFLICT);
      assertEquals("erp-wins", conflict.getPolicy());
      assertTrue(conflict.getResolution().startsWith("row deleted"), conflict.getResolution());
    }
  }

  @Test
  void shouldLetDataverseWinAnUpdateRacingADeleteUnderCrmWinsWhateverTheTimestamps() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "crm-wins"))) {
      // F&O deleted the card at minute 7; Dataverse edited it earlier, at minute 6, unaware of
      // the delete
      foDeleteRacesADataverseEdit(sync, 7, 6);

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals(1, toErp.size(), "the row is re-created in F&O");
      assertEquals("CRM", toErp.get(0).value.get("PARTYNUMBER").toString());
      final AuditEvent conflict = single(sync, AuditType.CONFLICT);
      assertEquals("crm-wins", conflict.getPolicy());
      assertTrue(conflict.getResolution().startsWith("row kept"), conflict.getResolution());
    }
  }

  @Test
  void shouldPurgeATombstoneAfterItsRetention() {
    try (SyncFixture sync =
        cardInBothSystems(
            Map.of("sync.tombstone-retention", "1h", "sync.tombstone-purge-interval", "10m"))) {
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 5, null));
      final var store = sync.driver().getKeyValueStore("sync-state-card");
      assertFalse(store.get(CARD) == null);

      sync.advanceWallClock(Duration.ofMinutes(50));
      assertFalse(store.get(CARD) == null, "kept within the retention");
      sync.advanceWallClock(Duration.ofMinutes(20));
      assertNull(store.get(CARD));
    }
  }

  /**
   * F&amp;O deletes the card at {@code deletedAt} and our tombstone goes out to Dataverse; before
   * it lands, Dataverse reports a user's edit of the party number to "CRM" made at {@code
   * editedAt}.
   */
  private static void foDeleteRacesADataverseEdit(
      final SyncFixture sync, final int deletedAt, final int editedAt) {
    sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, deletedAt, null));
    sync.written(Template.CARD, Side.CRM);
    sync.feed(Template.CARD, Side.CRM)
        .pipeInput(
            CARD,
            crmCardChange(
                Operation.UPDATE,
                crmCard(CARD).setMsdynPartynumber("CRM").build(),
                editedAt,
                null));
  }
}
