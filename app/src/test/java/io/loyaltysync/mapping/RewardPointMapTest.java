package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.MapFiles.assertRejected;
import static io.loyaltysync.mapping.RewardPointRecords.AMOUNT;
import static io.loyaltysync.mapping.RewardPointRecords.DAY;
import static io.loyaltysync.mapping.RewardPointRecords.MONTH;
import static io.loyaltysync.mapping.RewardPointRecords.YEAR;
import static io.loyaltysync.mapping.RewardPointRecords.aCrmRewardPoint;
import static io.loyaltysync.mapping.RewardPointRecords.anErpRewardPoint;
import static io.loyaltysync.mapping.RewardPointRecords.currency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.crm.MsdynLoyaltyRewardPoint;
import io.loyaltysync.avro.erp.NoYes;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointType;
import io.loyaltysync.avro.erp.RetailLoyaltyTimeUnit;
import io.loyaltysync.avro.error.ErrorCategory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loyalty reward point map (maps.md section 3), every row and value-map pair both ways. */
class RewardPointMapTest {

  private static final CompiledMap REWARD_POINT = MapFiles.BUNDLED.current(Template.REWARD_POINT);

  private static MsdynLoyaltyRewardPoint toCrm(final RetailLoyaltyRewardPointEntity erp)
      throws RecordRejectedException {
    return (MsdynLoyaltyRewardPoint) REWARD_POINT.records(Direction.ERP_TO_CRM).map(erp).record();
  }

  private static RetailLoyaltyRewardPointEntity toErp(final MsdynLoyaltyRewardPoint crm)
      throws RecordRejectedException {
    return (RetailLoyaltyRewardPointEntity)
        REWARD_POINT.records(Direction.CRM_TO_ERP).map(crm).record();
  }

  @Test
  void shouldCopyEveryRewardPointRowFromFoToDataverse() throws RecordRejectedException {
    // Given
    final RetailLoyaltyRewardPointEntity erp =
        anErpRewardPoint()
            .withRewardPointId("DOLLARS")
            .asAmountIn("USD")
            .withExpiration(2, RetailLoyaltyTimeUnit.year)
            .withVesting(30, RetailLoyaltyTimeUnit.day)
            .withRedeemable(NoYes.yes)
            .withRedeemRanking(3)
            .withMaximumPoints(5_000_000_000L)
            .build();

    // When
    final MsdynLoyaltyRewardPoint crm = toCrm(erp);

    // Then
    assertEquals("DOLLARS", crm.getMsdynRewardpointid());
    assertEquals(AMOUNT, crm.getMsdynRewardpointtype());
    assertEquals(currency("USD"), crm.getMsdynRewardpointcurrency());
    assertEquals(YEAR, crm.getMsdynExpirationtimeunit());
    assertEquals(2, crm.getMsdynExpirationtimevalue());
    assertEquals(DAY, crm.getMsdynVestingtimeunit());
    assertEquals(30, crm.getMsdynVestingtimevalue());
    assertEquals(true, crm.getMsdynRedeemable());
    assertEquals(3, crm.getMsdynRedeemranking());
    assertEquals(5_000_000_000L, crm.getMsdynMaximumloyaltyrewardpoints());
  }

  @Test
  void shouldCopyEveryRewardPointRowFromDataverseToFo() throws RecordRejectedException {
    // Given
    final MsdynLoyaltyRewardPoint crm =
        aCrmRewardPoint()
            .withRewardPointId("DOLLARS")
            .asAmountIn("EUR")
            .withExpirationUnit(MONTH)
            .withExpirationValue(6)
            .withVestingUnit(YEAR)
            .withVestingValue(1)
            .withRedeemable(false)
            .withRedeemRanking(4)
            .withMaximumPoints(7_000_000_000L)
            .build();

    // When
    final RetailLoyaltyRewardPointEntity erp = toErp(crm);

    // Then
    assertEquals("DOLLARS", erp.getREWARDPOINTID());
    assertEquals(RetailLoyaltyRewardPointType.amount, erp.getREWARDPOINTTYPE());
    assertEquals("EUR", erp.getREWARDPOINTCURRENCY());
    assertEquals(RetailLoyaltyTimeUnit.month, erp.getEXPIRATIONTIMEUNIT());
    assertEquals(6, erp.getEXPIRATIONTIMEVALUE());
    assertEquals(RetailLoyaltyTimeUnit.year, erp.getVESTINGTIMEUNIT());
    assertEquals(1, erp.getVESTINGTIMEVALUE());
    assertEquals(NoYes.no, erp.getREDEEMABLE());
    assertEquals(4, erp.getREDEEMRANKING());
    assertEquals(7_000_000_000L, erp.getMAXIMUMLOYALTYREWARDPOINTS());
  }

  @Test
  void shouldWriteAllTenRowsInEachDirection() {
    assertEquals(
        List.of(
            "msdyn_expirationtimeunit",
            "msdyn_expirationtimevalue",
            "msdyn_redeemable",
            "msdyn_redeemranking",
            "msdyn_rewardpointcurrency",
            "msdyn_rewardpointid",
            "msdyn_rewardpointtype",
            "msdyn_maximumloyaltyrewardpoints",
            "msdyn_vestingtimeunit",
            "msdyn_vestingtimevalue"),
        REWARD_POINT.records(Direction.ERP_TO_CRM).columns());
    assertEquals(
        List.of(
            "EXPIRATIONTIMEUNIT",
            "EXPIRATIONTIMEVALUE",
            "REDEEMABLE",
            "REDEEMRANKING",
            "REWARDPOINTCURRENCY",
            "REWARDPOINTID",
            "REWARDPOINTTYPE",
            "MAXIMUMLOYALTYREWARDPOINTS",
            "VESTINGTIMEUNIT",
            "VESTINGTIMEVALUE"),
        REWARD_POINT.records(Direction.CRM_TO_ERP).columns());
  }

  // ---- value maps ----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({"day, 806380000", "month, 806380001", "year, 806380002"})
  void shouldMapTheExpirationTimeUnitBothWays(final RetailLoyaltyTimeUnit unit, final int option)
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().withExpiration(1, unit).build();
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withExpirationUnit(option).build();

    // When / Then
    assertEquals(option, toCrm(erp).getMsdynExpirationtimeunit());
    assertEquals(unit, toErp(crm).getEXPIRATIONTIMEUNIT());
  }

  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({"day, 806380000", "month, 806380001", "year, 806380002"})
  void shouldMapTheVestingTimeUnitBothWays(final RetailLoyaltyTimeUnit unit, final int option)
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().withVesting(1, unit).build();
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withVestingUnit(option).build();

    // When / Then
    assertEquals(option, toCrm(erp).getMsdynVestingtimeunit());
    assertEquals(unit, toErp(crm).getVESTINGTIMEUNIT());
  }

  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({"yes, true", "no, false"})
  void shouldMapRedeemableBothWays(final NoYes redeemable, final boolean value)
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyRewardPointEntity erp =
        anErpRewardPoint().withRedeemable(redeemable).build();
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withRedeemable(value).build();

    // When / Then
    assertEquals(value, toCrm(erp).getMsdynRedeemable());
    assertEquals(redeemable, toErp(crm).getREDEEMABLE());
  }

  @ParameterizedTest(name = "{0} <-> {1}")
  @CsvSource({"quantity, 192350000, ''", "amount, 192350001, USD"})
  void shouldMapTheRewardPointTypeBothWays(
      final RetailLoyaltyRewardPointType type, final int option, final String isoCode)
      throws RecordRejectedException {
    // Given: an amount point carries a currency, a quantity point none
    final RetailLoyaltyRewardPointEntity erp =
        anErpRewardPoint().withType(type).withCurrency(isoCode).build();
    final MsdynLoyaltyRewardPoint crm =
        aCrmRewardPoint()
            .withType(option)
            .withCurrency(isoCode.isEmpty() ? null : currency(isoCode))
            .build();

    // When / Then
    assertEquals(option, toCrm(erp).getMsdynRewardpointtype());
    assertEquals(type, toErp(crm).getREWARDPOINTTYPE());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "msdyn_expirationtimeunit, 806380003",
    "msdyn_expirationtimeunit, 192350000",
    "msdyn_vestingtimeunit,    806380003",
    "msdyn_vestingtimeunit,    0",
    "msdyn_rewardpointtype,    192350002",
    "msdyn_rewardpointtype,    806380000"
  })
  void shouldRejectADataverseOptionValueOutsideTheValueMap(final String column, final int value) {
    // Given
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().build();
    crm.put(column, value);

    // When / Then
    assertRejected(
        ErrorCategory.MAPPING,
        () -> toErp(crm),
        column,
        String.valueOf(value),
        "outside the value map");
  }

  @ParameterizedTest(name = "{0} empty")
  @CsvSource({
    "msdyn_expirationtimeunit, EXPIRATIONTIMEUNIT",
    "msdyn_vestingtimeunit,    VESTINGTIMEUNIT",
    "msdyn_redeemable,         REDEEMABLE",
    "msdyn_rewardpointtype,    REWARDPOINTTYPE"
  })
  void shouldRejectAnEmptyDataverseValueMapColumnInsteadOfDefaultingIt(
      final String column, final String field) {
    // Given
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().build();
    crm.put(column, null);

    // When / Then
    assertRejected(ErrorCategory.MAPPING, () -> toErp(crm), column, field, "no value");
  }

  // ---- currency lookup and numbers -----------------------------------------------------------

  @Test
  void shouldLookUpTheCurrencyByItsIsoCodeInTransactionCurrency() throws RecordRejectedException {
    // Given
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().asAmountIn("DKK").build();

    // When
    final EntityReference lookup = toCrm(erp).getMsdynRewardpointcurrency();

    // Then
    assertEquals("transactioncurrency", lookup.getTable());
    assertEquals("isocurrencycode", lookup.getKeyColumn());
    assertEquals("DKK", lookup.getKeyValue());
  }

  @Test
  void shouldMapAQuantityPointWithoutCurrencyToAnEmptyLookupAndBack()
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().withCurrency("").build();
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withCurrency(null).build();

    // When / Then
    assertNull(toCrm(erp).getMsdynRewardpointcurrency());
    assertEquals("", toErp(crm).getREWARDPOINTCURRENCY());
  }

  @Test
  void shouldRejectACurrencyLookupToAnotherTable() {
    // Given
    final MsdynLoyaltyRewardPoint crm =
        aCrmRewardPoint()
            .withType(AMOUNT)
            .withCurrency(new EntityReference("currency", "code", "USD"))
            .build();

    // When / Then
    assertRejected(
        ErrorCategory.MAPPING,
        () -> toErp(crm),
        "msdyn_rewardpointcurrency",
        "transactioncurrency.isocurrencycode");
  }

  @Test
  void shouldTurnEmptyDataverseNumbersIntoFoZero() throws RecordRejectedException {
    // Given
    final MsdynLoyaltyRewardPoint crm =
        aCrmRewardPoint()
            .withExpirationValue(null)
            .withVestingValue(null)
            .withRedeemRanking(null)
            .withMaximumPoints(null)
            .build();

    // When
    final RetailLoyaltyRewardPointEntity erp = toErp(crm);

    // Then
    assertEquals(0, erp.getEXPIRATIONTIMEVALUE());
    assertEquals(0, erp.getVESTINGTIMEVALUE());
    assertEquals(0, erp.getREDEEMRANKING());
    assertEquals(0L, erp.getMAXIMUMLOYALTYREWARDPOINTS());
  }

  @Test
  void shouldCopyFoZeroAsZeroNotAsAnEmptyColumn() throws RecordRejectedException {
    // Given: 0 is a real F&O value (expiration 0 = never expires)
    final RetailLoyaltyRewardPointEntity erp =
        anErpRewardPoint()
            .withExpiration(0, RetailLoyaltyTimeUnit.day)
            .withVesting(0, RetailLoyaltyTimeUnit.day)
            .withRedeemRanking(0)
            .withMaximumPoints(0)
            .build();

    // When
    final MsdynLoyaltyRewardPoint crm = toCrm(erp);

    // Then
    assertEquals(0, crm.getMsdynExpirationtimevalue());
    assertEquals(0, crm.getMsdynVestingtimevalue());
    assertEquals(0, crm.getMsdynRedeemranking());
    assertEquals(0L, crm.getMsdynMaximumloyaltyrewardpoints());
  }
}
