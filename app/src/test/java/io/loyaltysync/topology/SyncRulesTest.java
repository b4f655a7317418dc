package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.OURS;
import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.crmCardDelete;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static io.loyaltysync.topology.Events.erpCardDelete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
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
 * The sync rules of design.md, one test each, through the whole topology: echo suppression, no-ops,
 * conflicts, one-way fields, deletes and tombstones, initial sync. Cards throughout; the rules are
 * the same for every template.
 */
class SyncRulesTest {

  private static final String CARD = "LC-000123456";

  /** Given F&amp;O created the card at minute 1 and Dataverse confirmed our write at minute 2. */
  private static SyncFixture cardInBothSystems(final Map<String, String> options) {
    final SyncFixture sync = new SyncFixture(options);
    sync.feed(Template.CARD, Side.ERP)
        .pipeInput(CARD, erpCardChange(Operation.CREATE, erpCard(CARD).build(), 1, null));
    sync.feed(Template.CARD, Side.CRM)
        .pipeInput(CARD, crmCardChange(Operation.CREATE, crmCard(CARD).build(), 2, OURS));
    sync.written(Template.CARD, Side.CRM);
    sync.written(Template.CARD, Side.ERP);
    return sync;
  }

  private static SyncFixture cardInBothSystems() {
    return cardInBothSystems(Map.of());
  }

  @Test
  void shouldWriteAnFoCardToDataverseWithExactlyTheMappedColumns() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.CREATE, erpCard(CARD).build(), 1, null));

      final List<KeyValue<String, GenericRecord>> written = sync.written(Template.CARD, Side.CRM);
      assertEquals(1, written.size());
      assertEquals(CARD, written.get(0).key);
      final GenericRecord record = written.get(0).value;
      assertEquals(806380000, record.get("msdyn_cardtendertype"));
      assertNull(record.get("msdyn_replacementcardnumber"), "F&O '' is no value in Dataverse");
      assertEquals("ERP", record.get(io.loyaltysync.sync.OutboundRecords.SOURCE_SYSTEM).toString());
      assertEquals(
          "erp.loyalty-card.changes-0@0",
          record.get(io.loyaltysync.sync.OutboundRecords.SOURCE_EVENT_ID).toString());
      assertEquals(7 + 4, record.getSchema().getFields().size(), "7 columns + 4 trace fields");
      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP), "F&O already has it");
    }
  }

  @Test
  void shouldNotWriteAnFoOnlyFieldToFo() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(CARD, crmCardChange(Operation.CREATE, crmCard(CARD).build(), 1, null));

      final GenericRecord record = sync.written(Template.CARD, Side.ERP).get(0).value;
      assertNull(record.getSchema().getField("REPLACEMENTCARDNUMBER"));
      assertEquals(6 + 4, record.getSchema().getFields().size());
    }
  }

  @Test
  void shouldNotEchoADataverseWriteBackToEitherSide() {
    try (SyncFixture sync = cardInBothSystems()) {
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.ECHO));
      assertEquals(0, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.EMITTED));
    }
  }

  @Test
  void shouldRecogniseAnEchoWithoutOriginMarkerByItsExactMatchWithAPendingWrite() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.CREATE, erpCard(CARD).build(), 1, null));
      sync.written(Template.CARD, Side.CRM);

      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(CARD, crmCardChange(Operation.CREATE, crmCard(CARD).build(), 2, null));

      assertEquals(List.of(), sync.written(Template.CARD, Side.CRM));
      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.ECHO));
    }
  }

  @Test
  void shouldTakeOnlyAMarkedEventForAnEchoUnderMarkerOnlyMatching() {
    try (SyncFixture sync = new SyncFixture(Map.of("sync.echo-matching", "marker-only"))) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.CREATE, erpCard(CARD).build(), 1, null));
      sync.written(Template.CARD, Side.CRM);

      // A Dataverse user creates the very card our write carries: an edit, not its echo
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(CARD, crmCardChange(Operation.CREATE, crmCard(CARD).build(), 2, null));
      assertEquals(0, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.ECHO));
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.NO_OP));

      // Our write lands and its marked echo confirms it
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(CARD, crmCardChange(Operation.UPDATE, crmCard(CARD).build(), 3, OURS));
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.ECHO));

      // F&O deletes the card; a Dataverse user deletes it too before our delete lands
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 4, null));
      assertNull(sync.written(Template.CARD, Side.CRM).get(0).value);
      sync.feed(Template.CARD, Side.CRM).pipeInput(CARD, crmCardDelete(CARD, 5, null));
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.ECHO));
      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      assertEquals(List.of(), sync.written(Template.CARD, Side.CRM));
    }
  }

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
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("P3").build(), 7, null));

      final GenericRecord toErp = sync.written(Template.CARD, Side.ERP).get(0).value;
      assertEquals("P3", toErp.get("PARTYNUMBER").toString());
      assertEquals(leapDay, toErp.get("LOYALTYENROLLMENTDATE"), "F&O's edit stays");
    }
  }

  @Test
  void shouldEmitNothingForARepeatedEventOrAnEditThatChangesNoMappedValue() {
    try (SyncFixture sync = cardInBothSystems()) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.UPDATE, erpCard(CARD).build(), 3, null));
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.UPDATE, erpCard(CARD).build(), 3, null));

      assertEquals(List.of(), sync.written(Template.CARD, Side.CRM));
      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      assertEquals(2, sync.count(Template.CARD, Direction.ERP_TO_CRM, Counter.NO_OP));
    }
  }

  @Test
  void shouldEmitNothingForAnUpdateThatChangesOnlyAnUnmappedField() {
    // The six-row card map 1.0 does not map LOYALTYENROLLMENTDATELOCAL
    try (SyncFixture sync = cardInBothSystems(Map.of("map.card.version", "1.0"))) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(
              CARD,
              erpCardChange(
                  Operation.UPDATE,
                  erpCard(CARD)
                      .setLOYALTYENROLLMENTDATELOCAL(java.time.LocalDate.of(2027, 3, 1))
                      .build(),
                  3,
                  null));

      assertEquals(List.of(), sync.written(Template.CARD, Side.CRM));
      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      assertEquals(1, sync.count(Template.CARD, Direction.ERP_TO_CRM, Counter.NO_OP));
    }
  }

  @Test
  void shouldIgnoreAnEventOlderThanTheLastOneSeenFromItsSide() {
    try (SyncFixture sync = cardInBothSystems()) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(
              CARD,
              erpCardChange(
                  Operation.UPDATE, erpCard(CARD).setPARTYNUMBER("OLD").build(), 0, null));

      assertEquals(List.of(), sync.written(Template.CARD, Side.CRM));
    }
  }

  @Test
  void shouldLetTheNewerEditWinAConflictUnderLastWriterWinsAndAuditIt() {
    try (SyncFixture sync = cardInBothSystems()) {
      // Both sides edit the party number without having seen the other's edit.
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 6, null));
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(
              CARD,
              erpCardChange(
                  Operation.UPDATE, erpCard(CARD).setPARTYNUMBER("ERP").build(), 5, null));

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals("CRM", toErp.get(toErp.size() - 1).value.get("PARTYNUMBER").toString());
      final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
      assertTrue(
          toCrm.isEmpty()
              || "CRM"
                  .equals(toCrm.get(toCrm.size() - 1).value.get("msdyn_partynumber").toString()));
      final AuditEvent conflict = single(sync, AuditType.CONFLICT);
      assertEquals("PARTYNUMBER", conflict.getField());
      assertEquals("ERP", conflict.getErpValue());
      assertEquals("CRM", conflict.getCrmValue());
      assertEquals("last-writer-wins", conflict.getPolicy());
      assertTrue(
          conflict.getResolution().startsWith("Dataverse value kept"), conflict.getResolution());
      assertEquals(1, sync.count(Template.CARD, Direction.ERP_TO_CRM, Counter.CONFLICTS));
    }
  }

  @Test
  void shouldGiveATieToFo() {
    try (SyncFixture sync = cardInBothSystems()) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(
              CARD,
              erpCardChange(
                  Operation.UPDATE, erpCard(CARD).setPARTYNUMBER("ERP").build(), 5, null));
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 5, null));

      final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
      assertEquals("ERP", toCrm.get(toCrm.size() - 1).value.get("msdyn_partynumber").toString());
      assertTrue(single(sync, AuditType.CONFLICT).getResolution().contains("F&O wins ties"));
    }
  }

  @Test
  void shouldLetFoWinEveryConflictUnderErpWins() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "erp-wins"))) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(
              CARD,
              erpCardChange(
                  Operation.UPDATE, erpCard(CARD).setPARTYNUMBER("ERP").build(), 5, null));
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 9, null));

      final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
      assertEquals("ERP", toCrm.get(toCrm.size() - 1).value.get("msdyn_partynumber").toString());
      assertEquals("erp-wins", single(sync, AuditType.CONFLICT).getPolicy());
    }
  }

  @Test
  void shouldLetDataverseWinEveryConflictUnderCrmWins() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "crm-wins"))) {
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 5, null));
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(
              CARD,
              erpCardChange(
                  Operation.UPDATE, erpCard(CARD).setPARTYNUMBER("ERP").build(), 9, null));

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals("CRM", toErp.get(toErp.size() - 1).value.get("PARTYNUMBER").toString());
    }
  }

  @Test
  void shouldTakeALaterEditOfAValueTheSideHadSeenWithoutConflict() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "erp-wins"))) {
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 5, null));

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals("CRM", toErp.get(0).value.get("PARTYNUMBER").toString());
      assertEquals(List.of(), sync.audits().readValuesToList());
    }
  }

  @Test
  void shouldIgnoreAuditAndRestoreADataverseEditOfAnFoOnlyField() {
    try (SyncFixture sync = cardInBothSystems()) {
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE,
                  crmCard(CARD).setMsdynReplacementcardnumber("LC-X").build(),
                  5,
                  null));

      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP), "never written to F&O");
      final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
      assertEquals(1, toCrm.size());
      assertNull(toCrm.get(0).value.get("msdyn_replacementcardnumber"), "F&O's value restored");
      final AuditEvent ignored = single(sync, AuditType.IGNORED_ONE_WAY_EDIT);
      assertEquals("REPLACEMENTCARDNUMBER", ignored.getField());
      assertEquals("LC-X", ignored.getCrmValue());
      assertNull(ignored.getErpValue(), "F&O's value: '' in F&O, no value in Dataverse");
      assertEquals("map type >", ignored.getPolicy());
      assertEquals(
          "edit ignored: REPLACEMENTCARDNUMBER is F&O -> Dataverse only; F&O value restored",
          ignored.getResolution());
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.IGNORED_EDITS));
    }
  }

  @Test
  void shouldAuditAValueADataverseCreateSetsInAnFoOnlyFieldAndReplaceItWithFosValue() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.CREATE,
                  crmCard(CARD).setMsdynReplacementcardnumber("LC-X").build(),
                  1,
                  null));

      final AuditEvent ignored = single(sync, AuditType.IGNORED_ONE_WAY_EDIT);
      assertEquals("LC-X", ignored.getCrmValue());
      assertEquals(
          "edit ignored: REPLACEMENTCARDNUMBER is F&O -> Dataverse only; F&O value replaces it"
              + " once F&O reports the row",
          ignored.getResolution());
      final GenericRecord toErp = sync.written(Template.CARD, Side.ERP).get(0).value;
      assertNull(toErp.getSchema().getField("REPLACEMENTCARDNUMBER"), "never written to F&O");

      // F&O reports the card our write created: its (empty) replacement number goes to Dataverse
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(CARD, erpCardChange(Operation.CREATE, erpCard(CARD).build(), 2, OURS));
      final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
      assertEquals(1, toCrm.size());
      assertNull(toCrm.get(0).value.get("msdyn_replacementcardnumber"), "F&O's value restored");
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
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 5, null));
      sync.written(Template.CARD, Side.CRM);
      // Dataverse edited the card at minute 6, before our tombstone reached it.
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 6, null));

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals(1, toErp.size(), "the row is re-created in F&O");
      assertEquals("CRM", toErp.get(0).value.get("PARTYNUMBER").toString());
      assertEquals(1, sync.count(Template.CARD, Direction.CRM_TO_ERP, Counter.CONFLICTS));
    }
  }

  @Test
  void shouldKeepADeleteThatIsNewerThanTheUpdateItRaced() {
    try (SyncFixture sync = cardInBothSystems()) {
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 7, null));
      sync.written(Template.CARD, Side.CRM);
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 6, null));

      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP));
      assertEquals(
          List.of(), sync.written(Template.CARD, Side.CRM), "the tombstone is still pending");
      assertTrue(single(sync, AuditType.CONFLICT).getResolution().startsWith("row deleted"));
    }
  }

  @Test
  void shouldLetFoWinADeleteRacingAnUpdateUnderErpWinsWhateverTheTimestamps() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "erp-wins"))) {
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 5, null));
      sync.written(Template.CARD, Side.CRM);
      // Dataverse edited the card later, at minute 6, before our tombstone reached it
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 6, null));

      assertEquals(List.of(), sync.written(Template.CARD, Side.ERP), "F&O's delete stands");
      final AuditEvent conflict = single(sync, AuditType.CONFLICT);
      assertEquals("erp-wins", conflict.getPolicy());
      assertTrue(conflict.getResolution().startsWith("row deleted"), conflict.getResolution());
    }
  }

  @Test
  void shouldLetDataverseWinAnUpdateRacingADeleteUnderCrmWinsWhateverTheTimestamps() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "crm-wins"))) {
      sync.feed(Template.CARD, Side.ERP).pipeInput(CARD, erpCardDelete(CARD, 7, null));
      sync.written(Template.CARD, Side.CRM);
      // Dataverse edited the card earlier, at minute 6, unaware of the delete
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              CARD,
              crmCardChange(
                  Operation.UPDATE, crmCard(CARD).setMsdynPartynumber("CRM").build(), 6, null));

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals(1, toErp.size(), "the row is re-created in F&O");
      assertEquals("CRM", toErp.get(0).value.get("PARTYNUMBER").toString());
      final AuditEvent conflict = single(sync, AuditType.CONFLICT);
      assertEquals("crm-wins", conflict.getPolicy());
      assertTrue(conflict.getResolution().startsWith("row kept"), conflict.getResolution());
    }
  }

  @Test
  void shouldWriteARowSeenOnOneSideOnlyDuringInitialSync() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              "LC-CRM", crmCardChange(Operation.SNAPSHOT, crmCard("LC-CRM").build(), 1, null));
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput(
              "LC-ERP", erpCardChange(Operation.SNAPSHOT, erpCard("LC-ERP").build(), 1, null));

      assertEquals(List.of("LC-CRM"), keys(sync.written(Template.CARD, Side.ERP)));
      assertEquals(List.of("LC-ERP"), keys(sync.written(Template.CARD, Side.CRM)));
    }
  }

  @Test
  void shouldResolveAnInitialSyncDifferenceByTheMasterWhicheverSnapshotArrivesFirst() {
    for (final String master : List.of("erp", "crm")) {
      for (final Side first : Side.values()) {
        try (SyncFixture sync = new SyncFixture(Map.of("sync.card.initial-sync-master", master))) {
          // F&O's snapshot is the newer one: only the master setting makes Dataverse win
          final Runnable erpSnapshot =
              () ->
                  sync.feed(Template.CARD, Side.ERP)
                      .pipeInput(
                          CARD,
                          erpCardChange(
                              Operation.SNAPSHOT,
                              erpCard(CARD)
                                  .setCARDTENDERTYPE(RetailLoyaltyTenderTypeBase.blocked)
                                  .build(),
                              9,
                              null));
          final Runnable crmSnapshot =
              () ->
                  sync.feed(Template.CARD, Side.CRM)
                      .pipeInput(
                          CARD, crmCardChange(Operation.SNAPSHOT, crmCard(CARD).build(), 1, null));
          (first == Side.ERP ? erpSnapshot : crmSnapshot).run();
          (first == Side.ERP ? crmSnapshot : erpSnapshot).run();

          final String context = "master " + master + ", " + first + " first";
          final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
          final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
          // Each side ends with the master's value: written last, or its own and not overwritten
          final boolean erpMaster = master.equals("erp");
          final Object crmHolds =
              toCrm.isEmpty()
                  ? 806380000
                  : toCrm.get(toCrm.size() - 1).value.get("msdyn_cardtendertype");
          final String erpHolds =
              toErp.isEmpty()
                  ? "blocked"
                  : toErp.get(toErp.size() - 1).value.get("CARDTENDERTYPE").toString();
          assertEquals(erpMaster ? 806380003 : 806380000, crmHolds, context);
          assertEquals(erpMaster ? "blocked" : "asCardTender", erpHolds, context);
          assertEquals(
              "initial-sync master " + master,
              single(sync, AuditType.CONFLICT).getPolicy(),
              context);
        }
      }
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

  private static AuditEvent single(final SyncFixture sync, final AuditType type) {
    final List<AuditEvent> matching =
        sync.audits().readValuesToList().stream().filter(a -> a.getType() == type).toList();
    assertEquals(1, matching.size(), matching.toString());
    return matching.get(0);
  }

  private static List<String> keys(final List<KeyValue<String, GenericRecord>> records) {
    return records.stream().map(r -> r.key).toList();
  }
}
