package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.crm.MsdynLoyaltyRewardPoint;
import io.loyaltysync.avro.erp.NoYes;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointType;
import io.loyaltysync.avro.erp.RetailLoyaltyTimeUnit;

/** Test data: loyalty reward points on both sides, valid unless a test says otherwise. */
final class RewardPointRecords {

  static final int QUANTITY = 192350000;
  static final int AMOUNT = 192350001;
  static final int DAY = 806380000;
  static final int MONTH = 806380001;
  static final int YEAR = 806380002;

  private RewardPointRecords() {}

  /** A quantity point: redeemable, expires after 12 months, vests after 7 days. */
  static ErpRewardPoint anErpRewardPoint() {
    return new ErpRewardPoint();
  }

  /** The same point as it reads in Dataverse. */
  static CrmRewardPoint aCrmRewardPoint() {
    return new CrmRewardPoint();
  }

  /** The Dataverse lookup to a currency by its ISO code, as the reward point map writes it. */
  static EntityReference currency(final String isoCode) {
    return new EntityReference("transactioncurrency", "isocurrencycode", isoCode);
  }

  /** A RetailLoyaltyRewardPointEntity row. */
  static final class ErpRewardPoint {
    private RetailLoyaltyTimeUnit expirationUnit = RetailLoyaltyTimeUnit.month;
    private int expirationValue = 12;
    private NoYes redeemable = NoYes.yes;
    private int redeemRanking = 1;
    private String currency = "";
    private String rewardPointId = "POINTS";
    private RetailLoyaltyRewardPointType type = RetailLoyaltyRewardPointType.quantity;
    private long maximumPoints = 100_000L;
    private RetailLoyaltyTimeUnit vestingUnit = RetailLoyaltyTimeUnit.day;
    private int vestingValue = 7;

    ErpRewardPoint withExpiration(final int value, final RetailLoyaltyTimeUnit unit) {
      expirationValue = value;
      expirationUnit = unit;
      return this;
    }

    ErpRewardPoint withVesting(final int value, final RetailLoyaltyTimeUnit unit) {
      vestingValue = value;
      vestingUnit = unit;
      return this;
    }

    ErpRewardPoint withRedeemable(final NoYes value) {
      redeemable = value;
      return this;
    }

    ErpRewardPoint withRedeemRanking(final int value) {
      redeemRanking = value;
      return this;
    }

    ErpRewardPoint withCurrency(final String value) {
      currency = value;
      return this;
    }

    ErpRewardPoint withRewardPointId(final String value) {
      rewardPointId = value;
      return this;
    }

    ErpRewardPoint withType(final RetailLoyaltyRewardPointType value) {
      type = value;
      return this;
    }

    /** An amount point counts money, so it carries a currency. */
    ErpRewardPoint asAmountIn(final String isoCode) {
      return withType(RetailLoyaltyRewardPointType.amount).withCurrency(isoCode);
    }

    ErpRewardPoint withMaximumPoints(final long value) {
      maximumPoints = value;
      return this;
    }

    RetailLoyaltyRewardPointEntity build() {
      final RetailLoyaltyRewardPointEntity point = new RetailLoyaltyRewardPointEntity();
      point.setEXPIRATIONTIMEUNIT(expirationUnit);
      point.setEXPIRATIONTIMEVALUE(expirationValue);
      point.setREDEEMABLE(redeemable);
      point.setREDEEMRANKING(redeemRanking);
      point.setREWARDPOINTCURRENCY(currency);
      point.setREWARDPOINTID(rewardPointId);
      point.setREWARDPOINTTYPE(type);
      point.setMAXIMUMLOYALTYREWARDPOINTS(maximumPoints);
      point.setVESTINGTIMEUNIT(vestingUnit);
      point.setVESTINGTIMEVALUE(vestingValue);
      return point;
    }
  }

  /** A msdyn_loyaltyrewardpoint row; null is an empty column. */
  static final class CrmRewardPoint {
    private Integer expirationUnit = MONTH;
    private Integer expirationValue = 12;
    private Boolean redeemable = true;
    private Integer redeemRanking = 1;
    private EntityReference currency = null;
    private String rewardPointId = "POINTS";
    private Integer type = QUANTITY;
    private Long maximumPoints = 100_000L;
    private Integer vestingUnit = DAY;
    private Integer vestingValue = 7;

    CrmRewardPoint withExpirationUnit(final Integer value) {
      expirationUnit = value;
      return this;
    }

    CrmRewardPoint withExpirationValue(final Integer value) {
      expirationValue = value;
      return this;
    }

    CrmRewardPoint withRedeemable(final Boolean value) {
      redeemable = value;
      return this;
    }

    CrmRewardPoint withRedeemRanking(final Integer value) {
      redeemRanking = value;
      return this;
    }

    CrmRewardPoint withCurrency(final EntityReference value) {
      currency = value;
      return this;
    }

    CrmRewardPoint withRewardPointId(final String value) {
      rewardPointId = value;
      return this;
    }

    CrmRewardPoint withType(final Integer value) {
      type = value;
      return this;
    }

    /** An amount point counts money, so it carries a currency. */
    CrmRewardPoint asAmountIn(final String isoCode) {
      return withType(AMOUNT).withCurrency(currency(isoCode));
    }

    CrmRewardPoint withMaximumPoints(final Long value) {
      maximumPoints = value;
      return this;
    }

    CrmRewardPoint withVestingUnit(final Integer value) {
      vestingUnit = value;
      return this;
    }

    CrmRewardPoint withVestingValue(final Integer value) {
      vestingValue = value;
      return this;
    }

    MsdynLoyaltyRewardPoint build() {
      final MsdynLoyaltyRewardPoint point = new MsdynLoyaltyRewardPoint();
      point.setMsdynExpirationtimeunit(expirationUnit);
      point.setMsdynExpirationtimevalue(expirationValue);
      point.setMsdynRedeemable(redeemable);
      point.setMsdynRedeemranking(redeemRanking);
      point.setMsdynRewardpointcurrency(currency);
      point.setMsdynRewardpointid(rewardPointId);
      point.setMsdynRewardpointtype(type);
      point.setMsdynMaximumloyaltyrewardpoints(maximumPoints);
      point.setMsdynVestingtimeunit(vestingUnit);
      point.setMsdynVestingtimevalue(vestingValue);
      return point;
    }
  }
}
