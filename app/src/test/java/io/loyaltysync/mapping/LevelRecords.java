package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.crm.MsdynLoyaltyLevel;
import io.loyaltysync.avro.erp.LoyaltyLevelEntity;

/** Test data: loyalty levels (contact-person classification) of one company, on both sides. */
final class LevelRecords {

  private LevelRecords() {}

  static ErpLevel anErpLevel() {
    return new ErpLevel();
  }

  static CrmLevel aCrmLevel() {
    return new CrmLevel();
  }

  /** The Dataverse lookup to a company by its code, as the level map writes it. */
  static EntityReference company(final String code) {
    return new EntityReference("cdm_company", "cdm_companycode", code);
  }

  /** A LoyaltyLevels row. */
  static final class ErpLevel {
    private String dataAreaId = "usmf";
    private String levelPhrase = "GOLD";
    private String description = "Gold members";

    ErpLevel withDataAreaId(final String value) {
      dataAreaId = value;
      return this;
    }

    ErpLevel withLevelPhrase(final String value) {
      levelPhrase = value;
      return this;
    }

    ErpLevel withDescription(final String value) {
      description = value;
      return this;
    }

    LoyaltyLevelEntity build() {
      final LoyaltyLevelEntity level = new LoyaltyLevelEntity();
      level.setDataAreaId(dataAreaId);
      level.setLEVELPHRASE(levelPhrase);
      level.setLEVELDESCRIPTION(description);
      return level;
    }
  }

  /** A msdyn_loyaltylevel row; null is an empty column. */
  static final class CrmLevel {
    private EntityReference company = company("usmf");
    private String levelPhrase = "GOLD";
    private String description = "Gold members";

    CrmLevel withCompany(final EntityReference value) {
      company = value;
      return this;
    }

    CrmLevel withCompanyCode(final String code) {
      return withCompany(company(code));
    }

    CrmLevel withLevelPhrase(final String value) {
      levelPhrase = value;
      return this;
    }

    CrmLevel withDescription(final String value) {
      description = value;
      return this;
    }

    MsdynLoyaltyLevel build() {
      final MsdynLoyaltyLevel level = new MsdynLoyaltyLevel();
      level.setMsdynCompany(company);
      level.setMsdynLevelphrase(levelPhrase);
      level.setMsdynDescription(description);
      return level;
    }
  }
}
