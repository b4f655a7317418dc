package io.loyaltysync.serde;

import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.common.LoyaltyLevelKey;
import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.avro.event.CrmLoyaltyCardChange;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericData.StringType;
import org.apache.avro.generic.GenericRecord;

/** Test data for the serdes: records of several shapes, valid unless a test says otherwise. */
final class SerdeRecords {

  static final Instant CHANGED_AT = Instant.parse("2024-05-02T10:15:30.123Z");

  /** F&amp;O's empty date, the default of its date fields. */
  static final LocalDate NO_DATE = LocalDate.of(1900, 1, 1);

  private SerdeRecords() {}

  static RetailLoyaltyCardEntity anErpCard(final String cardNumber) {
    return new RetailLoyaltyCardEntity(
        cardNumber,
        RetailLoyaltyTenderTypeBase.asContactTender,
        "004021",
        "",
        "HOUSTON",
        LocalDate.of(2023, 3, 14),
        LocalDate.of(2023, 3, 13));
  }

  /** An UPDATE from the F&amp;O feed: enums, nested records, unions, a date and a timestamp. */
  static ErpLoyaltyCardChange anErpCardChange(final String cardNumber) {
    return new ErpLoyaltyCardChange(
        Operation.UPDATE,
        new LoyaltyCardKey(cardNumber),
        anErpCard(cardNumber),
        new SourceMetadata(SourceSystem.ERP, null, CHANGED_AT, "tx-7", 3L, "admin", null));
  }

  /** A DELETE from the Dataverse feed: the key only, no image. */
  static CrmLoyaltyCardChange aCrmCardDelete() {
    return new CrmLoyaltyCardChange(
        Operation.DELETE,
        new LoyaltyCardKey("100200300"),
        null,
        new SourceMetadata(SourceSystem.CRM, null, CHANGED_AT, null, null, "crm-user", null));
  }

  static MsdynLoyaltyCard aCrmCard() {
    return new MsdynLoyaltyCard(
        "100200300", 806380000, "004021", null, "HOUSTON", LocalDate.of(2023, 3, 14), null);
  }

  static LoyaltyLevelKey aLevelKey() {
    return new LoyaltyLevelKey("usrt", "Gold");
  }

  /** A dead letter: bytes fields, an enum and two timestamps. */
  static DeadLetter aDeadLetter() {
    return new DeadLetter(
        "erp.loyalty-card",
        2,
        4711L,
        CHANGED_AT,
        ErrorCategory.DESERIALIZATION,
        "not in the schema-registry wire format",
        "card",
        "erp-to-crm",
        null,
        ByteBuffer.wrap("100200300".getBytes(StandardCharsets.UTF_8)),
        ByteBuffer.wrap(new byte[] {0x7b, 0x22, 0x7d}),
        CHANGED_AT.plusSeconds(1));
  }

  /** A schema of every Avro type, as a schema derived at start-up would be: no generated class. */
  static Schema everyTypeSchema() {
    final Schema schema =
        SchemaBuilder.record("EveryType")
            .namespace("io.loyaltysync.test")
            .fields()
            .requiredInt("anInt")
            .requiredLong("aLong")
            .requiredFloat("aFloat")
            .requiredDouble("aDouble")
            .requiredBoolean("aBoolean")
            .requiredBytes("someBytes")
            .requiredString("aString")
            .name("anEnum")
            .type()
            .enumeration("Colour")
            .symbols("RED", "GREEN")
            .noDefault()
            .name("aFixed")
            .type()
            .fixed("Checksum")
            .size(4)
            .noDefault()
            .name("aList")
            .type()
            .array()
            .items()
            .stringType()
            .noDefault()
            .name("aMap")
            .type()
            .map()
            .values()
            .longType()
            .noDefault()
            .optionalString("maybe")
            .name("aDate")
            .type(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT)))
            .noDefault()
            .name("anInstant")
            .type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
            .noDefault()
            .endRecord();
    // Strings read back as String, not Utf8, so records compare equal to the ones written.
    GenericData.setStringType(schema, StringType.String);
    return schema;
  }

  static GenericRecord aRecordOfEveryType(final Schema schema) {
    final GenericRecord record = new GenericData.Record(schema);
    record.put("anInt", -42);
    record.put("aLong", Long.MAX_VALUE);
    record.put("aFloat", 1.5f);
    record.put("aDouble", -0.25);
    record.put("aBoolean", true);
    record.put("someBytes", ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
    record.put("aString", "æøå Érü");
    record.put("anEnum", new GenericData.EnumSymbol(schema.getField("anEnum").schema(), "GREEN"));
    record.put(
        "aFixed",
        new GenericData.Fixed(schema.getField("aFixed").schema(), new byte[] {9, 8, 7, 6}));
    record.put("aList", List.of("a", "b", ""));
    record.put("aMap", Map.of("points", 1200L, "bonus", -5L));
    record.put("maybe", null);
    record.put("aDate", NO_DATE);
    record.put("anInstant", CHANGED_AT);
    return record;
  }
}
