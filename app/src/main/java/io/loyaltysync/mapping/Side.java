package io.loyaltysync.mapping;

/** One of the two systems kept in sync. */
public enum Side {
  /** Dynamics 365 Finance and Operations / Commerce. */
  ERP("F&O"),
  /** Dataverse. */
  CRM("Dataverse");

  private final String product;

  Side(final String product) {
    this.product = product;
  }

  /** The product name used in messages: F&O or Dataverse. */
  public String product() {
    return product;
  }

  public Side other() {
    return this == ERP ? CRM : ERP;
  }
}
