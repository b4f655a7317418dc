package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.LevelRecords.aCrmLevel;
import static io.loyaltysync.mapping.LevelRecords.anErpLevel;
import static io.loyaltysync.mapping.MapFiles.assertRejected;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.loyaltysync.avro.crm.MsdynLoyaltyLevel;
import io.loyaltysync.avro.erp.LoyaltyLevelEntity;
import io.loyaltysync.avro.error.ErrorCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The F&amp;O rules on loyalty levels: a company (dataAreaId, at most 4 characters) and a level
 * phrase are both required, in either direction.
 */
class LevelValidationTest {

  private static final CompiledMap LEVEL = MapFiles.BUNDLED.current(Template.LEVEL);

  private static MappedRecord toCrm(final LoyaltyLevelEntity erp) throws RecordRejectedException {
    return LEVEL.records(Direction.ERP_TO_CRM).map(erp);
  }

  private static MappedRecord toErp(final MsdynLoyaltyLevel crm) throws RecordRejectedException {
    return LEVEL.records(Direction.CRM_TO_ERP).map(crm);
  }

  // ---- dataAreaId ----------------------------------------------------------------------------

  @ParameterizedTest(name = "dataAreaId [{0}]")
  @ValueSource(strings = {"", " "})
  void shouldRefuseAnFoLevelWithoutACompany(final String dataAreaId) {
    final LoyaltyLevelEntity erp = anErpLevel().withDataAreaId(dataAreaId).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "dataAreaId",
        "required, must not be empty or blank");
  }

  @Test
  void shouldRefuseAnFoCompanyLongerThanFourCharacters() {
    final LoyaltyLevelEntity erp = anErpLevel().withDataAreaId("usmf1").build();

    assertRejected(
        ErrorCategory.VALIDATION, () -> toCrm(erp), "dataAreaId: at most 4 characters (was 5)");
  }

  @ParameterizedTest(name = "dataAreaId [{0}]")
  @ValueSource(strings = {"u", "usmf", "USMF"})
  void shouldAcceptAnFoCompanyOfOneToFourCharacters(final String dataAreaId) {
    final LoyaltyLevelEntity erp = anErpLevel().withDataAreaId(dataAreaId).build();

    assertDoesNotThrow(() -> toCrm(erp));
  }

  @Test
  void shouldRefuseADataverseLevelWithoutACompanyLookup() {
    final MsdynLoyaltyLevel crm = aCrmLevel().withCompany(null).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        "dataAreaId",
        "required, must not be empty or blank");
  }

  @ParameterizedTest(name = "cdm_companycode [{0}]")
  @ValueSource(strings = {"", "  "})
  void shouldRefuseADataverseLevelWhoseCompanyCodeIsBlank(final String companyCode) {
    final MsdynLoyaltyLevel crm = aCrmLevel().withCompanyCode(companyCode).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        "dataAreaId",
        "required, must not be empty or blank");
  }

  @Test
  void shouldRefuseADataverseCompanyCodeLongerThanFourCharacters() {
    final MsdynLoyaltyLevel crm = aCrmLevel().withCompanyCode("USMF1").build();

    assertRejected(
        ErrorCategory.VALIDATION, () -> toErp(crm), "dataAreaId: at most 4 characters (was 5)");
  }

  @ParameterizedTest(name = "cdm_companycode [{0}]")
  @ValueSource(strings = {"u", "usmf", " USMF "})
  void shouldAcceptADataverseCompanyCodeOfOneToFourCharacters(final String companyCode) {
    final MsdynLoyaltyLevel crm = aCrmLevel().withCompanyCode(companyCode).build();

    assertDoesNotThrow(() -> toErp(crm));
  }

  // ---- LevelPhrase ---------------------------------------------------------------------------

  @ParameterizedTest(name = "LEVELPHRASE [{0}]")
  @ValueSource(strings = {"", "   "})
  void shouldRefuseAnFoLevelWithoutAPhrase(final String phrase) {
    final LoyaltyLevelEntity erp = anErpLevel().withLevelPhrase(phrase).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toCrm(erp),
        "LEVELPHRASE",
        "required, must not be empty or blank");
  }

  @ParameterizedTest(name = "msdyn_levelphrase [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void shouldRefuseADataverseLevelWithoutAPhrase(final String phrase) {
    final MsdynLoyaltyLevel crm = aCrmLevel().withLevelPhrase(phrase).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> toErp(crm),
        "LEVELPHRASE",
        "required, must not be empty or blank");
  }

  @Test
  void shouldAcceptALevelWithAPhraseAndNoDescriptionBothWays() {
    final LoyaltyLevelEntity erp = anErpLevel().withLevelPhrase("G").withDescription("").build();
    final MsdynLoyaltyLevel crm = aCrmLevel().withLevelPhrase("G").withDescription(null).build();

    assertDoesNotThrow(() -> toCrm(erp));
    assertDoesNotThrow(() -> toErp(crm));
  }
}
