package io.loyaltysync.topology;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.common.LoyaltyLevelKey;
import io.loyaltysync.avro.common.LoyaltyRewardPointKey;
import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.crm.MsdynLoyaltyLevel;
import io.loyaltysync.avro.crm.MsdynLoyaltyRewardPoint;
import io.loyaltysync.avro.erp.LoyaltyLevelEntity;
import io.loyaltysync.avro.erp.NoYes;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointType;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.erp.RetailLoyaltyTimeUnit;
import io.loyaltysync.avro.event.CrmLoyaltyCardChange;
import io.loyaltysync.avro.event.CrmLoyaltyLevelChange;
import io.loyaltysync.avro.event.CrmLoyaltyRewardPointChange;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import io.loyaltysync.avro.event.ErpLoyaltyLevelChange;
import io.loyaltysync.avro.event.ErpLoyaltyRewardPointChange;
import io.loyaltysync.avro.reference.TransactionCurrency;
import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import java.time.Instant;
import java.time.LocalDate;

/** Test data for the topology tests: rows and change events of both sides, at given minutes. */
final class Events {

  /** The origin marker the writers stamp (the config default). */
  static final String OURS = "loyalty-sync";

  private Events() {}

  /** A source timestamp {@code minute} minutes after the fixture's start. */
  static Instant at(final int minute) {
    return SyncFixture.START.plusSeconds(60L * minute);
  }

  static SourceMetadata source(final SourceSystem system, final int minute, final String origin) {
    return SourceMetadata.newBuilder()
        .setSystem(system)
        .setTimestamp(at(minute))
        .setChangedBy(origin == null ? "a user" : "the writer")
        .setOrigin(origin)
        .build();
  }

  // ---- cards ----------------------------------------------------------------------------------

  static RetailLoyaltyCardEntity.Builder erpCard(final String number) {
    return RetailLoyaltyCardEntity.newBuilder()
        .setCARDNUMBER(number)
        .setCARDTENDERTYPE(RetailLoyaltyTenderTypeBase.asCardTender)
        .setPARTYNUMBER("004011")
        .setREPLACEMENTCARDNUMBER("")
        .setOMOPERATINGUNITNUMBER("052")
        .setLOYALTYENROLLMENTDATE(LocalDate.of(2026, 1, 15))
        .setLOYALTYENROLLMENTDATELOCAL(LocalDate.of(2026, 1, 15));
  }

  static MsdynLoyaltyCard.Builder crmCard(final String number) {
    return MsdynLoyaltyCard.newBuilder()
        .setMsdynCardnumber(number)
        .setMsdynCardtendertype(806380000)
        .setMsdynPartynumber("004011")
        .setMsdynReplacementcardnumber(null)
        .setMsdynOperatingunitnumber("052")
        .setMsdynEnrollmentdate(LocalDate.of(2026, 1, 15))
        .setMsdynEffectivedate(LocalDate.of(2026, 1, 15));
  }

  static ErpLoyaltyCardChange erpCardChange(
      final Operation op,
      final RetailLoyaltyCardEntity row,
      final int minute,
      final String origin) {
    return ErpLoyaltyCardChange.newBuilder()
        .setOp(op)
        .setAfter(row)
        .setSource(source(SourceSystem.ERP, minute, origin))
        .build();
  }

  static ErpLoyaltyCardChange erpCardDelete(
      final String number, final int minute, final String origin) {
    return ErpLoyaltyCardChange.newBuilder()
        .setOp(Operation.DELETE)
        .setKey(new LoyaltyCardKey(number))
        .setSource(source(SourceSystem.ERP, minute, origin))
        .build();
  }

  static CrmLoyaltyCardChange crmCardChange(
      final Operation op, final MsdynLoyaltyCard row, final int minute, final String origin) {
    return CrmLoyaltyCardChange.newBuilder()
        .setOp(op)
        .setAfter(row)
        .setSource(source(SourceSystem.CRM, minute, origin))
        .build();
  }

  static CrmLoyaltyCardChange crmCardDelete(
      final String number, final int minute, final String origin) {
    return CrmLoyaltyCardChange.newBuilder()
        .setOp(Operation.DELETE)
        .setKey(new LoyaltyCardKey(number))
        .setSource(source(SourceSystem.CRM, minute, origin))
        .build();
  }

  // ---- levels ---------------------------------------------------------------------------------

  static LoyaltyLevelEntity erpLevel(final String company, final String phrase, final String text) {
    return new LoyaltyLevelEntity(company, phrase, text);
  }

  static MsdynLoyaltyLevel crmLevel(final String company, final String phrase, final String text) {
    return new MsdynLoyaltyLevel(
        new EntityReference("cdm_company", "cdm_companycode", company), phrase, text);
  }

  static ErpLoyaltyLevelChange erpLevelChange(
      final Operation op, final LoyaltyLevelEntity row, final int minute) {
    return ErpLoyaltyLevelChange.newBuilder()
        .setOp(op)
        .setAfter(row)
        .setSource(source(SourceSystem.ERP, minute, null))
        .build();
  }

  static CrmLoyaltyLevelChange crmLevelChange(
      final Operation op, final MsdynLoyaltyLevel row, final int minute) {
    return CrmLoyaltyLevelChange.newBuilder()
        .setOp(op)
        .setAfter(row)
        .setSource(source(SourceSystem.CRM, minute, null))
        .build();
  }

  static LoyaltyLevelKey levelKey(final String company, final String phrase) {
    return new LoyaltyLevelKey(company, phrase);
  }

  // ---- reward points --------------------------------------------------------------------------

  static RetailLoyaltyRewardPointEntity.Builder erpRewardPoint(
      final String id, final String currency) {
    return RetailLoyaltyRewardPointEntity.newBuilder()
        .setREWARDPOINTID(id)
        .setREWARDPOINTTYPE(
            currency.isEmpty()
                ? RetailLoyaltyRewardPointType.quantity
                : RetailLoyaltyRewardPointType.amount)
        .setREWARDPOINTCURRENCY(currency)
        .setREDEEMABLE(NoYes.yes)
        .setREDEEMRANKING(1)
        .setEXPIRATIONTIMEVALUE(12)
        .setEXPIRATIONTIMEUNIT(RetailLoyaltyTimeUnit.month)
        .setVESTINGTIMEVALUE(0)
        .setVESTINGTIMEUNIT(RetailLoyaltyTimeUnit.day)
        .setMAXIMUMLOYALTYREWARDPOINTS(100_000L);
  }

  static MsdynLoyaltyRewardPoint.Builder crmRewardPoint(final String id, final String currency) {
    return MsdynLoyaltyRewardPoint.newBuilder()
        .setMsdynRewardpointid(id)
        .setMsdynRewardpointtype(currency == null ? 192350000 : 192350001)
        .setMsdynRewardpointcurrency(
            currency == null
                ? null
                : new EntityReference("transactioncurrency", "isocurrencycode", currency))
        .setMsdynRedeemable(true)
        .setMsdynRedeemranking(1)
        .setMsdynExpirationtimevalue(12)
        .setMsdynExpirationtimeunit(806380001)
        .setMsdynVestingtimevalue(0)
        .setMsdynVestingtimeunit(806380000)
        .setMsdynMaximumloyaltyrewardpoints(100_000L);
  }

  static ErpLoyaltyRewardPointChange erpRewardPointChange(
      final Operation op, final RetailLoyaltyRewardPointEntity row, final int minute) {
    return ErpLoyaltyRewardPointChange.newBuilder()
        .setOp(op)
        .setAfter(row)
        .setSource(source(SourceSystem.ERP, minute, null))
        .build();
  }

  static ErpLoyaltyRewardPointChange erpRewardPointDelete(final String id, final int minute) {
    return ErpLoyaltyRewardPointChange.newBuilder()
        .setOp(Operation.DELETE)
        .setKey(new LoyaltyRewardPointKey(id))
        .setSource(source(SourceSystem.ERP, minute, null))
        .build();
  }

  static CrmLoyaltyRewardPointChange crmRewardPointChange(
      final Operation op, final MsdynLoyaltyRewardPoint row, final int minute) {
    return CrmLoyaltyRewardPointChange.newBuilder()
        .setOp(op)
        .setAfter(row)
        .setSource(source(SourceSystem.CRM, minute, null))
        .build();
  }

  static TransactionCurrencyChange currency(final String code, final int minute) {
    return TransactionCurrencyChange.newBuilder()
        .setOp(Operation.CREATE)
        .setAfter(new TransactionCurrency(code, code + " currency", null, 2))
        .setSource(source(SourceSystem.CRM, minute, null))
        .build();
  }
}
