package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.crmCard;
import static io.loyaltysync.topology.Events.crmCardChange;
import static io.loyaltysync.topology.Events.erpCard;
import static io.loyaltysync.topology.Events.erpCardChange;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import org.junit.jupiter.api.Test;

class SyncTopologySmokeTest {

  @Test
  void shouldSyncAnFoCardToDataverseAndConfirmItsEcho() {
    try (SyncFixture sync = new SyncFixture()) {
      sync.feed(Template.CARD, Side.ERP)
          .pipeInput("LC-1", erpCardChange(Operation.CREATE, erpCard("LC-1").build(), 1, null));

      final var written = sync.written(Template.CARD, Side.CRM);
      assertEquals(1, written.size(), written.toString());
      System.out.println(written.get(0).value);
      assertEquals(0, sync.written(Template.CARD, Side.ERP).size());
      assertEquals(0, sync.deadLetters().readValuesToList().size());

      sync.feed(Template.CARD, Side.CRM)
          .pipeInput(
              "LC-1", crmCardChange(Operation.CREATE, crmCard("LC-1").build(), 2, Events.OURS));
      assertEquals(0, sync.written(Template.CARD, Side.CRM).size());
      assertEquals(0, sync.written(Template.CARD, Side.ERP).size());
    }
  }
}
