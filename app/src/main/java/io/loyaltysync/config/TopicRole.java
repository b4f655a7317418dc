package io.loyaltysync.config;

import io.loyaltysync.mapping.Side;

/** The four topics of one template. */
public enum TopicRole {
  /** F&amp;O's change feed: ERP change events (input). */
  ERP_CHANGES("erp-changes", Side.ERP, true),
  /** Dataverse's change feed: CRM change events (input). */
  CRM_CHANGES("crm-changes", Side.CRM, true),
  /** Mapped records for the F&amp;O writer (output, compacted). */
  ERP_RECORDS("erp-records", Side.ERP, false),
  /** Mapped records for the Dataverse writer (output, compacted). */
  CRM_RECORDS("crm-records", Side.CRM, false);

  private final String id;
  private final Side side;
  private final boolean input;

  TopicRole(final String id, final Side side, final boolean input) {
    this.id = id;
    this.side = side;
    this.input = input;
  }

  /** The suffix of the option naming the topic: topic.&lt;template&gt;.&lt;id&gt;. */
  public String id() {
    return id;
  }

  public Side side() {
    return side;
  }

  public boolean input() {
    return input;
  }

  public static TopicRole changes(final Side side) {
    return side == Side.ERP ? ERP_CHANGES : CRM_CHANGES;
  }

  public static TopicRole records(final Side side) {
    return side == Side.ERP ? ERP_RECORDS : CRM_RECORDS;
  }
}
