package io.loyaltysync.mapping;

import java.util.Arrays;
import java.util.Optional;

/** How a field edited on both sides since they last agreed is resolved. */
public enum ConflictPolicy {
  /** The edit with the newer source timestamp wins; a tie goes to F&amp;O. */
  LAST_WRITER_WINS("last-writer-wins"),
  /** F&amp;O's value always wins. */
  ERP_WINS("erp-wins"),
  /** Dataverse's value always wins. */
  CRM_WINS("crm-wins");

  private final String id;

  ConflictPolicy(final String id) {
    this.id = id;
  }

  /** The name used in map files and config. */
  public String id() {
    return id;
  }

  public static Optional<ConflictPolicy> ofId(final String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }
}
