package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.CardRecords.NO_DATE;
import static io.loyaltysync.mapping.CardRecords.aCrmCard;
import static io.loyaltysync.mapping.CardRecords.anErpCard;
import static io.loyaltysync.mapping.MapFiles.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.error.ErrorCategory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The loyalty card map (maps.md section 1), row by row, in the directions each row flows. */
class CardMapTest {

  private static final CompiledMap CARD = MapFiles.BUNDLED.current(Template.CARD);

  private static MappedRecord toCrm(final RetailLoyaltyCardEntity erp)
      throws RecordRejectedException {
    return CARD.records(Direction.ERP_TO_CRM).map(erp);
  }

  private static MappedRecord toErp(final MsdynLoyaltyCard crm) throws RecordRejectedException {
    return CARD.records(Direction.CRM_TO_ERP).map(crm);
  }

  @Test
  void shouldCopyEveryCardRowFromFoToDataverse() throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp =
        anErpCard()
            .withCardNumber("100200300")
            .withTenderType(RetailLoyaltyTenderTypeBase.asContactTender)
            .withPartyNumber("004021")
            .withReplacementCardNumber("100200399")
            .withOperatingUnitNumber("HOUSTON")
            .withEnrollmentDate(LocalDate.of(2023, 3, 14))
            .withEnrollmentDateLocal(LocalDate.of(2023, 3, 13))
            .build();

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) toCrm(erp).record();

    // Then
    assertEquals("100200300", crm.getMsdynCardnumber());
    assertEquals(806380001, crm.getMsdynCardtendertype());
    assertEquals("004021", crm.getMsdynPartynumber());
    assertEquals("100200399", crm.getMsdynReplacementcardnumber());
    assertEquals("HOUSTON", crm.getMsdynOperatingunitnumber());
    assertEquals(LocalDate.of(2023, 3, 14), crm.getMsdynEnrollmentdate());
    assertEquals(LocalDate.of(2023, 3, 13), crm.getMsdynEffectivedate());
  }

  @Test
  void shouldCopyEveryTwoWayCardRowFromDataverseToFo() throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard crm =
        aCrmCard()
            .withCardNumber("100200300")
            .withTenderType(806380002)
            .withPartyNumber("004021")
            .withOperatingUnitNumber("HOUSTON")
            .withEnrollmentDate(LocalDate.of(2023, 3, 14))
            .withEffectiveDate(LocalDate.of(2023, 3, 13))
            .build();

    // When
    final RetailLoyaltyCardEntity erp = (RetailLoyaltyCardEntity) toErp(crm).record();

    // Then
    assertEquals("100200300", erp.getCARDNUMBER());
    assertEquals(RetailLoyaltyTenderTypeBase.noTender, erp.getCARDTENDERTYPE());
    assertEquals("004021", erp.getPARTYNUMBER());
    assertEquals("HOUSTON", erp.getOMOPERATINGUNITNUMBER());
    assertEquals(LocalDate.of(2023, 3, 14), erp.getLOYALTYENROLLMENTDATE());
    assertEquals(LocalDate.of(2023, 3, 13), erp.getLOYALTYENROLLMENTDATELOCAL());
  }

  @Test
  void shouldWriteEveryDataverseCardColumnAndEveryFoFieldButTheReplacementCard() {
    assertEquals(
        List.of(
            "msdyn_cardnumber",
            "msdyn_cardtendertype",
            "msdyn_partynumber",
            "msdyn_replacementcardnumber",
            "msdyn_operatingunitnumber",
            "msdyn_enrollmentdate",
            "msdyn_effectivedate"),
        CARD.records(Direction.ERP_TO_CRM).columns());
    assertEquals(
        List.of(
            "CARDNUMBER",
            "CARDTENDERTYPE",
            "PARTYNUMBER",
            "OMOPERATINGUNITNUMBER",
            "LOYALTYENROLLMENTDATE",
            "LOYALTYENROLLMENTDATELOCAL"),
        CARD.records(Direction.CRM_TO_ERP).columns());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "asCardTender,    806380000",
    "asContactTender, 806380001",
    "noTender,        806380002",
    "blocked,         806380003"
  })
  void shouldMapTheFoTenderTypeToItsDataverseOptionValue(
      final RetailLoyaltyTenderTypeBase tenderType, final int optionValue)
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().withTenderType(tenderType).build();

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) toCrm(erp).record();

    // Then
    assertEquals(optionValue, crm.getMsdynCardtendertype());
  }

  @ParameterizedTest(name = "{1} -> {0}")
  @CsvSource({
    "asCardTender,    806380000",
    "asContactTender, 806380001",
    "noTender,        806380002",
    "blocked,         806380003"
  })
  void shouldMapTheDataverseTenderOptionValueToItsFoSymbol(
      final RetailLoyaltyTenderTypeBase tenderType, final int optionValue)
      throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().withTenderType(optionValue).build();

    // When
    final RetailLoyaltyCardEntity erp = (RetailLoyaltyCardEntity) toErp(crm).record();

    // Then
    assertEquals(tenderType, erp.getCARDTENDERTYPE());
  }

  @ParameterizedTest(name = "option value {0}")
  @ValueSource(ints = {806380004, 0, 1, 192350000, -1})
  void shouldRejectADataverseTenderTypeOutsideTheValueMap(final int optionValue) {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().withTenderType(optionValue).build();

    // When / Then
    assertRejected(
        ErrorCategory.MAPPING,
        () -> toErp(crm),
        "msdyn_cardtendertype",
        "CARDTENDERTYPE",
        String.valueOf(optionValue),
        "outside the value map");
  }

  @Test
  void shouldRejectAnEmptyDataverseTenderTypeInsteadOfDefaultingIt() {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().withTenderType(null).build();

    // When / Then
    assertRejected(
        ErrorCategory.MAPPING,
        () -> toErp(crm),
        "msdyn_cardtendertype",
        "CARDTENDERTYPE",
        "no value");
  }

  @Test
  void shouldTurnFoEmptyStringsAndTheEmptyDateIntoEmptyDataverseColumns()
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().withNothingOptional().build();

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) toCrm(erp).record();

    // Then
    assertNull(crm.getMsdynPartynumber());
    assertNull(crm.getMsdynReplacementcardnumber());
    assertNull(crm.getMsdynOperatingunitnumber());
    assertNull(crm.getMsdynEnrollmentdate());
    assertNull(crm.getMsdynEffectivedate());
  }

  @Test
  void shouldTurnEmptyDataverseColumnsIntoFoEmptyStringsAndTheEmptyDate()
      throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().withNothingOptional().build();

    // When
    final RetailLoyaltyCardEntity erp = (RetailLoyaltyCardEntity) toErp(crm).record();

    // Then
    assertEquals("", erp.getPARTYNUMBER());
    assertEquals("", erp.getOMOPERATINGUNITNUMBER());
    assertEquals(NO_DATE, erp.getLOYALTYENROLLMENTDATE());
    assertEquals(NO_DATE, erp.getLOYALTYENROLLMENTDATELOCAL());
  }

  @Test
  void shouldTrimTheCardNumberKeyBothWays() throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().withCardNumber("  100200300 ").build();
    final MsdynLoyaltyCard crm = aCrmCard().withCardNumber(" 100200300  ").build();

    // When
    final MsdynLoyaltyCard toCrm = (MsdynLoyaltyCard) toCrm(erp).record();
    final RetailLoyaltyCardEntity toErp = (RetailLoyaltyCardEntity) toErp(crm).record();

    // Then
    assertEquals("100200300", toCrm.getMsdynCardnumber());
    assertEquals("100200300", toErp.getCARDNUMBER());
  }

  @Test
  void shouldCopyOtherStringsVerbatimWithoutTrimming() throws RecordRejectedException {
    // Given: only keys are normalised; F&O keeps what Dataverse holds
    final MsdynLoyaltyCard crm = aCrmCard().withPartyNumber(" 004021 ").build();

    // When
    final RetailLoyaltyCardEntity erp = (RetailLoyaltyCardEntity) toErp(crm).record();

    // Then
    assertEquals(" 004021 ", erp.getPARTYNUMBER());
  }

  // ---- REPLACEMENTCARDNUMBER is '>': F&O -> Dataverse only -----------------------------------

  @Test
  void shouldCarryTheFoReplacementCardNumberToDataverse() throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().withReplacementCardNumber("100200399").build();

    // When
    final MappedRecord mapped = toCrm(erp);

    // Then
    assertEquals("100200399", ((MsdynLoyaltyCard) mapped.record()).getMsdynReplacementcardnumber());
  }

  @ParameterizedTest(name = "Dataverse value [{0}]")
  @NullAndEmptySource
  @ValueSource(
      strings = {"100200399", " ", "a replacement card number far longer than thirty characters"})
  void shouldNotCarryADataverseEditOfReplacementCardNumberToFo(final String crmValue)
      throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().withReplacementCardNumber(crmValue).build();

    // When
    final MappedRecord mapped = toErp(crm);

    // Then: not a written column, so no F&O writer touches it, and no F&O rule refuses it
    assertFalse(mapped.columns().contains("REPLACEMENTCARDNUMBER"), mapped.columns()::toString);
  }

  @Test
  void shouldNotCarryADataverseReplacementCardNumberThroughAChangeEventEither()
      throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().withReplacementCardNumber("100200399").build();

    // When
    final MappedChange change =
        CARD.changes(Direction.CRM_TO_ERP)
            .map(ChangeEvents.aCrmChange(Template.CARD).withAfter(crm).build());

    // Then
    assertFalse(change.value().columns().contains("REPLACEMENTCARDNUMBER"));
  }
}
