package io.loyaltysync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.mapping.Converters.KeyNormalisation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Resolves one map row against the template's schemas: the fields exist, their types fit the map
 * type, value maps are total and (where they map back) one-to-one, defaults are typed and can
 * apply. Produces the row's converters for both directions.
 */
final class RowResolver {

  private final MapDefinition map;
  private final Schema erpSchema;
  private final Schema crmSchema;
  private final Map<String, MapRow> byErp = new HashMap<>();
  private final Map<String, MapRow> byCrm = new HashMap<>();

  RowResolver(final MapDefinition map) {
    this.map = map;
    this.erpSchema = map.template().entity(Side.ERP).schema();
    this.crmSchema = map.template().entity(Side.CRM).schema();
  }

  ResolvedRow resolve(final MapRow row, final KeyNormalisation key) {
    final Schema.Field erp = erpSchema.getField(row.erpField());
    if (erp == null) {
      throw fail(row, "unknown F&O field '" + row.erpField() + "' in " + erpSchema.getName());
    }
    final Schema.Field crm = crmSchema.getField(row.crmField());
    if (crm == null) {
      throw fail(
          row,
          "unknown Dataverse column '"
              + row.crmField()
              + "' in "
              + crmSchema.getProp("dataverseTable"));
    }
    final MapRow erpTaken = byErp.putIfAbsent(erp.name(), row);
    if (erpTaken != null) {
      throw fail(row, "F&O field " + erp.name() + " is already mapped by " + where(erpTaken));
    }
    final MapRow crmTaken = byCrm.putIfAbsent(crm.name(), row);
    if (crmTaken != null) {
      throw fail(
          row, "Dataverse column " + crm.name() + " is already mapped by " + where(crmTaken));
    }
    final FieldKind erpKind = FieldKind.of(erp.schema());
    final FieldKind crmKind = FieldKind.of(crm.schema());
    if (erpKind == FieldKind.UNSUPPORTED || erpKind == FieldKind.REFERENCE) {
      throw fail(
          row, "F&O field " + erp.name() + " has a type the engine cannot map: " + erp.schema());
    }
    if (crmKind == FieldKind.UNSUPPORTED) {
      throw fail(
          row,
          "Dataverse column " + crm.name() + " has a type the engine cannot map: " + crm.schema());
    }
    checkShape(row, erpKind);
    if (row.isLookup()) {
      return resolveLookup(row, erp, crm, erpKind, crmKind, key);
    }
    if (row.lookupTable() != null) {
      throw fail(row, "'lookupTable' belongs to a lookup, written column.keyColumn");
    }
    if (crmKind == FieldKind.REFERENCE) {
      throw fail(
          row,
          "Dataverse column "
              + crm.name()
              + " is a lookup: write it as "
              + crm.name()
              + ".<key column> with a 'lookupTable'");
    }
    if (erpKind == FieldKind.ENUM) {
      return resolveValueMap(row, erp, crm, crmKind);
    }
    if (erpKind != crmKind) {
      throw fail(row, incompatible(erp, erpKind, crm, crmKind));
    }
    FieldConverter toCrm = Converters.toCrmCopy(erpKind, key);
    FieldConverter toErp = Converters.toErpCopy(erpKind, key);
    if (row.defaultValue() != null) {
      if (row.type() == MapType.ERP_TO_CRM_TRANSFORM) {
        toCrm = Converters.withErpDefault(toCrm, parseDefault(row, crm, crmKind, null));
      } else {
        toErp = Converters.withCrmDefault(toErp, parseDefault(row, erp, erpKind, null));
      }
    }
    return new ResolvedRow(row, erp, crm, toCrm, toErp, key);
  }

  /** Which of value map and default a row type allows or needs. */
  private void checkShape(final MapRow row, final FieldKind erpKind) {
    final boolean valueMap = !row.valueMap().isEmpty();
    final boolean defaultValue = row.defaultValue() != null;
    switch (row.type()) {
      case BOTH, ERP_TO_CRM, CRM_TO_ERP -> {
        if (valueMap) {
          throw fail(
              row,
              "a value map needs '><' (or '>>' / '<<' one way), not '" + row.type().symbol() + "'");
        }
        if (defaultValue) {
          throw fail(row, "a default needs '>>' or '<<', not '" + row.type().symbol() + "'");
        }
        if (erpKind == FieldKind.ENUM) {
          throw fail(
              row, "F&O field " + row.erpField() + " is an enum: map it with '><' and a value map");
        }
      }
      case BOTH_VALUE_MAP -> {
        if (!valueMap) {
          throw fail(row, "'><' needs a value map (F&O symbol : Dataverse value)");
        }
        if (defaultValue) {
          throw fail(row, "a default needs '>>' or '<<', not '><'");
        }
      }
      case ERP_TO_CRM_TRANSFORM, CRM_TO_ERP_TRANSFORM -> {
        if (!valueMap && !defaultValue) {
          throw fail(
              row,
              "'"
                  + row.type().symbol()
                  + "' needs a default or a value map (else use '"
                  + row.type().symbol().charAt(0)
                  + "')");
        }
        if (erpKind == FieldKind.ENUM && !valueMap) {
          throw fail(row, "F&O field " + row.erpField() + " is an enum: it needs a value map");
        }
        // A '>>' default replaces F&O's "no value", which only strings ('') and dates
        // (1900-01-01) have; on any other F&O type it could never apply.
        if (row.type() == MapType.ERP_TO_CRM_TRANSFORM
            && defaultValue
            && erpKind != FieldKind.STRING
            && erpKind != FieldKind.DATE) {
          throw fail(
              row,
              "a '>>' default is written when F&O has no value, but F&O field "
                  + row.erpField()
                  + " ("
                  + erpKind.label(erpSchema.getField(row.erpField()).schema())
                  + ") always has one");
        }
      }
      default -> throw new IllegalStateException(row.type().name());
    }
    if (valueMap && erpKind != FieldKind.ENUM) {
      throw fail(
          row,
          "a value map translates an F&O enum, but "
              + row.erpField()
              + " is "
              + erpKind.label(erpSchema.getField(row.erpField()).schema()));
    }
  }

  private ResolvedRow resolveLookup(
      final MapRow row,
      final Schema.Field erp,
      final Schema.Field crm,
      final FieldKind erpKind,
      final FieldKind crmKind,
      final KeyNormalisation key) {
    if (row.lookupTable() == null || row.lookupTable().isBlank()) {
      throw fail(row, "a lookup (column.keyColumn) needs 'lookupTable', the table it refers to");
    }
    if (row.lookupKeyColumn().isBlank()) {
      throw fail(row, "a lookup needs the referenced table's key column after the dot");
    }
    if (crmKind != FieldKind.REFERENCE) {
      throw fail(
          row,
          "Dataverse column "
              + crm.name()
              + " is "
              + crmKind.label(crm.schema())
              + ", not a lookup");
    }
    if (erpKind != FieldKind.STRING) {
      throw fail(
          row,
          "a lookup maps an F&O string, but " + erp.name() + " is " + erpKind.label(erp.schema()));
    }
    final String table = row.lookupTable();
    final String keyColumn = row.lookupKeyColumn();
    FieldConverter toCrm = Converters.toCrmLookup(table, keyColumn, key);
    FieldConverter toErp = Converters.toErpLookup(crm.name(), table, keyColumn, key);
    if (row.defaultValue() != null) {
      if (row.type() == MapType.ERP_TO_CRM_TRANSFORM) {
        toCrm = Converters.withErpDefault(toCrm, parseDefault(row, crm, crmKind, row));
      } else {
        toErp = Converters.withCrmDefault(toErp, parseDefault(row, erp, erpKind, row));
      }
    }
    return new ResolvedRow(row, erp, crm, toCrm, toErp, key);
  }

  private ResolvedRow resolveValueMap(
      final MapRow row, final Schema.Field erp, final Schema.Field crm, final FieldKind crmKind) {
    final Schema enumSchema = FieldKind.nonNull(erp.schema());
    if (crmKind != FieldKind.INT && crmKind != FieldKind.BOOLEAN && crmKind != FieldKind.STRING) {
      throw fail(
          row,
          "a value map translates to an option value, a boolean or a string, but "
              + crm.name()
              + " is "
              + crmKind.label(crm.schema()));
    }
    final List<String> symbols = enumSchema.getEnumSymbols();
    final Object[] byOrdinal = new Object[symbols.size()];
    final Map<Object, Object> reverse = new LinkedHashMap<>();
    final Map<Object, String> reverseSymbol = new HashMap<>();
    for (final Map.Entry<String, JsonNode> entry : row.valueMap().entrySet()) {
      final String symbol = entry.getKey();
      final int ordinal = symbols.indexOf(symbol);
      if (ordinal < 0) {
        throw fail(
            row,
            "value map names '"
                + symbol
                + "', which is not a symbol of enum "
                + enumSchema.getName()
                + " "
                + symbols);
      }
      final Object value = typedValue(entry.getValue(), crmKind);
      if (value == null) {
        throw fail(
            row,
            "value map: "
                + symbol
                + " : "
                + entry.getValue()
                + " is not a "
                + crmKind.label(crm.schema())
                + ", the type of "
                + crm.name());
      }
      byOrdinal[ordinal] = value;
      final String clash = reverseSymbol.putIfAbsent(value, symbol);
      if (clash != null && row.type().flows(Direction.CRM_TO_ERP)) {
        throw fail(
            row,
            "value map is not one-to-one: Dataverse value "
                + value
                + " comes from both "
                + clash
                + " and "
                + symbol
                + ", so it cannot be mapped back to F&O");
      }
      reverse.putIfAbsent(value, SpecificData.get().createEnum(symbol, enumSchema));
    }
    if (row.type().flows(Direction.ERP_TO_CRM)) {
      final List<String> missing = new ArrayList<>();
      for (int i = 0; i < byOrdinal.length; i++) {
        if (byOrdinal[i] == null) {
          missing.add(symbols.get(i));
        }
      }
      if (!missing.isEmpty()) {
        throw fail(
            row,
            "value map does not cover every symbol of enum "
                + enumSchema.getName()
                + ": missing "
                + missing);
      }
    }
    FieldConverter toErp = Converters.toErpValueMap(crm.name(), erp.name(), reverse);
    if (row.type() == MapType.CRM_TO_ERP_TRANSFORM && row.defaultValue() != null) {
      toErp = Converters.withCrmDefault(toErp, parseDefault(row, erp, FieldKind.ENUM, null));
    }
    return new ResolvedRow(
        row, erp, crm, Converters.toCrmValueMap(byOrdinal), toErp, KeyNormalisation.NONE);
  }

  /** A JSON value as the Java value of {@code kind}, or null when it is not one. */
  private static Object typedValue(final JsonNode node, final FieldKind kind) {
    return switch (kind) {
      case INT -> node.isInt() ? Integer.valueOf(node.intValue()) : null;
      case LONG ->
          node.canConvertToLong() && node.isIntegralNumber()
              ? Long.valueOf(node.longValue())
              : null;
      case BOOLEAN -> node.isBoolean() ? Boolean.valueOf(node.booleanValue()) : null;
      case STRING -> node.isTextual() ? node.textValue() : null;
      default -> null;
    };
  }

  private Object parseDefault(
      final MapRow row, final Schema.Field field, final FieldKind kind, final MapRow lookup) {
    final JsonNode node = row.defaultValue();
    final Object value =
        switch (kind) {
          case DATE -> parseDate(node);
          case ENUM -> {
            final Schema enumSchema = FieldKind.nonNull(field.schema());
            yield node.isTextual() && enumSchema.hasEnumSymbol(node.textValue())
                ? SpecificData.get().createEnum(node.textValue(), enumSchema)
                : null;
          }
          case REFERENCE ->
              node.isTextual() && !node.textValue().isBlank()
                  ? new EntityReference(
                      lookup.lookupTable(), lookup.lookupKeyColumn(), node.textValue())
                  : null;
          default -> typedValue(node, kind);
        };
    if (value == null) {
      throw fail(
          row,
          "default "
              + node
              + " is not a valid "
              + kind.label(field.schema())
              + " for "
              + field.name());
    }
    return value;
  }

  private static LocalDate parseDate(final JsonNode node) {
    if (!node.isTextual()) {
      return null;
    }
    try {
      return LocalDate.parse(node.textValue());
    } catch (final DateTimeParseException e) {
      return null;
    }
  }

  private MapFileException fail(final MapRow row, final String problem) {
    return MapFileException.inRow(map.source(), row, problem);
  }

  private static String where(final MapRow row) {
    return row.number() == 0 ? "the company scope" : "row " + row.number();
  }

  private static String incompatible(
      final Schema.Field erp,
      final FieldKind erpKind,
      final Schema.Field crm,
      final FieldKind crmKind) {
    return "incompatible types: F&O "
        + erp.name()
        + " is "
        + erpKind.label(erp.schema())
        + ", Dataverse "
        + crm.name()
        + " is "
        + crmKind.label(crm.schema());
  }
}
