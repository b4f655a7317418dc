package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.common.LoyaltyLevelKey;
import io.loyaltysync.avro.common.LoyaltyRewardPointKey;
import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.crm.MsdynLoyaltyLevel;
import io.loyaltysync.avro.crm.MsdynLoyaltyRewardPoint;
import io.loyaltysync.avro.erp.LoyaltyLevelEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import io.loyaltysync.avro.erp.RetailLoyaltyRewardPointEntity;
import io.loyaltysync.avro.event.CrmLoyaltyCardChange;
import io.loyaltysync.avro.event.CrmLoyaltyLevelChange;
import io.loyaltysync.avro.event.CrmLoyaltyRewardPointChange;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import io.loyaltysync.avro.event.ErpLoyaltyLevelChange;
import io.loyaltysync.avro.event.ErpLoyaltyRewardPointChange;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The three dual-write table maps this project syncs, each bound to its Avro contracts. Which
 * fields are mapped, and how, is data (the map files); which records are involved is fixed here.
 */
public enum Template {
  CARD(
      "card",
      "Loyalty card",
      entity(RetailLoyaltyCardEntity.getClassSchema(), RetailLoyaltyCardEntity::new),
      entity(MsdynLoyaltyCard.getClassSchema(), MsdynLoyaltyCard::new),
      entity(LoyaltyCardKey.getClassSchema(), LoyaltyCardKey::new),
      ErpLoyaltyCardChange.class,
      CrmLoyaltyCardChange.class),
  LEVEL(
      "level",
      "Loyalty levels",
      entity(LoyaltyLevelEntity.getClassSchema(), LoyaltyLevelEntity::new),
      entity(MsdynLoyaltyLevel.getClassSchema(), MsdynLoyaltyLevel::new),
      entity(LoyaltyLevelKey.getClassSchema(), LoyaltyLevelKey::new),
      ErpLoyaltyLevelChange.class,
      CrmLoyaltyLevelChange.class),
  REWARD_POINT(
      "reward-point",
      "Loyalty reward points",
      entity(RetailLoyaltyRewardPointEntity.getClassSchema(), RetailLoyaltyRewardPointEntity::new),
      entity(MsdynLoyaltyRewardPoint.getClassSchema(), MsdynLoyaltyRewardPoint::new),
      entity(LoyaltyRewardPointKey.getClassSchema(), LoyaltyRewardPointKey::new),
      ErpLoyaltyRewardPointChange.class,
      CrmLoyaltyRewardPointChange.class);

  /** An Avro record type and a cheap way to make an empty one (no reflection per record). */
  public record RecordType(Schema schema, Supplier<? extends IndexedRecord> factory) {
    public IndexedRecord newRecord() {
      return factory.get();
    }
  }

  private final String id;
  private final String title;
  private final RecordType erp;
  private final RecordType crm;
  private final RecordType key;
  private final Class<? extends SpecificRecord> erpChange;
  private final Class<? extends SpecificRecord> crmChange;

  Template(
      final String id,
      final String title,
      final RecordType erp,
      final RecordType crm,
      final RecordType key,
      final Class<? extends SpecificRecord> erpChange,
      final Class<? extends SpecificRecord> crmChange) {
    this.id = id;
    this.title = title;
    this.erp = erp;
    this.crm = crm;
    this.key = key;
    this.erpChange = erpChange;
    this.crmChange = crmChange;
  }

  private static RecordType entity(
      final Schema schema, final Supplier<? extends IndexedRecord> factory) {
    return new RecordType(schema, factory);
  }

  /** The name used in map files, on the command line and in dead letters. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** The entity record of one side. */
  public RecordType entity(final Side side) {
    return side == Side.ERP ? erp : crm;
  }

  /** The key record, shared by both sides. */
  public RecordType key() {
    return key;
  }

  /** The change event schema of one side. */
  public Schema changeEvent(final Side side) {
    return SpecificData.get().getSchema(changeEventClass(side));
  }

  /** The generated change event class of one side. */
  public Class<? extends SpecificRecord> changeEventClass(final Side side) {
    return side == Side.ERP ? erpChange : crmChange;
  }

  /** The Dataverse entity set the mapped CRM records are written to, e.g. msdyn_loyaltycards. */
  public String crmEntitySet() {
    return crm.schema().getProp("dataverseEntitySet");
  }

  /** The F&amp;O OData entity set the mapped ERP records are written to. */
  public String erpEntitySet() {
    return erp.schema().getProp("odataEntitySet");
  }

  public static Optional<Template> ofId(final String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
