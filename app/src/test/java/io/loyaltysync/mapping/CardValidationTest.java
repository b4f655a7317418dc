package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.CardRecords.aCrmCard;
import static io.loyaltysync.mapping.CardRecords.anErpCard;
import static io.loyaltysync.mapping.MapFiles.assertRejected;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.error.ErrorCategory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The F&amp;O rules on loyalty cards (maps.md, "F&amp;O field types and limits"): checked on the
 * F&amp;O source row going to Dataverse and on the F&amp;O row mapped from Dataverse.
 */
class CardValidationTest {

  private static final CompiledMap CARD = MapFiles.BUNDLED.current(Template.CARD);
  private static final String DATE_RANGE = "must be between 1900-01-01 and 2154-12-31";

  private static MappedRecord toCrm(final RetailLoyaltyCardEntity erp)
      throws RecordRejectedException {
    return CARD.records(Direction.ERP_TO_CRM).map(erp);
  }

  private static MappedRecord toErp(final MsdynLoyaltyCard crm) throws RecordRejectedException {
    return CARD.records(Direction.CRM_TO_ERP).map(crm);
  }

  // ---- CardNumber: required, non-blank, at most 30 --------------------------------------------

  @ParameterizedTest(name = "CARDNUMBER [{0}]")
  @ValueSource(strings = {"", " ", "\t  "})
  void shouldRefuseAnFoCardWithoutACardNumber(final String cardNumber) {
    final RetailLoyaltyCardEntity erp = anErpCard().withCardNumber(cardNumber).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "CARDNUMBER",
        "required, must not be empty or blank");
  }

  @ParameterizedTest(name = "msdyn_cardnumber [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void shouldRefuseADataverseCardWithoutACardNumber(final String cardNumber) {
    final MsdynLoyaltyCard crm = aCrmCard().withCardNumber(cardNumber).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        "CARDNUMBER",
        "required, must not be empty or blank");
  }

  // ---- length limits ---------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} of {1}+1 characters")
  @CsvSource({
    "CARDNUMBER,            30",
    "PARTYNUMBER,           40",
    "OMOPERATINGUNITNUMBER, 8",
    "REPLACEMENTCARDNUMBER, 30"
  })
  void shouldRefuseAnFoValueLongerThanItsLimit(final String field, final int limit) {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().build();
    erp.put(field, "9".repeat(limit + 1));

    // When / Then
    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        field + ": at most " + limit + " characters (was " + (limit + 1) + ")");
  }

  @ParameterizedTest(name = "{0} of {1} characters")
  @CsvSource({
    "CARDNUMBER,            30, msdyn_cardnumber",
    "PARTYNUMBER,           40, msdyn_partynumber",
    "OMOPERATINGUNITNUMBER, 8,  msdyn_operatingunitnumber",
    "REPLACEMENTCARDNUMBER, 30, msdyn_replacementcardnumber"
  })
  void shouldAcceptAnFoValueAtItsLimit(final String field, final int limit, final String column)
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().build();
    erp.put(field, "9".repeat(limit));

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) toCrm(erp).record();

    // Then
    assertEquals("9".repeat(limit), crm.get(column));
  }

  @ParameterizedTest(name = "{0} of {2}+1 characters")
  @CsvSource({
    "msdyn_cardnumber,          CARDNUMBER,            30",
    "msdyn_partynumber,         PARTYNUMBER,           40",
    "msdyn_operatingunitnumber, OMOPERATINGUNITNUMBER, 8"
  })
  void shouldRefuseADataverseValueLongerThanTheFoLimit(
      final String column, final String field, final int limit) {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().build();
    crm.put(column, "9".repeat(limit + 1));

    // When / Then
    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        field + ": at most " + limit + " characters (was " + (limit + 1) + ")");
  }

  @ParameterizedTest(name = "{0} of {2} characters")
  @CsvSource({
    "msdyn_cardnumber,          CARDNUMBER,            30",
    "msdyn_partynumber,         PARTYNUMBER,           40",
    "msdyn_operatingunitnumber, OMOPERATINGUNITNUMBER, 8"
  })
  void shouldAcceptADataverseValueAtTheFoLimit(
      final String column, final String field, final int limit) throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().build();
    crm.put(column, "9".repeat(limit));

    // When
    final RetailLoyaltyCardEntity erp = (RetailLoyaltyCardEntity) toErp(crm).record();

    // Then
    assertEquals("9".repeat(limit), erp.get(field));
  }

  @Test
  void shouldAcceptAnEmptyPartyNumberForAnAnonymousCard() {
    final RetailLoyaltyCardEntity erp = anErpCard().withPartyNumber("").build();
    final MsdynLoyaltyCard crm = aCrmCard().withPartyNumber(null).build();

    assertDoesNotThrow(() -> toCrm(erp));
    assertDoesNotThrow(() -> toErp(crm));
  }

  @Test
  void shouldReportEveryBrokenFieldOfARowAtOnce() {
    final RetailLoyaltyCardEntity erp =
        anErpCard().withCardNumber("1".repeat(31)).withOperatingUnitNumber("STORE-0042").build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "CARDNUMBER: at most 30 characters",
        "OMOPERATINGUNITNUMBER: at most 8 characters");
  }

  @Test
  void shouldRefuseANullInAnFoRowBecauseFoHasNoNulls() {
    final RetailLoyaltyCardEntity erp = anErpCard().withPartyNumber(null).build();

    assertRejected(ErrorCategory.VALIDATION, () -> toCrm(erp), "PARTYNUMBER", "required");
  }

  // ---- dates: 1900-01-01 is "no value"; F&O holds nothing outside 1900-01-01..2154-12-31 -------

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "LOYALTYENROLLMENTDATE,      1899-12-31",
    "LOYALTYENROLLMENTDATE,      2155-01-01",
    "LOYALTYENROLLMENTDATELOCAL, 1899-12-31",
    "LOYALTYENROLLMENTDATELOCAL, 2155-01-01",
    "LOYALTYENROLLMENTDATELOCAL, 0001-01-01"
  })
  void shouldRefuseAnFoDateOutsideTheFoRange(final String field, final LocalDate date) {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().build();
    erp.put(field, date);

    // When / Then
    assertRejected(
        ErrorCategory.VALIDATION, () -> toCrm(erp), field, DATE_RANGE, "(was " + date + ")");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "LOYALTYENROLLMENTDATE,      1900-01-01, msdyn_enrollmentdate, ",
    "LOYALTYENROLLMENTDATE,      1900-01-02, msdyn_enrollmentdate, 1900-01-02",
    "LOYALTYENROLLMENTDATE,      2154-12-31, msdyn_enrollmentdate, 2154-12-31",
    "LOYALTYENROLLMENTDATELOCAL, 1900-01-01, msdyn_effectivedate,  ",
    "LOYALTYENROLLMENTDATELOCAL, 2154-12-31, msdyn_effectivedate,  2154-12-31"
  })
  void shouldAcceptAnFoDateInTheFoRangeAndMapTheEmptyDateToNoValue(
      final String field, final LocalDate date, final String column, final LocalDate expected)
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().build();
    erp.put(field, date);

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) toCrm(erp).record();

    // Then
    assertEquals(expected, crm.get(column));
  }

  @ParameterizedTest(name = "{0} = {2}")
  @CsvSource({
    "msdyn_enrollmentdate, LOYALTYENROLLMENTDATE,      1899-12-31",
    "msdyn_enrollmentdate, LOYALTYENROLLMENTDATE,      2155-01-01",
    "msdyn_effectivedate,  LOYALTYENROLLMENTDATELOCAL, 1899-12-31",
    "msdyn_effectivedate,  LOYALTYENROLLMENTDATELOCAL, 9999-12-31"
  })
  void shouldRefuseADataverseDateFoCannotHold(
      final String column, final String field, final LocalDate date) {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().build();
    crm.put(column, date);

    // When / Then
    assertRejected(
        ErrorCategory.VALIDATION, () -> toErp(crm), field, DATE_RANGE, "(was " + date + ")");
  }

  @ParameterizedTest(name = "{0} = {2}")
  @CsvSource({
    "msdyn_enrollmentdate, LOYALTYENROLLMENTDATE,      ,           1900-01-01",
    "msdyn_enrollmentdate, LOYALTYENROLLMENTDATE,      1900-01-02, 1900-01-02",
    "msdyn_enrollmentdate, LOYALTYENROLLMENTDATE,      2154-12-31, 2154-12-31",
    "msdyn_effectivedate,  LOYALTYENROLLMENTDATELOCAL, ,           1900-01-01",
    "msdyn_effectivedate,  LOYALTYENROLLMENTDATELOCAL, 2154-12-31, 2154-12-31"
  })
  void shouldAcceptADataverseDateInTheFoRangeAndMapNoValueToTheEmptyDate(
      final String column, final String field, final LocalDate date, final LocalDate expected)
      throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().build();
    crm.put(column, date);

    // When
    final RetailLoyaltyCardEntity erp = (RetailLoyaltyCardEntity) toErp(crm).record();

    // Then
    assertEquals(expected, erp.get(field));
  }
}
