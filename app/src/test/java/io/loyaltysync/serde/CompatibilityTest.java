package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** A refusal names the field that breaks compatibility, not its position in the schema. */
class CompatibilityTest {

  private static final Schema CHANGE = ErpLoyaltyCardChange.getClassSchema();

  @Test
  void shouldFindNothingWrongWithAFieldAddedWithADefault() {
    final Schema older =
        SchemaBuilder.record(RetailLoyaltyCardEntity.getClassSchema().getFullName())
            .fields()
            .requiredString("CARDNUMBER")
            .name("CARDTENDERTYPE")
            .type(RetailLoyaltyCardEntity.getClassSchema().getField("CARDTENDERTYPE").schema())
            .noDefault()
            .endRecord();

    assertNull(Compatibility.whyNotReadable(RetailLoyaltyCardEntity.getClassSchema(), older));
  }

  @Test
  void shouldNameAFieldOfARecordInsideANullableUnion() {
    // /fields/2 is 'after', a ["null", RetailLoyaltyCardEntity]; its field 0 is CARDNUMBER
    assertEquals(
        "field after.CARDNUMBER",
        Compatibility.fieldPath(CHANGE, "/fields/2/type/1/fields/0/type"));
  }

  @Test
  void shouldNameTheFieldOfAnEnumThatLacksSymbols() {
    assertEquals("field op", Compatibility.fieldPath(CHANGE, "/fields/0/type/symbols"));
  }

  @Test
  void shouldNameArrayItemsAndMapValues() {
    final Schema schema =
        SchemaBuilder.record("Points")
            .fields()
            .name("history")
            .type()
            .array()
            .items()
            .map()
            .values()
            .longType()
            .noDefault()
            .endRecord();

    assertEquals(
        "field history[]{}", Compatibility.fieldPath(schema, "/fields/0/type/items/values"));
  }

  @Test
  void shouldFallBackToThePointerWhereThePathIsUncertain() {
    final Schema twoBranches =
        SchemaBuilder.record("Amount")
            .fields()
            .name("value")
            .type()
            .unionOf()
            .intType()
            .and()
            .stringType()
            .endUnion()
            .noDefault()
            .endRecord();

    assertEquals("/fields/0/type/1", Compatibility.fieldPath(twoBranches, "/fields/0/type/1"));
    assertEquals("/fields/9/type", Compatibility.fieldPath(CHANGE, "/fields/9/type"));
    assertEquals("/name", Compatibility.fieldPath(CHANGE, "/name"));
  }

  @Test
  void shouldNameEveryBrokenFieldInTheReason() {
    final Schema writer =
        SchemaBuilder.record(CHANGE.getFullName())
            .fields()
            .name("op")
            .type(CHANGE.getField("op").schema())
            .noDefault()
            .endRecord();

    final String reason = Compatibility.whyNotReadable(CHANGE, writer);

    assertTrue(reason.contains("READER_FIELD_MISSING_DEFAULT_VALUE at field source"), reason);
  }
}
