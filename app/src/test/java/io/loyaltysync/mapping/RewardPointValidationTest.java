package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.MapFiles.assertRejected;
import static io.loyaltysync.mapping.RewardPointRecords.AMOUNT;
import static io.loyaltysync.mapping.RewardPointRecords.QUANTITY;
import static io.loyaltysync.mapping.RewardPointRecords.aCrmRewardPoint;
import static io.loyaltysync.mapping.RewardPointRecords.anErpRewardPoint;
import static io.loyaltysync.mapping.RewardPointRecords.currency;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.loyaltysync.avro.crm.MsdynLoyaltyRewardPoint;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointType;
import io.loyaltysync.avro.error.ErrorCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The F&amp;O rules on reward points: the id, the currency that goes with the type, and the
 * non-negative numbers, in either direction.
 */
class RewardPointValidationTest {

  private static final CompiledMap REWARD_POINT = MapFiles.BUNDLED.current(Template.REWARD_POINT);
  private static final String ISO_CODE = "must match [A-Z]{3}";

  private static MappedRecord toCrm(final RetailLoyaltyRewardPointEntity erp)
      throws RecordRejectedException {
    return REWARD_POINT.records(Direction.ERP_TO_CRM).map(erp);
  }

  private static MappedRecord toErp(final MsdynLoyaltyRewardPoint crm)
      throws RecordRejectedException {
    return REWARD_POINT.records(Direction.CRM_TO_ERP).map(crm);
  }

  // ---- RewardPointId: required, at most 64 ---------------------------------------------------

  @ParameterizedTest(name = "REWARDPOINTID [{0}]")
  @ValueSource(strings = {"", "  "})
  void shouldRefuseAnFoRewardPointWithoutAnId(final String id) {
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().withRewardPointId(id).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "REWARDPOINTID",
        "required, must not be empty or blank");
  }

  @ParameterizedTest(name = "msdyn_rewardpointid [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void shouldRefuseADataverseRewardPointWithoutAnId(final String id) {
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withRewardPointId(id).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        "REWARDPOINTID",
        "required, must not be empty or blank");
  }

  @Test
  void shouldRefuseARewardPointIdLongerThan64CharactersBothWays() {
    final RetailLoyaltyRewardPointEntity erp =
        anErpRewardPoint().withRewardPointId("P".repeat(65)).build();
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withRewardPointId("P".repeat(65)).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "REWARDPOINTID: at most 64 characters (was 65)");
    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        "REWARDPOINTID: at most 64 characters (was 65)");
  }

  @Test
  void shouldAcceptARewardPointIdOf64CharactersBothWays() {
    final RetailLoyaltyRewardPointEntity erp =
        anErpRewardPoint().withRewardPointId("P".repeat(64)).build();
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().withRewardPointId("P".repeat(64)).build();

    assertDoesNotThrow(() -> toCrm(erp));
    assertDoesNotThrow(() -> toErp(crm));
  }

  // ---- RewardPointCurrency: 3-letter ISO, required for amount, empty for quantity -------------

  @Test
  void shouldRefuseAnFoAmountPointWithoutACurrency() {
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().asAmountIn("").build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "REWARDPOINTCURRENCY: required when REWARDPOINTTYPE is amount");
  }

  @Test
  void shouldRefuseAnFoQuantityPointWithACurrency() {
    final RetailLoyaltyRewardPointEntity erp =
        anErpRewardPoint()
            .withType(RetailLoyaltyRewardPointType.quantity)
            .withCurrency("USD")
            .build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "REWARDPOINTCURRENCY: must be empty when REWARDPOINTTYPE is quantity");
  }

  @ParameterizedTest(name = "REWARDPOINTCURRENCY [{0}]")
  @ValueSource(strings = {"usd", "Usd", "US", "USDX", "US1", " USD"})
  void shouldRefuseAnFoCurrencyThatIsNotAThreeLetterUpperCaseIsoCode(final String isoCode) {
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().asAmountIn(isoCode).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "REWARDPOINTCURRENCY",
        ISO_CODE,
        "'" + isoCode + "'");
  }

  @Test
  void shouldAcceptAnFoAmountPointWithACurrencyAndAQuantityPointWithout() {
    final RetailLoyaltyRewardPointEntity amount = anErpRewardPoint().asAmountIn("USD").build();
    final RetailLoyaltyRewardPointEntity quantity =
        anErpRewardPoint().withType(RetailLoyaltyRewardPointType.quantity).withCurrency("").build();

    assertDoesNotThrow(() -> toCrm(amount));
    assertDoesNotThrow(() -> toCrm(quantity));
  }

  @Test
  void shouldRefuseADataverseAmountPointWithoutACurrency() {
    final MsdynLoyaltyRewardPoint crm =
        aCrmRewardPoint().withType(AMOUNT).withCurrency(null).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        "REWARDPOINTCURRENCY: required when REWARDPOINTTYPE is amount");
  }

  @Test
  void shouldRefuseADataverseQuantityPointWithACurrency() {
    final MsdynLoyaltyRewardPoint crm =
        aCrmRewardPoint().withType(QUANTITY).withCurrency(currency("USD")).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        "REWARDPOINTCURRENCY: must be empty when REWARDPOINTTYPE is quantity");
  }

  @ParameterizedTest(name = "isocurrencycode [{0}]")
  @ValueSource(strings = {"usd", "EURO", "E"})
  void shouldRefuseADataverseCurrencyThatIsNotAThreeLetterUpperCaseIsoCode(final String isoCode) {
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().asAmountIn(isoCode).build();

    assertRejected(ErrorCategory.VALIDATION, () -> toErp(crm), "REWARDPOINTCURRENCY", ISO_CODE);
  }

  @Test
  void shouldAcceptADataverseAmountPointWithACurrencyAndAQuantityPointWithout() {
    final MsdynLoyaltyRewardPoint amount = aCrmRewardPoint().asAmountIn("EUR").build();
    final MsdynLoyaltyRewardPoint quantity =
        aCrmRewardPoint().withType(QUANTITY).withCurrency(null).build();

    assertDoesNotThrow(() -> toErp(amount));
    assertDoesNotThrow(() -> toErp(quantity));
  }

  // ---- RedeemRanking, ExpirationTimeValue, VestingTimeValue, MaximumLoyaltyRewardPoints >= 0 --

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "REDEEMRANKING,              -1",
    "EXPIRATIONTIMEVALUE,        -1",
    "VESTINGTIMEVALUE,           -2147483648",
    "MAXIMUMLOYALTYREWARDPOINTS, -1"
  })
  void shouldRefuseANegativeFoNumber(final String field, final long value) {
    // Given
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().build();
    erp.put(field, field.startsWith("MAXIMUM") ? (Object) value : (Object) (int) value);

    // When / Then
    assertRejected(
        ErrorCategory.VALIDATION, () -> toCrm(erp), field + ": must be >= 0 (was " + value + ")");
  }

  @ParameterizedTest(name = "{0} = 0")
  @ValueSource(
      strings = {
        "REDEEMRANKING",
        "EXPIRATIONTIMEVALUE",
        "VESTINGTIMEVALUE",
        "MAXIMUMLOYALTYREWARDPOINTS"
      })
  void shouldAcceptZeroInAnFoNumber(final String field) {
    // Given
    final RetailLoyaltyRewardPointEntity erp = anErpRewardPoint().build();
    erp.put(field, field.startsWith("MAXIMUM") ? (Object) 0L : (Object) 0);

    // When / Then
    assertDoesNotThrow(() -> toCrm(erp));
  }

  @ParameterizedTest(name = "{0} = {2}")
  @CsvSource({
    "msdyn_redeemranking,              REDEEMRANKING,              -1",
    "msdyn_expirationtimevalue,        EXPIRATIONTIMEVALUE,        -5",
    "msdyn_vestingtimevalue,           VESTINGTIMEVALUE,           -1",
    "msdyn_maximumloyaltyrewardpoints, MAXIMUMLOYALTYREWARDPOINTS, -9000000000"
  })
  void shouldRefuseANegativeDataverseNumber(
      final String column, final String field, final long value) {
    // Given
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().build();
    crm.put(column, column.startsWith("msdyn_maximum") ? (Object) value : (Object) (int) value);

    // When / Then
    assertRejected(
        ErrorCategory.VALIDATION, () -> toErp(crm), field + ": must be >= 0 (was " + value + ")");
  }

  @ParameterizedTest(name = "{0} = 0")
  @ValueSource(
      strings = {
        "msdyn_redeemranking",
        "msdyn_expirationtimevalue",
        "msdyn_vestingtimevalue",
        "msdyn_maximumloyaltyrewardpoints"
      })
  void shouldAcceptZeroInADataverseNumber(final String column) {
    // Given
    final MsdynLoyaltyRewardPoint crm = aCrmRewardPoint().build();
    crm.put(column, column.startsWith("msdyn_maximum") ? (Object) 0L : (Object) 0);

    // When / Then
    assertDoesNotThrow(() -> toErp(crm));
  }
}
