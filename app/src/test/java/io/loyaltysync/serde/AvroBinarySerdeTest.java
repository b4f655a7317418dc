package io.loyaltysync.serde;

import static io.loyaltysync.serde.SerdeRecords.aRecordOfEveryType;
import static io.loyaltysync.serde.SerdeRecords.anErpCardChange;
import static io.loyaltysync.serde.SerdeRecords.everyTypeSchema;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroBinarySerdeTest {

  private static final String CHANGELOG = "loyalty-sync-card-last-image-changelog";

  private final AvroBinarySerde<ErpLoyaltyCardChange> serde =
      AvroBinarySerde.of(ErpLoyaltyCardChange.class);

  @Test
  void shouldReturnAGeneratedRecordUnchangedAfterARoundTrip() {
    final ErpLoyaltyCardChange change = anErpCardChange("100200300");

    final byte[] bytes = serde.serializer().serialize(CHANGELOG, change);

    assertEquals(change, serde.deserializer().deserialize(CHANGELOG, bytes));
  }

  @Test
  void shouldWritePlainAvroBinaryWithNoHeader() {
    final byte[] bytes =
        AvroBinarySerde.of(LoyaltyCardKey.class)
            .serializer()
            .serialize(CHANGELOG, new LoyaltyCardKey("100200300"));

    // The string's zigzag length 9 = 0x12, then its bytes: no magic byte, no schema id
    assertArrayEquals(new byte[] {0x12, '1', '0', '0', '2', '0', '0', '3', '0', '0'}, bytes);
  }

  @Test
  void shouldReturnAGenericRecordOfEveryTypeUnchangedAfterARoundTrip() {
    final Schema schema = everyTypeSchema();
    final AvroBinarySerde<GenericRecord> generic = AvroBinarySerde.generic(schema);
    final GenericRecord record = aRecordOfEveryType(schema);

    final byte[] bytes = generic.serializer().serialize(CHANGELOG, record);

    assertEquals(record, generic.deserializer().deserialize(CHANGELOG, bytes));
  }

  @Test
  void shouldWriteNullAsNullAndReadNullAsNull() {
    assertNull(serde.serializer().serialize(CHANGELOG, null));
    assertNull(serde.deserializer().deserialize(CHANGELOG, null));
  }

  @Test
  void shouldRejectBytesThatDoNotDecodeAsTheSchema() {
    final byte[] bytes = serde.serializer().serialize(CHANGELOG, anErpCardChange("100200300"));

    final UndecodableRecordException e =
        assertThrows(
            UndecodableRecordException.class,
            () -> serde.deserializer().deserialize(CHANGELOG, new byte[] {bytes[0], bytes[1]}));

    assertEquals(ErrorCategory.DESERIALIZATION, e.category());
  }
}
