package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.CardRecords.NO_DATE;
import static io.loyaltysync.mapping.CardRecords.anErpCard;
import static io.loyaltysync.mapping.LevelRecords.anErpLevel;
import static io.loyaltysync.mapping.RewardPointRecords.anErpRewardPoint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.avro.erp.NoYes;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointType;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.erp.RetailLoyaltyTimeUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ERP -> CRM -> ERP is the identity on every two-way field, for every bundled map version, over
 * many varied F&amp;O rows (seeded, so a failure is reproducible) including F&amp;O's empties.
 */
class RoundTripTest {

  private static final int RECORDS_PER_TEMPLATE = 200;
  private static final LocalDate LAST_DATE = LocalDate.of(2154, 12, 31);
  private static final String KEY_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-_";
  private static final String TEXT_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.,'&/æøåÉü";
  private static final List<String> CURRENCIES = List.of("USD", "EUR", "DKK", "JPY", "GBP");

  @ParameterizedTest(name = "[{index}] map {0}: {1}")
  @MethodSource("cards")
  void shouldReturnEveryTwoWayCardFieldUnchangedAfterARoundTripThroughDataverse(
      final String version, final IndexedRecord erp) throws RecordRejectedException {
    assertRoundTrip(MapFiles.BUNDLED.version(Template.CARD, version), erp);
  }

  @ParameterizedTest(name = "[{index}] map {0}: {1}")
  @MethodSource("levels")
  void shouldReturnEveryTwoWayLevelFieldUnchangedAfterARoundTripThroughDataverse(
      final String version, final IndexedRecord erp) throws RecordRejectedException {
    assertRoundTrip(MapFiles.BUNDLED.version(Template.LEVEL, version), erp);
  }

  @ParameterizedTest(name = "[{index}] map {0}: {1}")
  @MethodSource("rewardPoints")
  void shouldReturnEveryTwoWayRewardPointFieldUnchangedAfterARoundTripThroughDataverse(
      final String version, final IndexedRecord erp) throws RecordRejectedException {
    assertRoundTrip(MapFiles.BUNDLED.version(Template.REWARD_POINT, version), erp);
  }

  private static void assertRoundTrip(final CompiledMap map, final IndexedRecord erp)
      throws RecordRejectedException {
    // When
    final MappedRecord crm = map.records(Direction.ERP_TO_CRM).map(erp);
    final MappedRecord back = map.records(Direction.CRM_TO_ERP).map(crm.record());

    // Then: exactly the two-way fields come back, each as it was
    assertEquals(twoWayFields(map), back.columns());
    final SpecificRecordBase original = (SpecificRecordBase) erp;
    final SpecificRecordBase returned = (SpecificRecordBase) back.record();
    for (final String field : back.columns()) {
      assertEquals(original.get(field), returned.get(field), field);
    }
  }

  /** The F&amp;O fields of '=' and '><' rows and the company, in F&amp;O schema order. */
  private static List<String> twoWayFields(final CompiledMap map) {
    final List<String> fields = new ArrayList<>();
    if (map.definition().company() != null) {
      fields.add(map.definition().company().erpField());
    }
    map.definition().rows().stream()
        .filter(row -> row.type().bidirectional())
        .forEach(row -> fields.add(row.erpField()));
    final Schema schema = map.template().entity(Side.ERP).schema();
    fields.sort((a, b) -> Integer.compare(schema.getField(a).pos(), schema.getField(b).pos()));
    return fields;
  }

  // ---- varied F&O rows ---------------------------------------------------------------------

  static Stream<Arguments> cards() {
    final Random random = new Random(20240502L);
    final Stream<IndexedRecord> edges =
        Stream.of(
            anErpCard().withNothingOptional().build(),
            anErpCard()
                .withCardNumber("X".repeat(30))
                .withPartyNumber("P".repeat(40))
                .withReplacementCardNumber("R".repeat(30))
                .withOperatingUnitNumber("O".repeat(8))
                .withEnrollmentDate(LAST_DATE)
                .withEnrollmentDateLocal(NO_DATE.plusDays(1))
                .build());
    final Stream<IndexedRecord> varied =
        IntStream.range(0, RECORDS_PER_TEMPLATE)
            .mapToObj(
                i ->
                    anErpCard()
                        .withCardNumber(key(random, 30))
                        .withTenderType(pick(random, RetailLoyaltyTenderTypeBase.values()))
                        .withPartyNumber(optionalText(random, 40))
                        .withReplacementCardNumber(optionalText(random, 30))
                        .withOperatingUnitNumber(optionalText(random, 8))
                        .withEnrollmentDate(date(random))
                        .withEnrollmentDateLocal(date(random))
                        .build());
    return withEveryVersion(Template.CARD, Stream.concat(edges, varied).toList());
  }

  static Stream<Arguments> levels() {
    final Random random = new Random(7L);
    final Stream<IndexedRecord> edges =
        Stream.of(
            anErpLevel().withDescription("").build(),
            anErpLevel().withDataAreaId("d").withLevelPhrase("L").build());
    final Stream<IndexedRecord> varied =
        IntStream.range(0, RECORDS_PER_TEMPLATE)
            .mapToObj(
                i ->
                    anErpLevel()
                        .withDataAreaId(key(random, 4).toLowerCase(Locale.ROOT))
                        .withLevelPhrase(key(random, 20))
                        .withDescription(optionalText(random, 60))
                        .build());
    return withEveryVersion(Template.LEVEL, Stream.concat(edges, varied).toList());
  }

  static Stream<Arguments> rewardPoints() {
    final Random random = new Random(42L);
    final Stream<IndexedRecord> edges =
        Stream.of(
            anErpRewardPoint()
                .withExpiration(0, RetailLoyaltyTimeUnit.day)
                .withVesting(0, RetailLoyaltyTimeUnit.day)
                .withRedeemRanking(0)
                .withMaximumPoints(0)
                .build(),
            anErpRewardPoint()
                .withRewardPointId("I".repeat(64))
                .asAmountIn("USD")
                .withExpiration(Integer.MAX_VALUE, RetailLoyaltyTimeUnit.year)
                .withVesting(Integer.MAX_VALUE, RetailLoyaltyTimeUnit.year)
                .withRedeemRanking(Integer.MAX_VALUE)
                .withMaximumPoints(Long.MAX_VALUE)
                .build());
    final Stream<IndexedRecord> varied =
        IntStream.range(0, RECORDS_PER_TEMPLATE)
            .mapToObj(
                i -> {
                  final RetailLoyaltyRewardPointType type =
                      pick(random, RetailLoyaltyRewardPointType.values());
                  return anErpRewardPoint()
                      .withRewardPointId(key(random, 64))
                      .withType(type)
                      .withCurrency(
                          type == RetailLoyaltyRewardPointType.amount
                              ? CURRENCIES.get(random.nextInt(CURRENCIES.size()))
                              : "")
                      .withExpiration(number(random), pick(random, RetailLoyaltyTimeUnit.values()))
                      .withVesting(number(random), pick(random, RetailLoyaltyTimeUnit.values()))
                      .withRedeemable(pick(random, NoYes.values()))
                      .withRedeemRanking(number(random))
                      .withMaximumPoints(
                          random.nextBoolean() ? random.nextInt(1000) : random.nextLong() >>> 1)
                      .build();
                });
    return withEveryVersion(Template.REWARD_POINT, Stream.concat(edges, varied).toList());
  }

  private static Stream<Arguments> withEveryVersion(
      final Template template, final List<IndexedRecord> records) {
    return MapFiles.BUNDLED.versions(template).stream()
        .flatMap(version -> records.stream().map(erp -> Arguments.of(version, erp)));
  }

  /** A key: no blanks, nothing to trim, 1 to {@code max} characters. */
  private static String key(final Random random, final int max) {
    return text(random, KEY_CHARACTERS, 1 + random.nextInt(max));
  }

  /** Empty (F&amp;O's "no value") one time in three, else any text up to {@code max}. */
  private static String optionalText(final Random random, final int max) {
    return random.nextInt(3) == 0 ? "" : text(random, TEXT_CHARACTERS, 1 + random.nextInt(max));
  }

  private static String text(final Random random, final String alphabet, final int length) {
    final StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** The empty date one time in four, else any date F&amp;O can hold. */
  private static LocalDate date(final Random random) {
    if (random.nextInt(4) == 0) {
      return NO_DATE;
    }
    final long span = LAST_DATE.toEpochDay() - NO_DATE.toEpochDay();
    return NO_DATE.plusDays(1 + (long) (random.nextDouble() * span));
  }

  /** Mostly small, sometimes zero, sometimes huge. */
  private static int number(final Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(Integer.MAX_VALUE);
      default -> random.nextInt(100);
    };
  }

  private static <T> T pick(final Random random, final T[] values) {
    return values[random.nextInt(values.length)];
  }
}
