package io.loyaltysync.bench;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The keys of the end-to-end benchmark: key number {@code i} of a template is always the same row,
 * and no two numbers share a row, so a key count is exact. Shaped like production keys (maps.md):
 * card numbers of 16 to 30 characters, reward point ids up to 64, levels as company + phrase.
 */
final class BenchKeys {

  /** Odd and not a multiple of 5, so {@code i * SCRAMBLE mod 10^k} is a bijection on i. */
  private static final long SCRAMBLE = 982_451_653L;

  private static final long TEN_15 = 1_000_000_000_000_000L;
  private static final long TEN_18 = 1_000_000_000_000_000_000L;

  private BenchKeys() {}

  /**
   * Card number {@code i}: 16-digit (45%) and 19-digit (30%) printed numbers, {@code LC-<unit>-<10
   * digits>} (17%) and {@code LOYALTY-<COMPANY>-<17 digits>} (8%). The four shapes differ in prefix
   * or length, and each embeds a bijection of {@code i}, so keys are unique.
   */
  static String cardNumber(final int i) {
    final int shape = Math.floorMod(i * 37 + 11, 100);
    final long scrambled = Math.floorMod(i * SCRAMBLE + 7_777, TEN_15);
    if (shape < 45) {
      return "6" + String.format(Locale.ROOT, "%015d", scrambled);
    }
    if (shape < 75) {
      return "7" + String.format(Locale.ROOT, "%018d", Math.floorMod(i * SCRAMBLE + 31, TEN_18));
    }
    if (shape < 92) {
      return "LC-" + SampleRecords.operatingUnit(i) + "-" + String.format(Locale.ROOT, "%010d", i);
    }
    return "LOYALTY-"
        + SampleRecords.company(i).toUpperCase(Locale.ROOT)
        + "-"
        + String.format(Locale.ROOT, "%017d", i);
  }

  /** Reward point id {@code i}: short ({@code RP-0000042}) to long descriptive ids. */
  static String rewardPointId(final int i) {
    final int shape = Math.floorMod(i, 3);
    if (shape == 0) {
      return String.format(Locale.ROOT, "RP-%07d", i);
    }
    final String id =
        SampleRecords.company(i / 3).toUpperCase(Locale.ROOT)
            + "-"
            + SampleRecords.program(i / 7)
            + "-"
            + (i % 2 == 0 ? "QTY" : "AMOUNT")
            + "-"
            + i;
    return shape == 1 ? id : id + "-" + (2015 + i % 11) + "-SEASONAL-CAMPAIGN";
  }

  /** The company (lower case, as keys are normalised) of level {@code i}. */
  static String levelCompany(final int i) {
    return SampleRecords.company(i);
  }

  /** The phrase of level {@code i}: a named level, then a numbered generation of it. */
  static String levelPhrase(final int i) {
    final int perCompany = i / SampleRecords.companyCount();
    final int generation = perCompany / SampleRecords.levelCount();
    final String name = SampleRecords.level(perCompany);
    return generation == 0 ? name : name + "-" + generation;
  }

  /** The normalised key text of row {@code i}, as the job keys it ({@code KeyText}). */
  static String keyText(final Template template, final int i) {
    return switch (template) {
      case CARD -> cardNumber(i);
      case REWARD_POINT -> rewardPointId(i);
      case LEVEL -> levelCompany(i) + "|" + levelPhrase(i);
    };
  }

  /** Writes the key of row {@code i} into {@code image}, an entity record of {@code side}. */
  static void setKey(
      final Template template, final Side side, final IndexedRecord image, final int i) {
    final Schema schema = image.getSchema();
    final boolean erp = side == Side.ERP;
    switch (template) {
      case CARD -> image.put(pos(schema, erp ? "CARDNUMBER" : "msdyn_cardnumber"), cardNumber(i));
      case REWARD_POINT ->
          image.put(pos(schema, erp ? "REWARDPOINTID" : "msdyn_rewardpointid"), rewardPointId(i));
      case LEVEL -> {
        image.put(pos(schema, erp ? "LEVELPHRASE" : "msdyn_levelphrase"), levelPhrase(i));
        if (erp) {
          image.put(pos(schema, "dataAreaId"), levelCompany(i));
        } else {
          image.put(
              pos(schema, "msdyn_company"),
              new EntityReference("cdm_company", "cdm_companycode", levelCompany(i)));
        }
      }
    }
  }

  private static int pos(final Schema schema, final String field) {
    return schema.getField(field).pos();
  }
}
