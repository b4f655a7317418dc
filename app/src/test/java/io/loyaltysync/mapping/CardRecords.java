package io.loyaltysync.mapping;

import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import java.time.LocalDate;

/** Test data: loyalty cards on both sides, valid unless a test says otherwise. */
final class CardRecords {

  /** F&amp;O's empty date. */
  static final LocalDate NO_DATE = LocalDate.of(1900, 1, 1);

  private CardRecords() {}

  static ErpCard anErpCard() {
    return new ErpCard();
  }

  static CrmCard aCrmCard() {
    return new CrmCard();
  }

  /** A RetailLoyaltyCardEntity row: a card of a known customer enrolled in a store. */
  static final class ErpCard {
    private String cardNumber = "100200300";
    private RetailLoyaltyTenderTypeBase tenderType = RetailLoyaltyTenderTypeBase.asCardTender;
    private String partyNumber = "004021";
    private String replacementCardNumber = "";
    private String operatingUnitNumber = "HOUSTON";
    private LocalDate enrollmentDate = LocalDate.of(2023, 3, 14);
    private LocalDate enrollmentDateLocal = LocalDate.of(2023, 3, 13);

    ErpCard withCardNumber(final String value) {
      cardNumber = value;
      return this;
    }

    ErpCard withTenderType(final RetailLoyaltyTenderTypeBase value) {
      tenderType = value;
      return this;
    }

    ErpCard withPartyNumber(final String value) {
      partyNumber = value;
      return this;
    }

    ErpCard withReplacementCardNumber(final String value) {
      replacementCardNumber = value;
      return this;
    }

    ErpCard withOperatingUnitNumber(final String value) {
      operatingUnitNumber = value;
      return this;
    }

    ErpCard withEnrollmentDate(final LocalDate value) {
      enrollmentDate = value;
      return this;
    }

    ErpCard withEnrollmentDateLocal(final LocalDate value) {
      enrollmentDateLocal = value;
      return this;
    }

    /** F&amp;O's way of saying "no value": empty strings and the 1900-01-01 date. */
    ErpCard withNothingOptional() {
      return withPartyNumber("")
          .withReplacementCardNumber("")
          .withOperatingUnitNumber("")
          .withEnrollmentDate(NO_DATE)
          .withEnrollmentDateLocal(NO_DATE);
    }

    RetailLoyaltyCardEntity build() {
      // Setters, not the Avro builder: tests also need records the builder would refuse.
      final RetailLoyaltyCardEntity card = new RetailLoyaltyCardEntity();
      card.setCARDNUMBER(cardNumber);
      card.setCARDTENDERTYPE(tenderType);
      card.setPARTYNUMBER(partyNumber);
      card.setREPLACEMENTCARDNUMBER(replacementCardNumber);
      card.setOMOPERATINGUNITNUMBER(operatingUnitNumber);
      card.setLOYALTYENROLLMENTDATE(enrollmentDate);
      card.setLOYALTYENROLLMENTDATELOCAL(enrollmentDateLocal);
      return card;
    }
  }

  /** A msdyn_loyaltycard row; null is an empty column. */
  static final class CrmCard {
    private String cardNumber = "100200300";
    private Integer tenderType = 806380000;
    private String partyNumber = "004021";
    private String replacementCardNumber = null;
    private String operatingUnitNumber = "HOUSTON";
    private LocalDate enrollmentDate = LocalDate.of(2023, 3, 14);
    private LocalDate effectiveDate = LocalDate.of(2023, 3, 13);

    CrmCard withCardNumber(final String value) {
      cardNumber = value;
      return this;
    }

    CrmCard withTenderType(final Integer value) {
      tenderType = value;
      return this;
    }

    CrmCard withPartyNumber(final String value) {
      partyNumber = value;
      return this;
    }

    CrmCard withReplacementCardNumber(final String value) {
      replacementCardNumber = value;
      return this;
    }

    CrmCard withOperatingUnitNumber(final String value) {
      operatingUnitNumber = value;
      return this;
    }

    CrmCard withEnrollmentDate(final LocalDate value) {
      enrollmentDate = value;
      return this;
    }

    CrmCard withEffectiveDate(final LocalDate value) {
      effectiveDate = value;
      return this;
    }

    /** Every optional column empty (null). */
    CrmCard withNothingOptional() {
      return withPartyNumber(null)
          .withReplacementCardNumber(null)
          .withOperatingUnitNumber(null)
          .withEnrollmentDate(null)
          .withEffectiveDate(null);
    }

    MsdynLoyaltyCard build() {
      final MsdynLoyaltyCard card = new MsdynLoyaltyCard();
      card.setMsdynCardnumber(cardNumber);
      card.setMsdynCardtendertype(tenderType);
      card.setMsdynPartynumber(partyNumber);
      card.setMsdynReplacementcardnumber(replacementCardNumber);
      card.setMsdynOperatingunitnumber(operatingUnitNumber);
      card.setMsdynEnrollmentdate(enrollmentDate);
      card.setMsdynEffectivedate(effectiveDate);
      return card;
    }
  }
}
