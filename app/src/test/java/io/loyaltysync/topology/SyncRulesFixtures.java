package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.OURS;
import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.util.List;
import java.util.Map;

/**
 * What the sync rule tests (EchoRulesTest, MappedFieldRulesTest, ConflictRulesTest,
 * DeleteRulesTest, InitialSyncRulesTest) share: the card they sync, that card already in both
 * systems, a user's edit of its party number, and the one audit event of a type.
 */
final class SyncRulesFixtures {

  static final String CARD = "LC-000123456";

  private SyncRulesFixtures() {}

  /** Given F&amp;O created the card at minute 1 and Dataverse confirmed our write at minute 2. */
  static SyncFixture cardInBothSystems(final Map<String, String> options) {
    final SyncFixture sync = new SyncFixture(options);
    sync.feed(Template.CARD, Side.ERP)
        .pipeInput(CARD, erpCardChange(Operation.CREATE, erpCard(CARD).build(), 1, null));
    sync.feed(Template.CARD, Side.CRM)
        .pipeInput(CARD, crmCardChange(Operation.CREATE, crmCard(CARD).build(), 2, OURS));
    sync.written(Template.CARD, Side.CRM);
    sync.written(Template.CARD, Side.ERP);
    return sync;
  }

  static SyncFixture cardInBothSystems() {
    return cardInBothSystems(Map.of());
  }

  /** A user on {@code side} sets the card's party number at {@code minute} (no origin marker). */
  static void userEditsParty(
      final SyncFixture sync, final Side side, final String party, final int minute) {
    sync.feed(Template.CARD, side)
        .pipeInput(
            CARD,
            side == Side.ERP
                ? erpCardChange(
                    Operation.UPDATE, erpCard(CARD).setPARTYNUMBER(party).build(), minute, null)
                : crmCardChange(
                    Operation.UPDATE,
                    crmCard(CARD).setMsdynPartynumber(party).build(),
                    minute,
                    null));
  }

  /** The one audit event of the type the sync has written; fails if there is none or several. */
  static AuditEvent single(final SyncFixture sync, final AuditType type) {
    final List<AuditEvent> matching =
        sync.audits().readValuesToList().stream().filter(a -> a.getType() == type).toList();
    assertEquals(1, matching.size(), matching.toString());
    return matching.get(0);
  }
}
