package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.OURS;
import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static io.loyaltysync.topology.SyncRulesFixtures.CARD;
import static io.loyaltysync.topology.SyncRulesFixtures.cardInBothSystems;
import static io.loyaltysync.topology.SyncRulesFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * The sync rules of design.md for what each side is written, one test each, through the whole
 * topology: exactly the mapped columns and the trace fields, never an F&amp;O-only (one-way) field
 * written to F&amp;O, and a Dataverse edit of such a field ignored, audited and replaced by
 * F&amp;O's value. Cards throughout; the rules are the same for every template.
 */
class MappedFieldRulesTest {

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
}
