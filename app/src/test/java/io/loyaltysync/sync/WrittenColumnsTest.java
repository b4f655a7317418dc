package io.loyaltysync.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.crm.MsdynLoyaltyRewardPoint;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.mapping.MapRegistry;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The byte form a pending write is kept in: equal exactly when the written columns are. */
class WrittenColumnsTest {

  private static final MapRegistry MAPS = MapRegistry.bundled();
  private static final WrittenColumns CARD =
      new WrittenColumns(MAPS.current(Template.CARD).bindings());
  private static final WrittenColumns REWARD_POINT =
      new WrittenColumns(MAPS.current(Template.REWARD_POINT).bindings());

  @Test
  void shouldGiveTheSameBytesToEqualImagesMadeApart() {
    assertArrayEquals(CARD.of(Side.ERP, erpCard().build()), CARD.of(Side.ERP, erpCard().build()));
    assertArrayEquals(
        REWARD_POINT.of(Side.CRM, crmRewardPoint("EUR").build()),
        REWARD_POINT.of(Side.CRM, crmRewardPoint("EUR").build()));
  }

  @Test
  void shouldTellApartImagesThatDifferInAnyWrittenColumn() {
    final byte[] card = CARD.of(Side.ERP, erpCard().build());

    assertDiffers(card, CARD.of(Side.ERP, erpCard().setPARTYNUMBER("004012").build()));
    assertDiffers(
        card,
        CARD.of(
            Side.ERP,
            erpCard().setCARDTENDERTYPE(RetailLoyaltyTenderTypeBase.asContactTender).build()));
    assertDiffers(
        card,
        CARD.of(Side.ERP, erpCard().setLOYALTYENROLLMENTDATE(LocalDate.of(2026, 1, 16)).build()));
    assertDiffers(
        REWARD_POINT.of(Side.CRM, crmRewardPoint("EUR").build()),
        REWARD_POINT.of(Side.CRM, crmRewardPoint("USD").build()));
    assertDiffers(
        REWARD_POINT.of(Side.CRM, crmRewardPoint("EUR").build()),
        REWARD_POINT.of(
            Side.CRM, crmRewardPoint("EUR").setMsdynMaximumloyaltyrewardpoints(100_001L).build()));
  }

  @Test
  void shouldIgnoreTheColumnsNotWrittenToTheSide() {
    // REPLACEMENTCARDNUMBER flows from F&O only: an echo is not told apart by it.
    assertArrayEquals(
        CARD.of(Side.ERP, erpCard().setREPLACEMENTCARDNUMBER("").build()),
        CARD.of(Side.ERP, erpCard().setREPLACEMENTCARDNUMBER("900").build()));
  }

  @Test
  void shouldTellAnEmptyStringFromNoValue() {
    assertDiffers(
        CARD.of(Side.CRM, crmCard().setMsdynReplacementcardnumber("").build()),
        CARD.of(Side.CRM, crmCard().setMsdynReplacementcardnumber(null).build()));
  }

  @Test
  void shouldTellAValueFromTheSameTextSplitDifferentlyOverTwoColumns() {
    // Each value carries its length, so "0040" + "11" is not "004" + "011".
    assertDiffers(
        CARD.of(Side.ERP, erpCard().setPARTYNUMBER("0040").setOMOPERATINGUNITNUMBER("11").build()),
        CARD.of(Side.ERP, erpCard().setPARTYNUMBER("004").setOMOPERATINGUNITNUMBER("011").build()));
  }

  private static void assertDiffers(final byte[] a, final byte[] b) {
    assertFalse(Arrays.equals(a, b), "the same bytes for images that differ");
  }

  private static RetailLoyaltyCardEntity.Builder erpCard() {
    return RetailLoyaltyCardEntity.newBuilder()
        .setCARDNUMBER("100200300")
        .setCARDTENDERTYPE(RetailLoyaltyTenderTypeBase.asCardTender)
        .setPARTYNUMBER("004011")
        .setREPLACEMENTCARDNUMBER("")
        .setOMOPERATINGUNITNUMBER("052")
        .setLOYALTYENROLLMENTDATE(LocalDate.of(2026, 1, 15))
        .setLOYALTYENROLLMENTDATELOCAL(LocalDate.of(2026, 1, 15));
  }

  private static MsdynLoyaltyCard.Builder crmCard() {
    return MsdynLoyaltyCard.newBuilder()
        .setMsdynCardnumber("100200300")
        .setMsdynCardtendertype(806380000)
        .setMsdynPartynumber("004011")
        .setMsdynReplacementcardnumber(null)
        .setMsdynOperatingunitnumber("052")
        .setMsdynEnrollmentdate(LocalDate.of(2026, 1, 15))
        .setMsdynEffectivedate(LocalDate.of(2026, 1, 15));
  }

  private static MsdynLoyaltyRewardPoint.Builder crmRewardPoint(final String currency) {
    return MsdynLoyaltyRewardPoint.newBuilder()
        .setMsdynRewardpointid("RP-1")
        .setMsdynRewardpointtype(192350001)
        .setMsdynRewardpointcurrency(
            new EntityReference("transactioncurrency", "isocurrencycode", currency))
        .setMsdynRedeemable(true)
        .setMsdynRedeemranking(1)
        .setMsdynExpirationtimevalue(12)
        .setMsdynExpirationtimeunit(806380001)
        .setMsdynVestingtimevalue(0)
        .setMsdynVestingtimeunit(806380000)
        .setMsdynMaximumloyaltyrewardpoints(100_000L);
  }
}
