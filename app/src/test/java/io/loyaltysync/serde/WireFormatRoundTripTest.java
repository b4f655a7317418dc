package io.loyaltysync.serde;

import static io.loyaltysync.serde.SerdeRecords.CHANGED_AT;
import static io.loyaltysync.serde.SerdeRecords.NO_DATE;
import static io.loyaltysync.serde.SerdeRecords.aCrmCard;
import static io.loyaltysync.serde.SerdeRecords.aCrmCardDelete;
import static io.loyaltysync.serde.SerdeRecords.aDeadLetter;
import static io.loyaltysync.serde.SerdeRecords.aLevelKey;
import static io.loyaltysync.serde.SerdeRecords.aRecordOfEveryType;
import static io.loyaltysync.serde.SerdeRecords.anErpCard;
import static io.loyaltysync.serde.SerdeRecords.anErpCardChange;
import static io.loyaltysync.serde.SerdeRecords.everyTypeSchema;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireFormatRoundTripTest {

  private static final String TOPIC = "erp.loyalty-card";

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  static Stream<SpecificRecord> recordsOfEveryShape() {
    return Stream.of(
        anErpCardChange("100200300"),
        aCrmCardDelete(),
        aCrmCard(),
        aLevelKey(),
        anErpCard("100200300"),
        aDeadLetter());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("recordsOfEveryShape")
  void shouldReturnEveryGeneratedRecordUnchangedAfterARoundTrip(final SpecificRecord record) {
    assertEquals(record, roundTrip(record));
  }

  @Test
  void shouldReturnAGenericRecordOfEveryTypeUnchangedAfterARoundTrip() {
    // Given
    final Schema schema = everyTypeSchema();
    final GenericRecord record = aRecordOfEveryType(schema);
    final WireFormatSerde<GenericRecord> serde =
        WireFormatSerde.generic(schema, RecordPart.VALUE, registry, Registration.AUTO_REGISTER);

    // When
    final byte[] bytes = serde.serializer().serialize(TOPIC, record);

    // Then
    assertEquals(record, serde.deserializer().deserialize(TOPIC, bytes));
  }

  @Test
  void shouldWriteTheMagicByteThenTheSchemaIdBigEndianThenTheAvroBinary() {
    // Given: a schema whose id has a different value in each of its four bytes
    final WireFormatSerializer<LoyaltyCardKey> serializer =
        WireFormatSerializer.specific(
            LoyaltyCardKey.class,
            RecordPart.KEY,
            Registries.withFixedId(0x01020304, LoyaltyCardKey.getClassSchema()),
            Registration.AUTO_REGISTER);

    // When
    final byte[] bytes = serializer.serialize(TOPIC, new LoyaltyCardKey("100200300"));

    // Then: magic 0, id 1.2.3.4 most significant byte first, the string's zigzag length 9 = 0x12
    final byte[] expected = {
      0x00, 0x01, 0x02, 0x03, 0x04, 0x12, '1', '0', '0', '2', '0', '0', '3', '0', '0'
    };
    assertArrayEquals(expected, bytes);
  }

  @Test
  void shouldRegisterKeysUnderTopicKeyAndValuesUnderTopicValue() {
    // When
    final byte[] key =
        WireFormatSerializer.specific(
                LoyaltyCardKey.class, RecordPart.KEY, registry, Registration.AUTO_REGISTER)
            .serialize(TOPIC, new LoyaltyCardKey("100200300"));
    final byte[] value =
        WireFormatSerializer.specific(
                ErpLoyaltyCardChange.class, RecordPart.VALUE, registry, Registration.AUTO_REGISTER)
            .serialize(TOPIC, anErpCardChange("100200300"));

    // Then: each header carries the id registered under the topic's subject for that part
    assertEquals(
        registry.lookup("erp.loyalty-card-key", LoyaltyCardKey.getClassSchema()), idOf(key));
    assertEquals(
        registry.lookup("erp.loyalty-card-value", ErpLoyaltyCardChange.getClassSchema()),
        idOf(value));
  }

  @Test
  void shouldOnlyLookUpTheSchemaInLookUpOnlyMode() {
    // Given: the contract was registered by whoever owns it
    final Registries.Counting counting = new Registries.Counting();
    final int id =
        counting.register("erp.loyalty-card-value", ErpLoyaltyCardChange.getClassSchema());
    final WireFormatSerializer<ErpLoyaltyCardChange> serializer =
        WireFormatSerializer.specific(
            ErpLoyaltyCardChange.class, RecordPart.VALUE, counting, Registration.LOOK_UP_ONLY);

    // When
    final byte[] bytes = serializer.serialize(TOPIC, anErpCardChange("100200300"));

    // Then
    assertEquals(id, idOf(bytes));
    assertEquals(1, counting.registers.get(), "only the owner's registration");
    assertEquals(1, counting.lookups.get());
  }

  @Test
  void shouldRefuseInLookUpOnlyModeToWriteASchemaThatIsNotRegistered() {
    final WireFormatSerializer<ErpLoyaltyCardChange> serializer =
        WireFormatSerializer.specific(
            ErpLoyaltyCardChange.class, RecordPart.VALUE, registry, Registration.LOOK_UP_ONLY);

    assertThrows(
        UnknownSchemaException.class,
        () -> serializer.serialize(TOPIC, anErpCardChange("100200300")));
  }

  @Test
  void shouldAskTheRegistryOncePerSchemaNotOncePerRecord() {
    // Given
    final Registries.Counting counting = new Registries.Counting();
    final WireFormatSerde<ErpLoyaltyCardChange> serde =
        WireFormatSerde.specific(
            ErpLoyaltyCardChange.class, RecordPart.VALUE, counting, Registration.AUTO_REGISTER);

    // When
    for (int i = 0; i < 100; i++) {
      final ErpLoyaltyCardChange change = anErpCardChange("card-" + i);
      assertEquals(
          change,
          serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, change)));
    }

    // Then
    assertEquals(1, counting.registers.get());
    assertEquals(1, counting.schemaByIds.get());
  }

  @Test
  void shouldReadARecordWrittenWithAnOlderSchemaIntoTheCurrentClass() {
    // Given: a card written by a producer still on the first version, before the optional fields
    final Schema v1 =
        SchemaBuilder.record(RetailLoyaltyCardEntity.getClassSchema().getFullName())
            .fields()
            .requiredString("CARDNUMBER")
            .name("CARDTENDERTYPE")
            .type(RetailLoyaltyCardEntity.getClassSchema().getField("CARDTENDERTYPE").schema())
            .noDefault()
            .endRecord();
    final GenericRecord old = new GenericData.Record(v1);
    old.put("CARDNUMBER", "100200300");
    old.put(
        "CARDTENDERTYPE",
        new GenericData.EnumSymbol(v1.getField("CARDTENDERTYPE").schema(), "noTender"));
    final byte[] bytes =
        WireFormatSerializer.generic(RecordPart.VALUE, registry, Registration.AUTO_REGISTER)
            .serialize(TOPIC, old);

    // When
    final RetailLoyaltyCardEntity card =
        WireFormatDeserializer.specific(RetailLoyaltyCardEntity.class, registry)
            .deserialize(TOPIC, bytes);

    // Then: the fields it had, and the current schema's defaults for the rest
    assertEquals("100200300", card.getCARDNUMBER());
    assertEquals(RetailLoyaltyTenderTypeBase.noTender, card.getCARDTENDERTYPE());
    assertEquals("", card.getPARTYNUMBER());
    assertEquals(NO_DATE, card.getLOYALTYENROLLMENTDATE());
  }

  @Test
  void shouldReadARecordWrittenWithANewerSchemaIntoTheCurrentClass() {
    // Given: a producer already on a version with one more field
    final Schema v2 =
        SchemaBuilder.record(LoyaltyCardKey.getClassSchema().getFullName())
            .fields()
            .requiredString("cardNumber")
            .name("issuer")
            .type()
            .stringType()
            .stringDefault("")
            .endRecord();
    final GenericRecord newer = new GenericData.Record(v2);
    newer.put("cardNumber", "100200300");
    newer.put("issuer", "HOUSTON");
    final byte[] bytes =
        WireFormatSerializer.generic(RecordPart.KEY, registry, Registration.AUTO_REGISTER)
            .serialize(TOPIC, newer);

    // When
    final LoyaltyCardKey key =
        WireFormatDeserializer.specific(LoyaltyCardKey.class, registry).deserialize(TOPIC, bytes);

    // Then: the field it does not know is skipped
    assertEquals(new LoyaltyCardKey("100200300"), key);
  }

  @Test
  void shouldReadAGeneratedRecordAsAGenericRecordOfTheGivenReaderSchema() {
    // Given: a reader that only needs the key and the source's timestamp
    final Schema source = ErpLoyaltyCardChange.getClassSchema().getField("source").schema();
    final Schema reader =
        SchemaBuilder.record(ErpLoyaltyCardChange.getClassSchema().getFullName())
            .fields()
            .name("source")
            .type(
                SchemaBuilder.record(source.getFullName())
                    .fields()
                    .name("timestamp")
                    .type(source.getField("timestamp").schema())
                    .noDefault()
                    .endRecord())
            .noDefault()
            .endRecord();
    final byte[] bytes =
        WireFormatSerializer.specific(
                ErpLoyaltyCardChange.class, RecordPart.VALUE, registry, Registration.AUTO_REGISTER)
            .serialize(TOPIC, anErpCardChange("100200300"));

    // When
    final GenericRecord change =
        WireFormatDeserializer.generic(reader, registry).deserialize(TOPIC, bytes);

    // Then: the timestamp reads as an Instant, as in the generated class
    assertEquals(reader, change.getSchema());
    assertEquals(CHANGED_AT, ((GenericRecord) change.get("source")).get("timestamp"));
  }

  @Test
  void shouldWriteNullAsATombstoneAndReadNullAsNull() {
    final WireFormatSerde<ErpLoyaltyCardChange> serde =
        WireFormatSerde.specific(
            ErpLoyaltyCardChange.class, RecordPart.VALUE, registry, Registration.AUTO_REGISTER);

    assertNull(serde.serializer().serialize(TOPIC, null));
    assertNull(serde.deserializer().deserialize(TOPIC, null));
  }

  @SuppressWarnings("unchecked")
  private <T extends SpecificRecord> T roundTrip(final T record) {
    final WireFormatSerde<T> serde =
        WireFormatSerde.specific(
            (Class<T>) record.getClass(), RecordPart.VALUE, registry, Registration.AUTO_REGISTER);
    return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, record));
  }

  private static int idOf(final byte[] bytes) {
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }
}
