package io.loyaltysync.serde;

import static io.loyaltysync.serde.SerdeRecords.aLevelKey;
import static io.loyaltysync.serde.SerdeRecords.anErpCard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.LoyaltyLevelKey;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.error.ErrorCategory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Bad bytes are data errors with a category and a reason; an unreachable registry is not. */
class WireFormatErrorsTest {

  private static final String TOPIC = "erp.loyalty-card";

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final WireFormatDeserializer<RetailLoyaltyCardEntity> deserializer =
      WireFormatDeserializer.specific(RetailLoyaltyCardEntity.class, registry);

  @Test
  void shouldRejectBytesThatAreNotInTheWireFormat() {
    final byte[] json = "{\"CARDNUMBER\":\"100200300\"}".getBytes(StandardCharsets.UTF_8);

    final UndecodableRecordException e = undecodable(json);

    assertEquals(ErrorCategory.DESERIALIZATION, e.category());
    assertEquals(
        "not in the schema-registry wire format: first byte is 0x7b, expected 0x00", e.reason());
  }

  @Test
  void shouldRejectBytesShorterThanTheHeader() {
    final UndecodableRecordException threeBytes = undecodable(new byte[] {0, 0, 0});
    final UndecodableRecordException noBytes = undecodable(new byte[0]);

    assertEquals(ErrorCategory.DESERIALIZATION, threeBytes.category());
    assertEquals(
        "not in the schema-registry wire format: 3 bytes, shorter than the 5-byte header",
        threeBytes.reason());
    assertEquals(ErrorCategory.DESERIALIZATION, noBytes.category());
  }

  @Test
  void shouldRejectASchemaIdTheRegistryDoesNotKnowAsAnUnknownSchema() {
    final UndecodableRecordException e = undecodable(new byte[] {0, 0, 0, 0, 42, 2, 'x'});

    assertEquals(ErrorCategory.UNKNOWN_SCHEMA, e.category());
    assertEquals("schema id 42 is not in the registry", e.reason());
  }

  @Test
  void shouldReadASchemaIdOnceItIsRegisteredThoughItWasUnknownBefore() {
    // Given: a card written through another registry, whose id ours does not know yet
    final RetailLoyaltyCardEntity card = anErpCard("100200300");
    final byte[] bytes =
        WireFormatSerializer.specific(
                RetailLoyaltyCardEntity.class,
                RecordPart.VALUE,
                new InMemorySchemaRegistry(),
                Registration.AUTO_REGISTER)
            .serialize(TOPIC, card);
    assertEquals(ErrorCategory.UNKNOWN_SCHEMA, undecodable(bytes).category());

    // When
    registry.register(TOPIC + "-value", RetailLoyaltyCardEntity.getClassSchema());

    // Then: an unknown id was not remembered as unknown
    assertEquals(card, deserializer.deserialize(TOPIC, bytes));
  }

  @Test
  void shouldRejectATruncatedRecord() {
    final byte[] bytes = serialized(anErpCard("100200300"));

    final UndecodableRecordException e = undecodable(Arrays.copyOf(bytes, bytes.length - 3));

    assertEquals(ErrorCategory.DESERIALIZATION, e.category());
    assertTrue(
        e.reason()
            .startsWith(
                "record of schema id 1 does not decode as "
                    + RetailLoyaltyCardEntity.getClassSchema().getFullName()),
        e.reason());
  }

  @Test
  void shouldRejectBytesLeftOverAfterTheRecord() {
    final byte[] bytes = serialized(anErpCard("100200300"));

    final UndecodableRecordException e = undecodable(Arrays.copyOf(bytes, bytes.length + 2));

    assertEquals(ErrorCategory.DESERIALIZATION, e.category());
    assertTrue(e.reason().contains("bytes left over"), e.reason());
  }

  @Test
  void shouldRejectGarbageAfterAValidHeader() {
    // Given: a known id, then bytes that are no Avro encoding of it (a length of -1, ...)
    final byte[] bytes = serialized(anErpCard("100200300"));
    final byte[] garbage = Arrays.copyOf(bytes, 25);
    Arrays.fill(garbage, 5, garbage.length, (byte) 0x01);

    final UndecodableRecordException e = undecodable(garbage);

    assertEquals(ErrorCategory.DESERIALIZATION, e.category());
  }

  @Test
  void shouldRejectARecordWhoseWriterSchemaCannotBeReadAsTheReaderSchema() {
    // Given: a card written by a producer that made the card number an int
    final Schema broken =
        SchemaBuilder.record(RetailLoyaltyCardEntity.getClassSchema().getFullName())
            .fields()
            .requiredInt("CARDNUMBER")
            .endRecord();
    final GenericRecord card = new GenericData.Record(broken);
    card.put("CARDNUMBER", 100200300);
    final byte[] bytes =
        WireFormatSerializer.generic(RecordPart.VALUE, registry, Registration.AUTO_REGISTER)
            .serialize(TOPIC, card);

    // When
    final UndecodableRecordException e = undecodable(bytes);

    // Then: the reason names the field and the rule, and the next record says the same
    assertEquals(ErrorCategory.DESERIALIZATION, e.category());
    assertTrue(
        e.reason()
            .startsWith(
                "schema id 1 (io.loyaltysync.avro.erp.RetailLoyaltyCardEntity)"
                    + " cannot be read as io.loyaltysync.avro.erp.RetailLoyaltyCardEntity: "),
        e.reason());
    assertTrue(e.reason().contains("CARDNUMBER"), e.reason());
    assertEquals(e.reason(), undecodable(bytes).reason());
  }

  @Test
  void shouldRejectARecordOfAnotherTypeOnTheTopic() {
    final byte[] level =
        WireFormatSerializer.specific(
                LoyaltyLevelKey.class, RecordPart.VALUE, registry, Registration.AUTO_REGISTER)
            .serialize(TOPIC, aLevelKey());

    final UndecodableRecordException e = undecodable(level);

    assertEquals(ErrorCategory.DESERIALIZATION, e.category());
    assertTrue(e.reason().contains("NAME_MISMATCH"), e.reason());
  }

  @Test
  void shouldRethrowAnUnreachableRegistryRatherThanRejectTheRecord() {
    // Given: a well-formed record, and a registry that is down
    final byte[] bytes = serialized(anErpCard("100200300"));
    final SchemaRegistryClient down = Registries.unreachable();

    // When
    final RuntimeException reading =
        assertThrows(
            RuntimeException.class,
            () ->
                WireFormatDeserializer.specific(RetailLoyaltyCardEntity.class, down)
                    .deserialize(TOPIC, bytes));
    final RuntimeException writing =
        assertThrows(
            RuntimeException.class,
            () ->
                WireFormatSerializer.specific(
                        RetailLoyaltyCardEntity.class,
                        RecordPart.VALUE,
                        down,
                        Registration.AUTO_REGISTER)
                    .serialize(TOPIC, anErpCard("100200300")));

    // Then: not a SerializationException, which a handler would take for bad data
    assertInstanceOf(SchemaRegistryUnavailableException.class, reading);
    assertInstanceOf(SchemaRegistryUnavailableException.class, writing);
    assertFalse(reading instanceof SerializationException);
  }

  @Test
  void shouldBeASerializationExceptionSoKafkaHandlersTreatItAsBadData() {
    assertInstanceOf(SerializationException.class, undecodable(new byte[] {0x7b}));
  }

  private UndecodableRecordException undecodable(final byte[] bytes) {
    return assertThrows(
        UndecodableRecordException.class, () -> deserializer.deserialize(TOPIC, bytes));
  }

  private byte[] serialized(final RetailLoyaltyCardEntity card) {
    return WireFormatSerializer.specific(
            RetailLoyaltyCardEntity.class, RecordPart.VALUE, registry, Registration.AUTO_REGISTER)
        .serialize(TOPIC, card);
  }
}
