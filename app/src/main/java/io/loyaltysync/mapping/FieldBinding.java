package io.loyaltysync.mapping;

/**
 * One mapped field as the sync core sees it: where it sits in each side's entity record and which
 * way its values flow. The company scope of a per-company map is a binding too (a two-way lookup).
 *
 * @param row the map row (number 0 for the company scope)
 * @param erpPosition the field's position in the F&amp;O entity record
 * @param crmPosition the column's position in the Dataverse record
 * @param key whether the field is part of the key
 */
public record FieldBinding(MapRow row, int erpPosition, int crmPosition, boolean key) {

  public MapType type() {
    return row.type();
  }

  /** The field's position in the record of {@code side}. */
  public int position(final Side side) {
    return side == Side.ERP ? erpPosition : crmPosition;
  }

  /** Whether edits made on {@code side} flow to the other side. */
  public boolean sourcedFrom(final Side side) {
    return row.type().flows(side == Side.ERP ? Direction.ERP_TO_CRM : Direction.CRM_TO_ERP);
  }

  /** Whether this app writes the field to {@code side}. */
  public boolean writtenTo(final Side side) {
    return row.type().flows(Direction.to(side));
  }

  /**
   * Whether {@code value}, in the record of {@code side}, is that system's "no value": null in
   * Dataverse; "", 1900-01-01 (or null) in F&amp;O.
   */
  public static boolean noValue(final Side side, final Object value) {
    return side == Side.CRM ? value == null : Converters.erpEmpty(value);
  }

  /** The F&amp;O field name, used in audit events and messages. */
  public String erpField() {
    return row.erpField();
  }
}
