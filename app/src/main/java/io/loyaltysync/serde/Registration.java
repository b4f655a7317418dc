package io.loyaltysync.serde;

/** How a serializer finds the registry id of a record's schema. */
public enum Registration {
  /** Register the schema under the subject when it is new: development and the embedded mode. */
  AUTO_REGISTER,
  /**
   * Only look the schema up, failing when it is not registered: production, where schemas are
   * registered by whoever owns the contract, not by every producer.
   */
  LOOK_UP_ONLY
}
