package io.loyaltysync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a map file as written, before it is checked against the schemas.
 *
 * @param number 1-based position in the file's {@code fields} list (0 for the company scope row)
 * @param erpField F&amp;O data-entity field name
 * @param type the map-type symbol
 * @param crmColumn Dataverse column, or {@code column.keyColumn} for a lookup
 * @param lookupTable the table a lookup refers to, for a lookup row
 * @param valueMap F&amp;O enum symbol to Dataverse value, in file order; empty when none
 * @param defaultValue value written when the source has none ({@code >>}, {@code <<}); may be null
 */
public record MapRow(
    int number,
    String erpField,
    MapType type,
    String crmColumn,
    String lookupTable,
    Map<String, JsonNode> valueMap,
    JsonNode defaultValue) {

  public MapRow {
    valueMap = new LinkedHashMap<>(valueMap);
  }

  @Override
  public Map<String, JsonNode> valueMap() {
    return java.util.Collections.unmodifiableMap(valueMap);
  }

  /** The Dataverse column itself, without a lookup's key column. */
  public String crmField() {
    final int dot = crmColumn.indexOf('.');
    return dot < 0 ? crmColumn : crmColumn.substring(0, dot);
  }

  /** The referenced table's key column of a lookup, or null. */
  public String lookupKeyColumn() {
    final int dot = crmColumn.indexOf('.');
    return dot < 0 ? null : crmColumn.substring(dot + 1);
  }

  public boolean isLookup() {
    return crmColumn.indexOf('.') >= 0;
  }

  /** How the row reads in messages: {@code CARDNUMBER = msdyn_cardnumber}. */
  public String describe() {
    return erpField + " " + type.symbol() + " " + crmColumn;
  }
}
