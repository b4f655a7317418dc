package io.loyaltysync.mapping;

import java.util.Locale;

/** Which way a record is mapped. */
public enum Direction {
  ERP_TO_CRM(Side.ERP, Side.CRM),
  CRM_TO_ERP(Side.CRM, Side.ERP);

  private final Side source;
  private final Side target;

  Direction(final Side source, final Side target) {
    this.source = source;
    this.target = target;
  }

  public Side source() {
    return source;
  }

  public Side target() {
    return target;
  }

  /** The direction that writes to {@code target}. */
  public static Direction to(final Side target) {
    return target == Side.CRM ? ERP_TO_CRM : CRM_TO_ERP;
  }

  /** The label used in dead letters and metrics: erp-to-crm or crm-to-erp. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
