package io.loyaltysync.topology;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.common.LoyaltyLevelKey;
import io.loyaltysync.avro.common.LoyaltyRewardPointKey;
import io.loyaltysync.avro.erp.NoYes;
import io.loyaltysync.avro.erp.RetailLoyaltyTenderTypeBase;
import io.loyaltysync.avro.erp.RetailLoyaltyTimeUnit;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Random rows of every template and side, valid for both systems unless asked for a broken one.
 * Each mapped field has a generator of values; a new row draws every field, an update one. Keys are
 * texts: a card number, a reward point id, or {@code company|phrase} for a level.
 */
final class Rows {

  /** The currencies published before any reward point refers to one. */
  static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP");

  /** A column that changes, and how to draw a value for it. */
  private record Column(String name, Function<Random, Object> value) {}

  private final Random random;

  Rows(final Random random) {
    this.random = random;
  }

  /** A new row for {@code key} with every changeable field drawn at random. */
  SpecificRecord create(final Template template, final Side side, final String key) {
    final SpecificRecord row = base(template, side, key);
    for (final Column column : columns(template, side, row)) {
      put(row, column.name(), column.value().apply(random));
    }
    return row;
  }

  /** A copy of {@code row} with one changeable field drawn again (perhaps to the same value). */
  SpecificRecord vary(final Template template, final Side side, final SpecificRecord row) {
    final SpecificRecord copy = copy(row);
    final List<Column> columns = columns(template, side, row);
    final Column column = columns.get(random.nextInt(columns.size()));
    put(copy, column.name(), column.value().apply(random));
    return copy;
  }

  /**
   * A copy of {@code row} that breaks a rule of the map or of F&amp;O (dead letter), or null where
   * the template has no such field.
   */
  SpecificRecord broken(final Template template, final Side side, final SpecificRecord row) {
    final SpecificRecord copy = copy(row);
    switch (template) {
      case CARD ->
          put(
              copy,
              side == Side.ERP ? "PARTYNUMBER" : "msdyn_cardtendertype",
              side == Side.ERP ? "P".repeat(41) : 806_389_999);
      case REWARD_POINT ->
          put(
              copy,
              side == Side.ERP ? "REDEEMRANKING" : "msdyn_expirationtimeunit",
              side == Side.ERP ? -1 : 806_389_999);
      case LEVEL -> {
        return null;
      }
    }
    return copy;
  }

  /** A Dataverse card with a new replacement card number: a column F&amp;O alone sources. */
  SpecificRecord withReplacementCard(final SpecificRecord crmCard) {
    final SpecificRecord copy = copy(crmCard);
    put(copy, "msdyn_replacementcardnumber", "R-" + random.nextInt(1000));
    return copy;
  }

  /** The key record a DELETE carries. */
  static SpecificRecord keyRecord(final Template template, final String key) {
    return switch (template) {
      case CARD -> new LoyaltyCardKey(key);
      case LEVEL -> new LoyaltyLevelKey(company(key), phrase(key));
      case REWARD_POINT -> new LoyaltyRewardPointKey(key);
    };
  }

  /**
   * The row a writer's upsert of {@code written} leaves on {@code side} when the job made the row:
   * what that side's change feed then reports as the echo.
   *
   * @throws IllegalArgumentException when the side has a column the job does not write
   */
  static SpecificRecord fromWrite(
      final Template template, final Side side, final GenericRecord written) {
    final SpecificRecord row = (SpecificRecord) template.entity(side).newRecord();
    final SpecificData model = SpecificData.getForSchema(row.getSchema());
    for (final Schema.Field field : row.getSchema().getFields()) {
      if (!written.hasField(field.name())) {
        throw new IllegalArgumentException(
            field.name() + " is not written to " + side + ": the write says too little for a row");
      }
      row.put(field.pos(), model.deepCopy(field.schema(), written.get(field.name())));
    }
    return row;
  }

  static SpecificRecord copy(final SpecificRecord row) {
    return SpecificData.getForSchema(row.getSchema()).deepCopy(row.getSchema(), row);
  }

  static void put(final SpecificRecord row, final String field, final Object value) {
    row.put(row.getSchema().getField(field).pos(), value);
  }

  private SpecificRecord base(final Template template, final Side side, final String key) {
    return switch (template) {
      case CARD -> side == Side.ERP ? Events.erpCard(key).build() : Events.crmCard(key).build();
      case LEVEL ->
          side == Side.ERP
              // F&O's own spelling; the job normalises the company to lower case.
              ? Events.erpLevel(company(key).toUpperCase(Locale.ROOT), phrase(key), "")
              : Events.crmLevel(company(key), phrase(key), "");
      case REWARD_POINT -> {
        // A reward point keeps its type; an amount has a currency, a quantity none.
        final String currency =
            random.nextBoolean() ? CURRENCIES.get(random.nextInt(CURRENCIES.size())) : "";
        yield side == Side.ERP
            ? Events.erpRewardPoint(key, currency).build()
            : Events.crmRewardPoint(key, currency.isEmpty() ? null : currency).build();
      }
    };
  }

  private static List<Column> columns(
      final Template template, final Side side, final SpecificRecord row) {
    final List<Column> columns = new ArrayList<>();
    switch (template) {
      case CARD -> {
        if (side == Side.ERP) {
          columns.add(
              new Column("CARDTENDERTYPE", r -> pick(r, RetailLoyaltyTenderTypeBase.values())));
          columns.add(new Column("PARTYNUMBER", Rows::party));
          columns.add(
              new Column("OMOPERATINGUNITNUMBER", r -> String.format("%03d", r.nextInt(60))));
          columns.add(new Column("LOYALTYENROLLMENTDATE", Rows::date));
          columns.add(new Column("LOYALTYENROLLMENTDATELOCAL", Rows::date));
          columns.add(
              new Column(
                  "REPLACEMENTCARDNUMBER", r -> r.nextBoolean() ? "" : "R-" + r.nextInt(99)));
        } else {
          columns.add(new Column("msdyn_cardtendertype", r -> 806_380_000 + r.nextInt(4)));
          columns.add(new Column("msdyn_partynumber", Rows::party));
          columns.add(
              new Column("msdyn_operatingunitnumber", r -> String.format("%03d", r.nextInt(60))));
          columns.add(new Column("msdyn_enrollmentdate", Rows::date));
          columns.add(new Column("msdyn_effectivedate", Rows::date));
        }
      }
      case LEVEL ->
          columns.add(
              new Column(
                  side == Side.ERP ? "LEVELDESCRIPTION" : "msdyn_description",
                  r -> "level " + r.nextInt(40)));
      case REWARD_POINT -> {
        final boolean erp = side == Side.ERP;
        columns.add(new Column(erp ? "REDEEMRANKING" : "msdyn_redeemranking", r -> r.nextInt(10)));
        columns.add(
            new Column(
                erp ? "EXPIRATIONTIMEVALUE" : "msdyn_expirationtimevalue", r -> r.nextInt(25)));
        columns.add(
            new Column(
                erp ? "EXPIRATIONTIMEUNIT" : "msdyn_expirationtimeunit",
                r -> erp ? pick(r, RetailLoyaltyTimeUnit.values()) : 806_380_000 + r.nextInt(3)));
        columns.add(
            new Column(erp ? "VESTINGTIMEVALUE" : "msdyn_vestingtimevalue", r -> r.nextInt(5)));
        columns.add(
            new Column(
                erp ? "MAXIMUMLOYALTYREWARDPOINTS" : "msdyn_maximumloyaltyrewardpoints",
                r -> 1000L * (1 + r.nextInt(100))));
        columns.add(
            new Column(
                erp ? "REDEEMABLE" : "msdyn_redeemable",
                r -> erp ? pick(r, NoYes.values()) : r.nextBoolean()));
        final boolean amount =
            erp
                ? !row.get(row.getSchema().getField("REWARDPOINTCURRENCY").pos())
                    .toString()
                    .isEmpty()
                : row.get(row.getSchema().getField("msdyn_rewardpointcurrency").pos()) != null;
        if (amount) {
          columns.add(
              new Column(
                  erp ? "REWARDPOINTCURRENCY" : "msdyn_rewardpointcurrency",
                  r -> {
                    final String code = CURRENCIES.get(r.nextInt(CURRENCIES.size()));
                    return erp
                        ? code
                        : new EntityReference("transactioncurrency", "isocurrencycode", code);
                  }));
        }
      }
    }
    return columns;
  }

  private static String company(final String key) {
    return key.substring(0, key.indexOf(KeyText.SEPARATOR));
  }

  private static String phrase(final String key) {
    return key.substring(key.indexOf(KeyText.SEPARATOR) + 1);
  }

  private static String party(final Random random) {
    return String.format("%06d", random.nextInt(1_000_000));
  }

  private static LocalDate date(final Random random) {
    return LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700));
  }

  private static <T> T pick(final Random random, final T[] values) {
    return values[random.nextInt(values.length)];
  }
}
