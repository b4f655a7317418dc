package io.loyaltysync.bench;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.time.Instant;

/**
 * The F&amp;O side of an initial sync: one SNAPSHOT event per card, card {@code i} with key {@link
 * BenchKeys#cardNumber(int)}, so {@code n} cards are {@code n} distinct rows. Holds no per-row
 * state, so a million cards cost no memory beyond the one being published.
 */
final class InitialSyncCards {

  private static final String READER_IDENTITY = "svc-initial-sync";

  private final SampleRecords samples;

  InitialSyncCards(final long seed) {
    this.samples = new SampleRecords(seed);
  }

  /** Card {@code i} as read by the initial sync at {@code nowMillis}. */
  GeneratedEvent card(final int i, final long nowMillis) {
    final RetailLoyaltyCardEntity card =
        (RetailLoyaltyCardEntity) samples.one(Template.CARD, Side.ERP, i);
    BenchKeys.setKey(Template.CARD, Side.ERP, card, i);
    final ErpLoyaltyCardChange event =
        new ErpLoyaltyCardChange(
            Operation.SNAPSHOT,
            null,
            card,
            new SourceMetadata(
                SourceSystem.ERP,
                null,
                Instant.ofEpochMilli(nowMillis),
                null,
                (long) i,
                READER_IDENTITY,
                null));
    return new GeneratedEvent(
        Template.CARD,
        Side.ERP,
        BenchKeys.cardNumber(i),
        event,
        nowMillis,
        GeneratedEvent.Kind.SNAPSHOT);
  }
}
