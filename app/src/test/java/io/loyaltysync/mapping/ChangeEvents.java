package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.common.LoyaltyLevelKey;
import io.loyaltysync.avro.common.LoyaltyRewardPointKey;
import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import java.time.Instant;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/** Test data: change events of either side's feed, an UPDATE made in that side by default. */
final class ChangeEvents {

  static final Instant CHANGED_AT = Instant.parse("2024-05-02T10:15:30Z");

  private ChangeEvents() {}

  /** A change from the F&amp;O feed of {@code template}. */
  static ChangeEvent anErpChange(final Template template) {
    return new ChangeEvent(template, Side.ERP);
  }

  /** A change from the Dataverse feed of {@code template}. */
  static ChangeEvent aCrmChange(final Template template) {
    return new ChangeEvent(template, Side.CRM);
  }

  static LoyaltyCardKey cardKey(final String cardNumber) {
    return new LoyaltyCardKey(cardNumber);
  }

  static LoyaltyLevelKey levelKey(final String company, final String levelPhrase) {
    return new LoyaltyLevelKey(company, levelPhrase);
  }

  static LoyaltyRewardPointKey rewardPointKey(final String rewardPointId) {
    return new LoyaltyRewardPointKey(rewardPointId);
  }

  static final class ChangeEvent {
    private final Template template;
    private final Side side;
    private Operation op = Operation.UPDATE;
    private IndexedRecord key;
    private IndexedRecord after;
    private SourceSystem system;

    private ChangeEvent(final Template template, final Side side) {
      this.template = template;
      this.side = side;
      this.system = SourceSystem.valueOf(side.name());
    }

    ChangeEvent withOp(final Operation value) {
      op = value;
      return this;
    }

    ChangeEvent withKey(final IndexedRecord value) {
      key = value;
      return this;
    }

    ChangeEvent withAfter(final IndexedRecord value) {
      after = value;
      return this;
    }

    /** Claims to come from {@code value}, whichever feed it is on. */
    ChangeEvent madeIn(final SourceSystem value) {
      system = value;
      return this;
    }

    IndexedRecord build() {
      final SpecificRecordBase event =
          (SpecificRecordBase) SpecificData.get().newRecord(null, template.changeEvent(side));
      event.put("op", op);
      event.put("key", key);
      event.put("after", after);
      event.put(
          "source",
          SourceMetadata.newBuilder()
              .setSystem(system)
              .setCompany(template == Template.LEVEL ? "usmf" : null)
              .setTimestamp(CHANGED_AT)
              .setChangedBy("test")
              .build());
      return event;
    }
  }
}
