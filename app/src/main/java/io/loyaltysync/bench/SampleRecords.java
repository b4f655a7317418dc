package io.loyaltysync.bench;

import io.loyaltysync.avro.common.EntityReference;
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
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.avro.generic.IndexedRecord;

/**
 * Valid, varied entity records of either side, sized like production data (maps.md): card numbers
 * of 16 to 30 characters, party numbers, a few anonymous cards and empty dates, enums spread over
 * their symbols with realistic weights, amount reward points with an ISO currency. Deterministic
 * for a seed, so runs compare like for like.
 */
final class SampleRecords {

  private static final LocalDate EMPTY_DATE = LocalDate.of(1900, 1, 1);
  private static final long FIRST_ENROLMENT = LocalDate.of(2005, 1, 1).toEpochDay();
  private static final long LAST_ENROLMENT = LocalDate.of(2025, 12, 31).toEpochDay();
  private static final String[] OPERATING_UNITS = {
    "039", "040", "052", "128", "00000093", "ONLINE01", "CALLCNTR", "HOUSTON", "SEATTLE", "SF"
  };
  private static final String[] COMPANIES = {
    "usmf", "usrt", "usp2", "demf", "gbsi", "frrt", "jpmf"
  };
  private static final String[] LEVELS = {
    "Bronze", "Silver", "Gold", "Platinum", "Diamond", "VIP", "Staff", "Prospect", "Lapsed"
  };
  private static final String[] DESCRIPTIONS = {
    "Entry level for newly enrolled customers",
    "Customers with more than 500 points earned in the last 12 months",
    "Top customers; invited to private sales and early access events",
    "Employees and their households",
    "Key account",
  };
  private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CAD", "DKK", "JPY", "CNY"};
  private static final String[] PROGRAMS = {"BONUS", "STAR", "BIRTHDAY", "WELCOME", "CASHBACK"};
  private static final int OPTION_BASE = 806_380_000;
  private static final int POINT_TYPE_BASE = 192_350_000;

  private final SplittableRandom random;

  SampleRecords(final long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code count} records of {@code template}'s entity on {@code side}. */
  IndexedRecord[] pool(final Template template, final Side side, final int count) {
    final IndexedRecord[] records = new IndexedRecord[count];
    for (int i = 0; i < count; i++) {
      records[i] = one(template, side, i);
    }
    return records;
  }

  /** One record of {@code template}'s entity on {@code side}; {@code serial} shapes its key. */
  IndexedRecord one(final Template template, final Side side, final int serial) {
    return switch (template) {
      case CARD -> side == Side.ERP ? erpCard(serial) : crmCard(serial);
      case LEVEL -> side == Side.ERP ? erpLevel() : crmLevel();
      case REWARD_POINT -> side == Side.ERP ? erpRewardPoint(serial) : crmRewardPoint(serial);
    };
  }

  /** The ISO codes of the currencies the reward points refer to. */
  static List<String> currencies() {
    return List.of(CURRENCIES);
  }

  /** The operating units (channels) cards are enrolled in. */
  static String operatingUnit(final int index) {
    return OPERATING_UNITS[Math.floorMod(index, OPERATING_UNITS.length)];
  }

  /** F&amp;O company ids, lower case. */
  static String company(final int index) {
    return COMPANIES[Math.floorMod(index, COMPANIES.length)];
  }

  /** Level phrases. */
  static String level(final int index) {
    return LEVELS[Math.floorMod(index, LEVELS.length)];
  }

  /** Reward point programmes. */
  static String program(final int index) {
    return PROGRAMS[Math.floorMod(index, PROGRAMS.length)];
  }

  static int companyCount() {
    return COMPANIES.length;
  }

  static int levelCount() {
    return LEVELS.length;
  }

  // ---- loyalty cards ----------------------------------------------------------------------

  private RetailLoyaltyCardEntity erpCard(final int serial) {
    final LocalDate enrolled = enrolmentDate();
    return new RetailLoyaltyCardEntity(
        cardNumber(serial),
        tenderType(),
        chance(15) ? "" : partyNumber(),
        chance(5) ? cardNumber(serial + 1_000_000) : "",
        chance(4) ? "" : pick(OPERATING_UNITS),
        enrolled,
        localDate(enrolled));
  }

  private MsdynLoyaltyCard crmCard(final int serial) {
    final LocalDate enrolled = enrolmentDate();
    return new MsdynLoyaltyCard(
        cardNumber(serial),
        OPTION_BASE + tenderType().ordinal(),
        chance(15) ? null : partyNumber(),
        chance(5) ? cardNumber(serial + 1_000_000) : null,
        chance(4) ? null : pick(OPERATING_UNITS),
        EMPTY_DATE.equals(enrolled) ? null : enrolled,
        EMPTY_DATE.equals(enrolled) ? null : localDate(enrolled));
  }

  /** Mostly 16- and 19-digit numbers as printed on cards, some longer alphanumeric ones. */
  private String cardNumber(final int serial) {
    final int shape = random.nextInt(100);
    if (shape < 45) {
      return "6" + digits(15);
    }
    if (shape < 75) {
      return "7" + digits(18);
    }
    if (shape < 92) {
      return "LC-" + pick(OPERATING_UNITS) + "-" + String.format(Locale.ROOT, "%010d", serial);
    }
    return "LOYALTY-" + pick(COMPANIES).toUpperCase(Locale.ROOT) + "-" + digits(17);
  }

  private RetailLoyaltyTenderTypeBase tenderType() {
    final int roll = random.nextInt(100);
    return roll < 40
        ? RetailLoyaltyTenderTypeBase.asCardTender
        : roll < 85
            ? RetailLoyaltyTenderTypeBase.asContactTender
            : roll < 95
                ? RetailLoyaltyTenderTypeBase.noTender
                : RetailLoyaltyTenderTypeBase.blocked;
  }

  /** F&amp;O party numbers: a number sequence, sometimes with a prefix. */
  private String partyNumber() {
    return chance(80) ? "000" + digits(6) : "DAT-" + digits(8);
  }

  private LocalDate enrolmentDate() {
    return chance(5)
        ? EMPTY_DATE
        : LocalDate.ofEpochDay(random.nextLong(FIRST_ENROLMENT, LAST_ENROLMENT + 1));
  }

  /** The channel's local date: the same day, or the day before for late-evening enrolments. */
  private LocalDate localDate(final LocalDate enrolled) {
    return EMPTY_DATE.equals(enrolled) || !chance(30) ? enrolled : enrolled.minusDays(1);
  }

  // ---- loyalty levels ---------------------------------------------------------------------

  private LoyaltyLevelEntity erpLevel() {
    return new LoyaltyLevelEntity(company(), levelPhrase(), chance(20) ? "" : pick(DESCRIPTIONS));
  }

  private MsdynLoyaltyLevel crmLevel() {
    return new MsdynLoyaltyLevel(
        new EntityReference("cdm_company", "cdm_companycode", company()),
        levelPhrase(),
        chance(20) ? null : pick(DESCRIPTIONS));
  }

  /** F&amp;O ignores the company's case; some feeds send it upper case. */
  private String company() {
    final String company = pick(COMPANIES);
    return chance(10) ? company.toUpperCase(Locale.ROOT) : company;
  }

  private String levelPhrase() {
    return chance(70) ? pick(LEVELS) : pick(LEVELS) + "-" + (2015 + random.nextInt(11));
  }

  // ---- reward points ----------------------------------------------------------------------

  private RetailLoyaltyRewardPointEntity erpRewardPoint(final int serial) {
    final boolean amount = random.nextBoolean();
    final String currency = amount ? pick(CURRENCIES) : "";
    return new RetailLoyaltyRewardPointEntity(
        timeUnit(),
        chance(25) ? 0 : 1 + random.nextInt(36),
        chance(80) ? NoYes.yes : NoYes.no,
        random.nextInt(21),
        currency,
        rewardPointId(serial, amount, currency),
        amount ? RetailLoyaltyRewardPointType.amount : RetailLoyaltyRewardPointType.quantity,
        chance(30) ? 0L : random.nextLong(10_000_000L),
        timeUnit(),
        chance(50) ? 0 : random.nextInt(31));
  }

  private MsdynLoyaltyRewardPoint crmRewardPoint(final int serial) {
    final boolean amount = random.nextBoolean();
    final String currency = amount ? pick(CURRENCIES) : "";
    return new MsdynLoyaltyRewardPoint(
        OPTION_BASE + timeUnit().ordinal(),
        chance(5) ? null : random.nextInt(37),
        chance(80),
        chance(5) ? null : random.nextInt(21),
        amount ? new EntityReference("transactioncurrency", "isocurrencycode", currency) : null,
        rewardPointId(serial, amount, currency),
        POINT_TYPE_BASE + (amount ? 1 : 0),
        chance(30) ? null : random.nextLong(10_000_000L),
        OPTION_BASE + timeUnit().ordinal(),
        chance(5) ? null : random.nextInt(31));
  }

  /** From short ids (RP-00042) to long descriptive ones, at most 64 characters. */
  private String rewardPointId(final int serial, final boolean amount, final String currency) {
    final int shape = random.nextInt(3);
    if (shape == 0) {
      return String.format(Locale.ROOT, "RP-%05d", serial);
    }
    final String kind = amount ? "AMOUNT-" + currency : "QTY";
    final String id =
        pick(COMPANIES).toUpperCase(Locale.ROOT) + "-" + pick(PROGRAMS) + "-" + kind + "-" + serial;
    return shape == 1 ? id : id + "-" + (2015 + random.nextInt(11)) + "-SEASONAL-CAMPAIGN";
  }

  private RetailLoyaltyTimeUnit timeUnit() {
    final int roll = random.nextInt(10);
    return roll < 3
        ? RetailLoyaltyTimeUnit.day
        : roll < 8 ? RetailLoyaltyTimeUnit.month : RetailLoyaltyTimeUnit.year;
  }

  // ---- helpers ----------------------------------------------------------------------------

  private boolean chance(final int percent) {
    return random.nextInt(100) < percent;
  }

  private String pick(final String[] values) {
    return values[random.nextInt(values.length)];
  }

  private String digits(final int count) {
    final char[] chars = new char[count];
    for (int i = 0; i < count; i++) {
      chars[i] = (char) ('0' + random.nextInt(10));
    }
    return new String(chars);
  }
}
