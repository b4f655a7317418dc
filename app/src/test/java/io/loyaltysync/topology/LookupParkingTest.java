package io.loyaltysync.topology;

import static io.loyaltysync.topology.Events.currency;
import static io.loyaltysync.topology.Events.erpRewardPoint;
import static io.loyaltysync.topology.Events.erpRewardPointChange;
import static io.loyaltysync.topology.Events.erpRewardPointDelete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.avro.error.ErrorCategory;
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
 * A reward point whose currency is not in Dataverse yet waits instead of failing, and is released
 * in order when the currency arrives, or dead-lettered after the timeout.
 */
class LookupParkingTest {

  private static final Map<String, String> FAST =
      Map.of("lookup.release-interval", "1s", "lookup.park-timeout", "10m");

  @Test
  void shouldSyncARewardPointWhoseCurrencyIsKnownAtOnce() {
    try (SyncFixture sync = new SyncFixture(FAST)) {
      sync.currencies().pipeInput("USD", currency("USD", 0));
      sync.feed(Template.REWARD_POINT, Side.ERP)
          .pipeInput(
              "RP-1",
              erpRewardPointChange(Operation.CREATE, erpRewardPoint("RP-1", "USD").build(), 1));

      final List<KeyValue<String, GenericRecord>> toCrm =
          sync.written(Template.REWARD_POINT, Side.CRM);
      assertEquals(1, toCrm.size());
      final GenericRecord lookup =
          (GenericRecord) toCrm.get(0).value.get("msdyn_rewardpointcurrency");
      assertEquals("transactioncurrency", lookup.get("table").toString());
      assertEquals("USD", lookup.get("keyValue").toString());
    }
  }

  @Test
  void shouldParkARewardPointUntilItsCurrencyArrivesThenReleaseItInOrder() {
    try (SyncFixture sync = new SyncFixture(FAST)) {
      sync.currencies().pipeInput("USD", currency("USD", 0));
      final var feed = sync.feed(Template.REWARD_POINT, Side.ERP);
      feed.pipeInput(
          "RP-1", erpRewardPointChange(Operation.CREATE, erpRewardPoint("RP-1", "EUR").build(), 1));
      // A later change of the same row waits behind the first, though its currency is known.
      feed.pipeInput(
          "RP-1", erpRewardPointChange(Operation.UPDATE, erpRewardPoint("RP-1", "USD").build(), 2));
      // Another row is not held up.
      feed.pipeInput(
          "RP-2", erpRewardPointChange(Operation.CREATE, erpRewardPoint("RP-2", "").build(), 3));

      assertEquals(List.of("RP-2"), keys(sync.written(Template.REWARD_POINT, Side.CRM)));
      assertEquals(2, sync.count(Template.REWARD_POINT, Direction.ERP_TO_CRM, Counter.PARKED));
      final List<AuditEvent> parked = sync.audits().readValuesToList();
      assertEquals(2, parked.size());
      assertEquals(AuditType.LOOKUP_PARKED, parked.get(0).getType());
      assertTrue(parked.get(0).getResolution().contains("transactioncurrency(EUR)"));

      sync.currencies().pipeInput("EUR", currency("EUR", 4));
      sync.advanceWallClock(Duration.ofSeconds(2));

      final List<KeyValue<String, GenericRecord>> released =
          sync.written(Template.REWARD_POINT, Side.CRM);
      assertEquals(List.of("RP-1", "RP-1"), keys(released));
      assertEquals("EUR", currencyOf(released.get(0).value));
      assertEquals("USD", currencyOf(released.get(1).value));
      assertEquals(2, sync.count(Template.REWARD_POINT, Direction.ERP_TO_CRM, Counter.RELEASED));
      assertEquals(
          2,
          sync.audits().readValuesToList().stream()
              .filter(a -> a.getType() == AuditType.LOOKUP_RELEASED)
              .count());
    }
  }

  @Test
  void shouldKeepADeleteBehindAParkedChangeOfTheSameRow() {
    try (SyncFixture sync = new SyncFixture(FAST)) {
      final var feed = sync.feed(Template.REWARD_POINT, Side.ERP);
      feed.pipeInput(
          "RP-1", erpRewardPointChange(Operation.CREATE, erpRewardPoint("RP-1", "EUR").build(), 1));
      feed.pipeInput("RP-1", erpRewardPointDelete("RP-1", 2));
      sync.currencies().pipeInput("EUR", currency("EUR", 3));
      sync.advanceWallClock(Duration.ofSeconds(2));

      final List<KeyValue<String, GenericRecord>> toCrm =
          sync.written(Template.REWARD_POINT, Side.CRM);
      assertEquals(2, toCrm.size());
      assertNull(toCrm.get(1).value, "created, then deleted, in that order");
    }
  }

  @Test
  void shouldDeadLetterAParkedRewardPointWhoseCurrencyNeverArrives() {
    try (SyncFixture sync = new SyncFixture(FAST)) {
      sync.feed(Template.REWARD_POINT, Side.ERP)
          .pipeInput(
              "RP-1",
              erpRewardPointChange(Operation.CREATE, erpRewardPoint("RP-1", "XAU").build(), 1));

      sync.advanceWallClock(Duration.ofMinutes(9));
      assertEquals(List.of(), sync.deadLetters().readValuesToList());
      sync.advanceWallClock(Duration.ofMinutes(2));

      final List<DeadLetter> dead = sync.deadLetters().readValuesToList();
      assertEquals(1, dead.size());
      assertEquals(ErrorCategory.LOOKUP_TIMEOUT, dead.get(0).getCategory());
      assertEquals("transactioncurrency(XAU) did not arrive within PT10M", dead.get(0).getReason());
      assertEquals(1, sync.count(Template.REWARD_POINT, Direction.ERP_TO_CRM, Counter.EXPIRED));
      assertEquals(List.of(), sync.written(Template.REWARD_POINT, Side.CRM));
    }
  }

  private static String currencyOf(final GenericRecord record) {
    final Object value = record.get("msdyn_rewardpointcurrency");
    return value instanceof EntityReference ref
        ? ref.getKeyValue()
        : ((GenericRecord) value).get("keyValue").toString();
  }

  private static List<String> keys(final List<KeyValue<String, GenericRecord>> records) {
    return records.stream().map(r -> r.key).toList();
  }
}
