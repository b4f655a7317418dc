package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.ChangeEvents.aCrmChange;
import static io.loyaltysync.mapping.ChangeEvents.anErpChange;
import static io.loyaltysync.mapping.ChangeEvents.levelKey;
import static io.loyaltysync.mapping.LevelRecords.aCrmLevel;
import static io.loyaltysync.mapping.LevelRecords.anErpLevel;
import static io.loyaltysync.mapping.LevelRecords.company;
import static io.loyaltysync.mapping.MapFiles.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.crm.MsdynLoyaltyLevel;
import io.loyaltysync.avro.erp.LoyaltyLevelEntity;
import io.loyaltysync.avro.error.ErrorCategory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loyalty level map (maps.md section 2): per company, the company being a Dataverse lookup to
 * cdm_company by cdm_companycode that is part of the key.
 */
class LevelMapTest {

  private static final CompiledMap LEVEL = MapFiles.BUNDLED.current(Template.LEVEL);

  private static MappedRecord toCrm(final LoyaltyLevelEntity erp) throws RecordRejectedException {
    return LEVEL.records(Direction.ERP_TO_CRM).map(erp);
  }

  private static MappedRecord toErp(final MsdynLoyaltyLevel crm) throws RecordRejectedException {
    return LEVEL.records(Direction.CRM_TO_ERP).map(crm);
  }

  @Test
  void shouldCopyEveryLevelRowAndTheCompanyFromFoToDataverse() throws RecordRejectedException {
    // Given
    final LoyaltyLevelEntity erp =
        anErpLevel()
            .withDataAreaId("usmf")
            .withLevelPhrase("GOLD")
            .withDescription("Gold members")
            .build();

    // When
    final MsdynLoyaltyLevel crm = (MsdynLoyaltyLevel) toCrm(erp).record();

    // Then
    assertEquals(
        new EntityReference("cdm_company", "cdm_companycode", "usmf"), crm.getMsdynCompany());
    assertEquals("GOLD", crm.getMsdynLevelphrase());
    assertEquals("Gold members", crm.getMsdynDescription());
  }

  @Test
  void shouldCopyEveryLevelRowAndTheCompanyFromDataverseToFo() throws RecordRejectedException {
    // Given
    final MsdynLoyaltyLevel crm =
        aCrmLevel()
            .withCompanyCode("usmf")
            .withLevelPhrase("SILVER")
            .withDescription("Silver members")
            .build();

    // When
    final LoyaltyLevelEntity erp = (LoyaltyLevelEntity) toErp(crm).record();

    // Then
    assertEquals("usmf", erp.getDataAreaId());
    assertEquals("SILVER", erp.getLEVELPHRASE());
    assertEquals("Silver members", erp.getLEVELDESCRIPTION());
  }

  @Test
  void shouldWriteTheCompanyAndBothRowsInEachDirection() {
    assertEquals(
        List.of("msdyn_company", "msdyn_levelphrase", "msdyn_description"),
        LEVEL.records(Direction.ERP_TO_CRM).columns());
    assertEquals(
        List.of("dataAreaId", "LEVELPHRASE", "LEVELDESCRIPTION"),
        LEVEL.records(Direction.CRM_TO_ERP).columns());
  }

  @ParameterizedTest(name = "dataAreaId [{0}] -> [{1}]")
  @CsvSource({"USMF, usmf", "UsMf, usmf", "' DAT', dat", "'dat ', dat"})
  void shouldLowerCaseAndTrimTheFoCompanyInTheDataverseLookup(
      final String dataAreaId, final String companyCode) throws RecordRejectedException {
    // Given
    final LoyaltyLevelEntity erp = anErpLevel().withDataAreaId(dataAreaId).build();

    // When
    final MsdynLoyaltyLevel crm = (MsdynLoyaltyLevel) toCrm(erp).record();

    // Then
    assertEquals(company(companyCode), crm.getMsdynCompany());
  }

  @ParameterizedTest(name = "cdm_companycode [{0}]")
  @ValueSource(strings = {"USMF", "UsMf", " usmf", "usmf "})
  void shouldLowerCaseAndTrimTheDataverseCompanyCodeInFo(final String companyCode)
      throws RecordRejectedException {
    // Given
    final MsdynLoyaltyLevel crm = aCrmLevel().withCompanyCode(companyCode).build();

    // When
    final LoyaltyLevelEntity erp = (LoyaltyLevelEntity) toErp(crm).record();

    // Then
    assertEquals("usmf", erp.getDataAreaId());
  }

  @Test
  void shouldKeyALevelByItsLowerCaseCompanyAndTrimmedPhraseOnBothSides()
      throws RecordRejectedException {
    // Given
    final LoyaltyLevelEntity erp =
        anErpLevel().withDataAreaId("USMF").withLevelPhrase(" GOLD ").build();
    final MsdynLoyaltyLevel crm =
        aCrmLevel().withCompanyCode("UsMf").withLevelPhrase("GOLD ").build();

    // When
    final MappedChange fromErp =
        LEVEL.changes(Direction.ERP_TO_CRM).map(anErpChange(Template.LEVEL).withAfter(erp).build());
    final MappedChange fromCrm =
        LEVEL.changes(Direction.CRM_TO_ERP).map(aCrmChange(Template.LEVEL).withAfter(crm).build());

    // Then
    assertEquals(levelKey("usmf", "GOLD"), fromErp.key());
    assertEquals(levelKey("usmf", "GOLD"), fromCrm.key());
  }

  @Test
  void shouldKeepTheSamePhraseInTwoCompaniesApart() throws RecordRejectedException {
    // Given
    final LoyaltyLevelEntity usmf = anErpLevel().withDataAreaId("usmf").build();
    final LoyaltyLevelEntity demf = anErpLevel().withDataAreaId("demf").build();

    // When
    final MappedChange first =
        LEVEL
            .changes(Direction.ERP_TO_CRM)
            .map(anErpChange(Template.LEVEL).withAfter(usmf).build());
    final MappedChange second =
        LEVEL
            .changes(Direction.ERP_TO_CRM)
            .map(anErpChange(Template.LEVEL).withAfter(demf).build());

    // Then
    assertNotEquals(first.key(), second.key());
  }

  @Test
  void shouldMapAnEmptyDescriptionBothWays() throws RecordRejectedException {
    // Given
    final LoyaltyLevelEntity erp = anErpLevel().withDescription("").build();
    final MsdynLoyaltyLevel crm = aCrmLevel().withDescription(null).build();

    // When / Then
    assertNull(((MsdynLoyaltyLevel) toCrm(erp).record()).getMsdynDescription());
    assertEquals("", ((LoyaltyLevelEntity) toErp(crm).record()).getLEVELDESCRIPTION());
  }

  @Test
  void shouldRejectACompanyLookupToAnotherTable() {
    // Given
    final MsdynLoyaltyLevel crm =
        aCrmLevel().withCompany(new EntityReference("account", "accountnumber", "usmf")).build();

    // When / Then
    assertRejected(
        ErrorCategory.MAPPING, () -> toErp(crm), "msdyn_company", "cdm_company.cdm_companycode");
  }
}
