package io.loyaltysync.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.internal.SyncStateRecord;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.MapRegistry;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.serde.AvroBinarySerde;
import io.loyaltysync.sync.SyncState.Pending;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The stored form of a row's state, as the changelog keeps it. */
class SyncStateCodecTest {

  private static final CompiledMap CARD_MAP = MapRegistry.bundled().current(Template.CARD);
  private static final WrittenColumns COLUMNS = new WrittenColumns(CARD_MAP.bindings());
  private static final Serde<SyncStateRecord> STORE = AvroBinarySerde.of(SyncStateRecord.class);

  @Test
  void shouldRestorePendingWritesThatAnOlderVersionStoredAsWholeImages() {
    // Given a changelog record from before pending writes were kept as their columns
    final RetailLoyaltyCardEntity written = erpCard("004011");
    final List<Object> images = new ArrayList<>();
    images.add(written);
    images.add(null);
    final SyncStateRecord stored = SyncStateRecord.newBuilder().setPendingErp(images).build();

    // When
    final SyncState state = restore(stored);

    // Then an update, then a delete, the update known by the columns it wrote
    final List<Pending> pending = List.copyOf(state.pending(Side.ERP));
    assertEquals(2, pending.size());
    assertArrayEquals(COLUMNS.of(Side.ERP, erpCard("004011")), pending.get(0).columns());
    assertTrue(pending.get(1).isDelete());
    assertTrue(state.pending(Side.CRM).isEmpty());
  }

  @Test
  void shouldKeepPendingWritesInOrderThroughTheStore() {
    // Given
    final SyncState state = new SyncState(CARD_MAP.bindings().size());
    state.pending(Side.CRM).addLast(new Pending(COLUMNS.of(Side.ERP, erpCard("1"))));
    state.pending(Side.CRM).addLast(new Pending(null));
    state.pending(Side.CRM).addLast(new Pending(COLUMNS.of(Side.ERP, erpCard("2"))));

    // When
    final SyncStateRecord stored = SyncStateCodec.toRecord(state);
    final SyncState restored = restore(stored);

    // Then
    assertTrue(stored.getPendingCrm().isEmpty(), "whole images are no longer written");
    final List<Pending> pending = List.copyOf(restored.pending(Side.CRM));
    assertEquals(3, pending.size());
    assertArrayEquals(COLUMNS.of(Side.ERP, erpCard("1")), pending.get(0).columns());
    assertTrue(pending.get(1).isDelete());
    assertArrayEquals(COLUMNS.of(Side.ERP, erpCard("2")), pending.get(2).columns());
    assertTrue(
        !Arrays.equals(pending.get(0).columns(), pending.get(2).columns()), "two different writes");
  }

  /** Through the store's bytes, as a restore from the changelog reads it. */
  private static SyncState restore(final SyncStateRecord stored) {
    final byte[] bytes = STORE.serializer().serialize("changelog", stored);
    return SyncStateCodec.fromRecord(
        STORE.deserializer().deserialize("changelog", bytes), CARD_MAP.bindings().size(), COLUMNS);
  }

  private static RetailLoyaltyCardEntity erpCard(final String party) {
    return RetailLoyaltyCardEntity.newBuilder()
        .setCARDNUMBER("100200300")
        .setCARDTENDERTYPE(RetailLoyaltyTenderTypeBase.asCardTender)
        .setPARTYNUMBER(party)
        .setREPLACEMENTCARDNUMBER("")
        .setOMOPERATINGUNITNUMBER("052")
        .setLOYALTYENROLLMENTDATE(LocalDate.of(2026, 1, 15))
        .setLOYALTYENROLLMENTDATELOCAL(LocalDate.of(2026, 1, 15))
        .build();
  }
}
