package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.CardRecords.NO_DATE;
import static io.loyaltysync.mapping.CardRecords.aCrmCard;
import static io.loyaltysync.mapping.CardRecords.anErpCard;
import static io.loyaltysync.mapping.MapFiles.assertRejected;
import static io.loyaltysync.mapping.RewardPointRecords.AMOUNT;
import static io.loyaltysync.mapping.RewardPointRecords.aCrmRewardPoint;
import static io.loyaltysync.mapping.RewardPointRecords.anErpRewardPoint;
import static io.loyaltysync.mapping.RewardPointRecords.currency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.crm.MsdynLoyaltyRewardPoint;
import io.loyaltysync.avro.erp.NoYes;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointType;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.erp.RetailLoyaltyTimeUnit;
import io.loyaltysync.avro.error.ErrorCategory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * All six map-type symbols, with test maps in {@code maps-test/} against the real schemas: each row
 * flows only its way, defaults fill only "no value", and one-way value maps may be partial or
 * many-to-one in the direction they never come back.
 */
class MapTypeSymbolsTest {

  private static final CompiledMap CARD = MapFiles.compile("maps-test/card-one-way.json");
  private static final CompiledMap REWARD_POINT =
      MapFiles.compile("maps-test/reward-point-one-way.json");

  private static MappedRecord cardToCrm(final RetailLoyaltyCardEntity erp)
      throws RecordRejectedException {
    return CARD.records(Direction.ERP_TO_CRM).map(erp);
  }

  private static MappedRecord cardToErp(final MsdynLoyaltyCard crm) throws RecordRejectedException {
    return CARD.records(Direction.CRM_TO_ERP).map(crm);
  }

  private static MappedRecord pointToCrm(final RetailLoyaltyRewardPointEntity erp)
      throws RecordRejectedException {
    return REWARD_POINT.records(Direction.ERP_TO_CRM).map(erp);
  }

  private static RetailLoyaltyRewardPointEntity pointToErp(final MsdynLoyaltyRewardPoint crm)
      throws RecordRejectedException {
    return (RetailLoyaltyRewardPointEntity)
        REWARD_POINT.records(Direction.CRM_TO_ERP).map(crm).record();
  }

  @ParameterizedTest(name = "''{1}''")
  @CsvSource({
    "BOTH,                 =,  true,  true",
    "BOTH_VALUE_MAP,       ><, true,  true",
    "ERP_TO_CRM,           >,  true,  false",
    "CRM_TO_ERP,           <,  false, true",
    "ERP_TO_CRM_TRANSFORM, >>, true,  false",
    "CRM_TO_ERP_TRANSFORM, <<, false, true"
  })
  void shouldFlowEachSymbolOnlyItsWay(
      final MapType type, final String symbol, final boolean toCrm, final boolean toErp) {
    assertEquals(type, MapType.ofSymbol(symbol).orElseThrow());
    assertEquals(toCrm, type.flows(Direction.ERP_TO_CRM));
    assertEquals(toErp, type.flows(Direction.CRM_TO_ERP));
  }

  @Test
  void shouldWriteEachOneWayRowOnlyInItsDirection() {
    assertEquals(
        List.of(
            "msdyn_cardnumber",
            "msdyn_cardtendertype",
            "msdyn_partynumber",
            "msdyn_enrollmentdate"),
        CARD.records(Direction.ERP_TO_CRM).columns());
    assertEquals(
        List.of(
            "CARDNUMBER",
            "REPLACEMENTCARDNUMBER",
            "OMOPERATINGUNITNUMBER",
            "LOYALTYENROLLMENTDATELOCAL"),
        CARD.records(Direction.CRM_TO_ERP).columns());
    assertEquals(
        List.of(
            "msdyn_redeemranking",
            "msdyn_rewardpointcurrency",
            "msdyn_rewardpointid",
            "msdyn_rewardpointtype"),
        REWARD_POINT.records(Direction.ERP_TO_CRM).columns());
    assertEquals(
        List.of(
            "EXPIRATIONTIMEUNIT",
            "EXPIRATIONTIMEVALUE",
            "REDEEMABLE",
            "REWARDPOINTID",
            "REWARDPOINTTYPE",
            "MAXIMUMLOYALTYREWARDPOINTS"),
        REWARD_POINT.records(Direction.CRM_TO_ERP).columns());
  }

  // ---- '>' and '<'
  // -------------------------------------------------------------------------------

  @Test
  void shouldCopyAnFoOnlyRowToDataverseAndNeverBack() throws RecordRejectedException {
    // Given
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().withRedeemRanking(3).build();

    // When
    final MsdynLoyaltyRewardPoint crm = (MsdynLoyaltyRewardPoint) pointToCrm(erp).record();

    // Then
    assertEquals(3, crm.getMsdynRedeemranking());
    assertFalse(REWARD_POINT.records(Direction.CRM_TO_ERP).columns().contains("REDEEMRANKING"));
  }

  @Test
  void shouldCopyADataverseOnlyRowToFoAndNeverBack() throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard crm = aCrmCard().withReplacementCardNumber("100200399").build();
    final RetailLoyaltyCardEntity erp = anErpCard().withReplacementCardNumber("100200398").build();

    // When
    final RetailLoyaltyCardEntity toErp = (RetailLoyaltyCardEntity) cardToErp(crm).record();
    final MsdynLoyaltyCard toCrm = (MsdynLoyaltyCard) cardToCrm(erp).record();

    // Then
    assertEquals("100200399", toErp.getREPLACEMENTCARDNUMBER());
    assertNull(toCrm.getMsdynReplacementcardnumber());
  }

  @Test
  void shouldTurnAnEmptyDataverseValueOfADataverseOnlyRowIntoFoNoValue()
      throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard card = aCrmCard().withReplacementCardNumber(null).build();
    final MsdynLoyaltyRewardPoint point = aCrmRewardPoint().withExpirationValue(null).build();

    // When / Then
    assertEquals(
        "", ((RetailLoyaltyCardEntity) cardToErp(card).record()).getREPLACEMENTCARDNUMBER());
    assertEquals(0, pointToErp(point).getEXPIRATIONTIMEVALUE());
  }

  // ---- '>>'
  // --------------------------------------------------------------------------------------

  @ParameterizedTest(name = "PARTYNUMBER [{0}] -> [{1}]")
  @CsvSource({"'', ANONYMOUS", "004021, 004021"})
  void shouldWriteTheDefaultToDataverseOnlyWhenFoHasNoValue(
      final String partyNumber, final String expected) throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().withPartyNumber(partyNumber).build();

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) cardToCrm(erp).record();

    // Then
    assertEquals(expected, crm.getMsdynPartynumber());
  }

  @ParameterizedTest(name = "LOYALTYENROLLMENTDATE {0} -> {1}")
  @CsvSource({"1900-01-01, 2000-01-01", "2023-03-14, 2023-03-14"})
  void shouldWriteTheDefaultDateToDataverseOnlyForTheFoEmptyDate(
      final LocalDate date, final LocalDate expected) throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().withEnrollmentDate(date).build();

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) cardToCrm(erp).record();

    // Then
    assertEquals(expected, crm.getMsdynEnrollmentdate());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "asCardTender,    806380000",
    "asContactTender, 806380000",
    "noTender,        806380002",
    "blocked,         806380003"
  })
  void shouldAllowAManyToOneValueMapThatNeverComesBack(
      final RetailLoyaltyTenderTypeBase tenderType, final int optionValue)
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp = anErpCard().withTenderType(tenderType).build();

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) cardToCrm(erp).record();

    // Then
    assertEquals(optionValue, crm.getMsdynCardtendertype());
  }

  @Test
  void shouldIgnoreDataverseEditsOfFoToDataverseTransformRows() throws RecordRejectedException {
    // Given: values the '>>' rows would refuse or default if they flowed back
    final MsdynLoyaltyCard crm =
        aCrmCard().withTenderType(null).withPartyNumber(null).withEnrollmentDate(null).build();

    // When
    final MappedRecord erp = cardToErp(crm);

    // Then
    for (final String field : List.of("CARDTENDERTYPE", "PARTYNUMBER", "LOYALTYENROLLMENTDATE")) {
      assertFalse(erp.columns().contains(field), field);
    }
  }

  @Test
  void shouldWriteALookupDefaultWhenFoHasNoValue() throws RecordRejectedException {
    // Given
    final RetailLoyaltyRewardPointEntity quantity = anErpRewardPoint().withCurrency("").build();
    final RetailLoyaltyRewardPointEntity amount = anErpRewardPoint().asAmountIn("EUR").build();

    // When
    final MsdynLoyaltyRewardPoint fromQuantity =
        (MsdynLoyaltyRewardPoint) pointToCrm(quantity).record();
    final MsdynLoyaltyRewardPoint fromAmount =
        (MsdynLoyaltyRewardPoint) pointToCrm(amount).record();

    // Then
    assertEquals(currency("USD"), fromQuantity.getMsdynRewardpointcurrency());
    assertEquals(currency("EUR"), fromAmount.getMsdynRewardpointcurrency());
  }

  @Test
  void shouldGiveEveryRecordItsOwnCopyOfALookupDefault() throws RecordRejectedException {
    // Given: Avro records are mutable, so a shared default could be changed by one consumer
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().withCurrency("").build();
    final EntityReference first =
        ((MsdynLoyaltyRewardPoint) pointToCrm(erp).record()).getMsdynRewardpointcurrency();
    first.setKeyValue("XXX");

    // When
    final EntityReference second =
        ((MsdynLoyaltyRewardPoint) pointToCrm(erp).record()).getMsdynRewardpointcurrency();

    // Then
    assertEquals(currency("USD"), second);
  }

  // ---- '<<'
  // --------------------------------------------------------------------------------------

  @Test
  void shouldWriteTheDefaultToFoOnlyWhenDataverseHasNoValue() throws RecordRejectedException {
    // Given
    final MsdynLoyaltyCard empty =
        aCrmCard().withOperatingUnitNumber(null).withEffectiveDate(null).build();
    final MsdynLoyaltyCard filled =
        aCrmCard()
            .withOperatingUnitNumber("HOUSTON")
            .withEffectiveDate(LocalDate.of(2023, 3, 13))
            .build();

    // When
    final RetailLoyaltyCardEntity fromEmpty = (RetailLoyaltyCardEntity) cardToErp(empty).record();
    final RetailLoyaltyCardEntity fromFilled = (RetailLoyaltyCardEntity) cardToErp(filled).record();

    // Then
    assertEquals("WEB", fromEmpty.getOMOPERATINGUNITNUMBER());
    assertEquals(LocalDate.of(2010, 6, 30), fromEmpty.getLOYALTYENROLLMENTDATELOCAL());
    assertEquals("HOUSTON", fromFilled.getOMOPERATINGUNITNUMBER());
    assertEquals(LocalDate.of(2023, 3, 13), fromFilled.getLOYALTYENROLLMENTDATELOCAL());
  }

  @Test
  void shouldIgnoreFoValuesOfDataverseToFoRows() throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp =
        anErpCard().withOperatingUnitNumber("").withEnrollmentDateLocal(NO_DATE).build();

    // When
    final MsdynLoyaltyCard crm = (MsdynLoyaltyCard) cardToCrm(erp).record();

    // Then: no default is written the other way
    assertNull(crm.getMsdynOperatingunitnumber());
    assertNull(crm.getMsdynEffectivedate());
  }

  @ParameterizedTest(name = "msdyn_expirationtimeunit {0} -> {1}")
  @CsvSource({"806380000, day", "806380001, month", "806380002, year", ", year"})
  void shouldMapADataverseOptionThroughAOneWayValueMapWithADefault(
      final Integer option, final RetailLoyaltyTimeUnit expected) throws RecordRejectedException {
    // Given
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withExpirationUnit(option).build();

    // When / Then
    assertEquals(expected, pointToErp(crm).getEXPIRATIONTIMEUNIT());
  }

  @Test
  void shouldNotLetADefaultHideAnOptionOutsideTheValueMap() {
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withExpirationUnit(806380009).build();

    assertRejected(
        ErrorCategory.MAPPING,
        () -> pointToErp(crm),
        "msdyn_expirationtimeunit",
        "806380009",
        "outside the value map");
  }

  @Test
  void shouldMapTheValuesAPartialOneWayValueMapKnows() throws RecordRejectedException {
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withRedeemable(true).build();

    assertEquals(NoYes.yes, pointToErp(crm).getREDEEMABLE());
  }

  @ParameterizedTest(name = "msdyn_redeemable {0}")
  @EnumSource(
      value = Unknown.class,
      names = {"FALSE", "NULL"})
  void shouldRejectAValueAPartialOneWayValueMapDoesNotKnow(final Unknown value) {
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withRedeemable(value.value).build();

    assertRejected(ErrorCategory.MAPPING, () -> pointToErp(crm), "msdyn_redeemable", "REDEEMABLE");
  }

  @ParameterizedTest(name = "msdyn_maximumloyaltyrewardpoints {0} -> {1}")
  @CsvSource({", 1000", "0, 0", "5, 5"})
  void shouldWriteANumberDefaultToFoOnlyWhenDataverseHasNoValue(
      final Long maximum, final long expected) throws RecordRejectedException {
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withMaximumPoints(maximum).build();

    assertEquals(expected, pointToErp(crm).getMAXIMUMLOYALTYREWARDPOINTS());
  }

  @Test
  void shouldStillMapTheTwoWayValueMapRowOfAMixedMapBothWays() throws RecordRejectedException {
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().asAmountIn("EUR").build();
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withType(AMOUNT).build();

    assertEquals(
        AMOUNT, ((MsdynLoyaltyRewardPoint) pointToCrm(erp).record()).getMsdynRewardpointtype());
    assertEquals(RetailLoyaltyRewardPointType.amount, pointToErp(crm).getREWARDPOINTTYPE());
  }

  // ---- rules that depend on a field the map does not write
  // ---------------------------------------

  @Test
  void shouldNotJudgeAFieldByTheValueOfAFieldThisDirectionDoesNotWrite()
      throws RecordRejectedException {
    // Given: F&O alone owns the type ('>>'); Dataverse edits the currency of an amount point
    final CompiledMap map = MapFiles.compile("maps-test/reward-point-type-one-way.json");
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().asAmountIn("EUR").build();

    // When
    final MappedRecord erp = map.records(Direction.CRM_TO_ERP).map(crm);

    // Then: the currency is written; the type, which F&O keeps, is not
    assertEquals(List.of("REWARDPOINTCURRENCY", "REWARDPOINTID"), erp.columns());
    assertEquals("EUR", ((RetailLoyaltyRewardPointEntity) erp.record()).getREWARDPOINTCURRENCY());
  }

  @Test
  void shouldStillApplyRulesThatDoNotDependOnAnUnwrittenField() {
    final CompiledMap map = MapFiles.compile("maps-test/reward-point-type-one-way.json");
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().asAmountIn("eur").build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> map.records(Direction.CRM_TO_ERP).map(crm),
        "REWARDPOINTCURRENCY",
        "must match [A-Z]{3}");
  }

  /** Dataverse values a partial {yes: true} value map does not know. */
  enum Unknown {
    FALSE(Boolean.FALSE),
    NULL(null);

    private final Boolean value;

    Unknown(final Boolean value) {
      this.value = value;
    }
  }
}
