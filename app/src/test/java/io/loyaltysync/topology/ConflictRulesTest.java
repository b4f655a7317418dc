package io.loyaltysync.topology;

import static io.loyaltysync.topology.SyncRulesFixtures.cardInBothSystems;
import static io.loyaltysync.topology.SyncRulesFixtures.single;
import static io.loyaltysync.topology.SyncRulesFixtures.userEditsParty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * The sync rules of design.md for conflicting edits, one test each, through the whole topology:
 * both sides editing a field without having seen the other's edit, resolved and audited under
 * last-writer-wins (a tie goes to F&amp;O), erp-wins and crm-wins; and a later edit of a value the
 * side had seen, which is no conflict. Cards throughout; the rules are the same for every template.
 */
class ConflictRulesTest {

  @Test
  void shouldLetTheNewerEditWinAConflictUnderLastWriterWinsAndAuditIt() {
    try (SyncFixture sync = cardInBothSystems()) {
      // Both sides edit the party number without having seen the other's edit.
      userEditsParty(sync, Side.CRM, "CRM", 6);
      userEditsParty(sync, Side.ERP, "ERP", 5);

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
      userEditsParty(sync, Side.ERP, "ERP", 5);
      userEditsParty(sync, Side.CRM, "CRM", 5);

      final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
      assertEquals("ERP", toCrm.get(toCrm.size() - 1).value.get("msdyn_partynumber").toString());
      assertTrue(single(sync, AuditType.CONFLICT).getResolution().contains("F&O wins ties"));
    }
  }

  @Test
  void shouldLetFoWinEveryConflictUnderErpWins() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "erp-wins"))) {
      userEditsParty(sync, Side.ERP, "ERP", 5);
      userEditsParty(sync, Side.CRM, "CRM", 9);

      final List<KeyValue<String, GenericRecord>> toCrm = sync.written(Template.CARD, Side.CRM);
      assertEquals("ERP", toCrm.get(toCrm.size() - 1).value.get("msdyn_partynumber").toString());
      assertEquals("erp-wins", single(sync, AuditType.CONFLICT).getPolicy());
    }
  }

  @Test
  void shouldLetDataverseWinEveryConflictUnderCrmWins() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "crm-wins"))) {
      userEditsParty(sync, Side.CRM, "CRM", 5);
      userEditsParty(sync, Side.ERP, "ERP", 9);

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals("CRM", toErp.get(toErp.size() - 1).value.get("PARTYNUMBER").toString());
    }
  }

  @Test
  void shouldTakeALaterEditOfAValueTheSideHadSeenWithoutConflict() {
    try (SyncFixture sync = cardInBothSystems(Map.of("sync.card.conflict-policy", "erp-wins"))) {
      userEditsParty(sync, Side.CRM, "CRM", 5);

      final List<KeyValue<String, GenericRecord>> toErp = sync.written(Template.CARD, Side.ERP);
      assertEquals("CRM", toErp.get(0).value.get("PARTYNUMBER").toString());
      assertEquals(List.of(), sync.audits().readValuesToList());
    }
  }
}
