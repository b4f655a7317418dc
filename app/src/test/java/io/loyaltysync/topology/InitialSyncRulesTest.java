package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static io.loyaltysync.topology.SyncRulesFixtures.CARD;
import static io.loyaltysync.topology.SyncRulesFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * The sync rules of design.md for the initial sync, one test each, through the whole topology: a
 * row only one side's snapshot holds is written to the other, and a difference between the two
 * snapshots goes to the initial-sync master whichever snapshot arrives first. Cards throughout; the
 * rules are the same for every template.
 */
class InitialSyncRulesTest {

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

  private static List<String> keys(final List<KeyValue<String, GenericRecord>> records) {
    return records.stream().map(r -> r.key).toList();
  }
}
