package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.MapFiles.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A broken map file refuses to load, with one message that names the file, the row (when the
 * problem is in one) and the problem. Each file in {@code maps-broken/} has one defect, described
 * in its first-line comment; most are {@code maps-test/card-baseline.json} with that defect.
 */
class BrokenMapFileTest {

  private static final String FILE_LEVEL = "";

  /**
   * Asserts that compiling {@code maps-broken/<file>} fails at {@code where} ("row 3", "company
   * scope", or {@link #FILE_LEVEL}) with a message holding every one of {@code problem}.
   */
  private static void assertRefused(
      final String file, final String where, final String... problem) {
    final String resource = "maps-broken/" + file;
    final MapFileException refused =
        assertThrows(MapFileException.class, () -> MapFiles.compile(resource));
    final String prefix = "map file " + resource + ": " + (where.isEmpty() ? "" : where + " (");
    assertContainsAll(refused.getMessage(), prefix);
    assertContainsAll(refused.getMessage(), problem);
  }

  @Test
  void shouldAcceptTheBaselineTheBrokenFilesAreMadeFrom() {
    assertDoesNotThrow(() -> MapFiles.compile("maps-test/card-baseline.json"));
  }

  // ---- the file's shape ------------------------------------------------------------------------

  @Test
  void shouldRefuseAFileThatIsNotValidJson() {
    assertRefused("invalid-json.json", FILE_LEVEL, "not valid JSON", "(line 12, column 1)");
  }

  @Test
  void shouldRefuseAnUnknownTopLevelProperty() {
    assertRefused("unknown-top-level-property.json", FILE_LEVEL, "unknown property 'owner'");
  }

  @Test
  void shouldRefuseAnUnknownRowProperty() {
    assertRefused("unknown-row-property.json", "row 3", "unknown property 'transform'");
  }

  @Test
  void shouldRefuseAnUnknownTemplate() {
    assertRefused(
        "unknown-template.json",
        FILE_LEVEL,
        "unknown template 'loyalty-tier'",
        "card, level or reward-point");
  }

  @Test
  void shouldRefuseAVersionThatIsNotNumbersAndDots() {
    assertRefused("bad-version.json", FILE_LEVEL, "version 'v1.1' is not of the form 1.2");
  }

  @Test
  void shouldRefuseAnUnknownMapSymbol() {
    assertRefused(
        "unknown-map-symbol.json",
        "row 3",
        "(PARTYNUMBER <> msdyn_partynumber)",
        "map type '<>' is not one of =, ><, >, <, >>, <<");
  }

  // ---- fields and columns against the schemas --------------------------------------------------

  @Test
  void shouldRefuseAnUnknownFoField() {
    assertRefused(
        "unknown-fo-field.json", "row 3", "unknown F&O field 'PARTYNO' in RetailLoyaltyCardEntity");
  }

  @Test
  void shouldRefuseAnUnknownDataverseColumn() {
    assertRefused(
        "unknown-dataverse-column.json",
        "row 3",
        "unknown Dataverse column 'msdyn_party' in msdyn_loyaltycard");
  }

  @Test
  void shouldRefuseAnFoFieldMappedTwice() {
    assertRefused(
        "fo-field-mapped-twice.json", "row 4", "F&O field PARTYNUMBER is already mapped by row 3");
  }

  @Test
  void shouldRefuseADataverseColumnMappedTwice() {
    assertRefused(
        "dataverse-column-mapped-twice.json",
        "row 4",
        "Dataverse column msdyn_partynumber is already mapped by row 3");
  }

  @Test
  void shouldRefuseAStringMappedToAnInt() {
    assertRefused(
        "incompatible-types.json",
        "row 2",
        "incompatible types: F&O PARTYNUMBER is string, Dataverse msdyn_cardtendertype is int");
  }

  @Test
  void shouldRefuseAnIntMappedToALong() {
    assertRefused(
        "incompatible-number-types.json",
        "row 2",
        "incompatible types: F&O REDEEMRANKING is int,"
            + " Dataverse msdyn_maximumloyaltyrewardpoints is long");
  }

  // ---- value maps ------------------------------------------------------------------------------

  @Test
  void shouldRefuseAnEnumMappedWithEquals() {
    assertRefused(
        "enum-mapped-with-equals.json",
        "row 2",
        "CARDTENDERTYPE is an enum: map it with '><' and a value map");
  }

  @Test
  void shouldRefuseATwoWayValueMapRowWithoutAValueMap() {
    assertRefused("value-map-missing.json", "row 2", "'><' needs a value map");
  }

  @Test
  void shouldRefuseAValueMapThatDoesNotCoverEveryEnumSymbol() {
    assertRefused(
        "value-map-incomplete.json",
        "row 2",
        "value map does not cover every symbol of enum RetailLoyaltyTenderTypeBase: missing"
            + " [blocked]");
  }

  @Test
  void shouldRefuseAValueMapKeyThatIsNotASymbolOfTheEnum() {
    assertRefused(
        "value-map-unknown-symbol.json",
        "row 2",
        "value map names 'AsCardTender', which is not a symbol of enum"
            + " RetailLoyaltyTenderTypeBase");
  }

  @Test
  void shouldRefuseAValueMapValueOfTheWrongType() {
    assertRefused(
        "value-map-wrong-type.json",
        "row 2",
        "value map: asCardTender : \"806380000\" is not a int, the type of msdyn_cardtendertype");
  }

  @Test
  void shouldRefuseNumbersInTheValueMapOfABooleanColumn() {
    assertRefused(
        "value-map-wrong-boolean.json", "row 2", "is not a boolean, the type of msdyn_redeemable");
  }

  @Test
  void shouldRefuseATwoWayValueMapThatIsNotOneToOne() {
    assertRefused(
        "value-map-not-one-to-one.json",
        "row 2",
        "value map is not one-to-one: Dataverse value 806380000 comes from both asCardTender and"
            + " asContactTender");
  }

  @Test
  void shouldRefuseAValueMapOnAFieldThatIsNotAnEnum() {
    assertRefused(
        "value-map-on-a-string.json",
        "row 3",
        "a value map translates an F&O enum, but PARTYNUMBER is string");
  }

  // ---- defaults and transforms -----------------------------------------------------------------

  @Test
  void shouldRefuseAnFoToDataverseDefaultOnAFieldThatAlwaysHasAValue() {
    assertRefused(
        "default-that-never-applies.json",
        "row 2",
        "a '>>' default is written when F&O has no value, but F&O field CARDTENDERTYPE"
            + " (enum RetailLoyaltyTenderTypeBase) always has one");
  }

  @Test
  void shouldRefuseADefaultOnATwoWayRow() {
    assertRefused("default-on-equals.json", "row 3", "a default needs '>>' or '<<', not '='");
  }

  @Test
  void shouldRefuseATransformRowWithNeitherDefaultNorValueMap() {
    assertRefused(
        "transform-without-default-or-value-map.json",
        "row 3",
        "'>>' needs a default or a value map (else use '>')");
  }

  @Test
  void shouldRefuseADefaultOfTheWrongType() {
    assertRefused(
        "default-of-wrong-type.json",
        "row 3",
        "default 4021 is not a valid string for PARTYNUMBER");
  }

  @Test
  void shouldRefuseADateDefaultThatIsNoDate() {
    assertRefused(
        "default-not-a-date.json",
        "row 3",
        "default \"2023-13-01\" is not a valid date for msdyn_enrollmentdate");
  }

  // ---- lookups ---------------------------------------------------------------------------------

  @Test
  void shouldRefuseALookupWithoutALookupTable() {
    assertRefused(
        "lookup-without-lookup-table.json",
        "row 2",
        "a lookup (column.keyColumn) needs 'lookupTable'");
  }

  @Test
  void shouldRefuseALookupColumnWrittenWithoutItsKeyColumn() {
    assertRefused(
        "lookup-without-key-column.json",
        "row 2",
        "msdyn_rewardpointcurrency is a lookup: write it as msdyn_rewardpointcurrency.<key column>");
  }

  @Test
  void shouldRefuseALookupTableOnARowThatIsNotALookup() {
    assertRefused("lookup-table-on-non-lookup.json", "row 3", "'lookupTable' belongs to a lookup");
  }

  @Test
  void shouldRefuseALookupOnAPlainColumn() {
    assertRefused(
        "lookup-on-a-plain-column.json",
        "row 3",
        "Dataverse column msdyn_partynumber is string, not a lookup");
  }

  // ---- keys and scope --------------------------------------------------------------------------

  @Test
  void shouldRefuseAKeyFieldNoRowMaps() {
    assertRefused(
        "key-field-not-mapped.json", FILE_LEVEL, "key field CARDNUMBER is not mapped by any row");
  }

  @Test
  void shouldRefuseAKeyFieldMappedOneWay() {
    assertRefused(
        "key-field-one-way.json",
        "row 1",
        "key field CARDNUMBER must be mapped both ways with '='");
  }

  @Test
  void shouldRefuseAKeyWithTheWrongNumberOfFields() {
    assertRefused(
        "wrong-key-arity.json",
        FILE_LEVEL,
        "'key' lists 2 field(s) but LoyaltyCardKey has 1 [cardNumber]");
  }

  @Test
  void shouldRefuseALevelMapWithoutCompanyScope() {
    assertRefused(
        "level-without-company-scope.json",
        FILE_LEVEL,
        "template level is per company: scope must be 'company'");
  }

  @Test
  void shouldRefuseACompanyScopeWithoutItsCompanyRow() {
    assertRefused(
        "level-company-scope-without-company.json",
        FILE_LEVEL,
        "scope 'company' needs a 'company' object");
  }

  @Test
  void shouldRefuseALevelKeyWithoutTheCompany() {
    assertRefused(
        "level-key-without-company.json",
        FILE_LEVEL,
        "'key' must include the company field dataAreaId");
  }

  @Test
  void shouldRefuseALevelKeyThatDoesNotPutTheCompanyFirst() {
    assertRefused(
        "level-key-company-not-first.json",
        FILE_LEVEL,
        "'key' must list the company field dataAreaId first",
        "LoyaltyLevelKey [company, levelPhrase]");
  }

  @Test
  void shouldRefuseACompanyScopeOnAGlobalTemplate() {
    assertRefused(
        "card-with-company-scope.json",
        FILE_LEVEL,
        "template card is global: scope must be 'global'");
  }
}
