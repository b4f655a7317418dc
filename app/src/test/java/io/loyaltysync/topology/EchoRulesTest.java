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
import static io.loyaltysync.topology.SyncRulesFixtures.userEditsParty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.SyncMetrics.Counter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sync rules of design.md for what is no change to pass on, one test each, through the whole
 * topology: the echo of our own write (by its origin marker, by its exact match with a pending
 * write, or by the marker alone under {@code sync.echo-matching=marker-only}), no-ops (a repeated
 * event, an edit of no mapped value) and a stale event, older than the last one seen from its side.
 * Cards throughout; the rules are the same for every template.
 */
class EchoRulesTest {

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
      userEditsParty(sync, Side.ERP, "OLD", 0);

      assertEquals(List.of(), sync.written(Template.CARD, Side.CRM));
    }
  }
}
