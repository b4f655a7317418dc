package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.EntityReference;
import java.util.Locale;
import java.util.Map;

/**
 * The per-row value conversions, built once per map row. F&amp;O has no nulls: its empty string is
 * "" and its empty date is 1900-01-01, both "no value" in Dataverse; a Dataverse number with no
 * value becomes F&amp;O's 0. A value map or lookup mismatch rejects the record, never defaults.
 */
final class Converters {

  private Converters() {}

  /** How a key part is normalised: trimmed, and the company lower case (F&amp;O ignores case). */
  enum KeyNormalisation {
    NONE,
    TRIM,
    TRIM_LOWER_CASE;

    String apply(final String value) {
      return switch (this) {
        case NONE -> value;
        case TRIM -> value.trim();
        case TRIM_LOWER_CASE -> value.trim().toLowerCase(Locale.ROOT);
      };
    }
  }

  /** Whether an F&amp;O value is F&amp;O's "no value". */
  static boolean erpEmpty(final Object value) {
    return value == null
        || (value instanceof CharSequence text && text.length() == 0)
        || ErpValidator.EMPTY_DATE.equals(value);
  }

  /** The F&amp;O value a Dataverse "no value" becomes, for a non-enum kind. */
  static Object erpEmptyValue(final FieldKind kind) {
    return switch (kind) {
      case STRING, REFERENCE -> "";
      case INT -> 0;
      case LONG -> 0L;
      case BOOLEAN -> Boolean.FALSE;
      case DATE -> ErpValidator.EMPTY_DATE;
      default -> null;
    };
  }

  // ---- F&O -> Dataverse -------------------------------------------------------------------

  static FieldConverter toCrmCopy(final FieldKind erpKind, final KeyNormalisation key) {
    return switch (erpKind) {
      case STRING ->
          value -> {
            final String text = key.apply((String) value);
            return text.isEmpty() ? null : text;
          };
      case DATE -> value -> ErpValidator.EMPTY_DATE.equals(value) ? null : value;
      default -> value -> value;
    };
  }

  static FieldConverter toCrmLookup(
      final String table, final String keyColumn, final KeyNormalisation key) {
    return value -> {
      final String text = key.apply((String) value);
      return text.isEmpty() ? null : new EntityReference(table, keyColumn, text);
    };
  }

  /** Enum to option value or boolean through a table indexed by the symbol's ordinal. */
  static FieldConverter toCrmValueMap(final Object[] byOrdinal) {
    return value -> byOrdinal[((Enum<?>) value).ordinal()];
  }

  /** {@code >>}: the default replaces F&amp;O's "no value". */
  static FieldConverter withErpDefault(final FieldConverter inner, final Object defaultValue) {
    return value -> erpEmpty(value) ? copyDefault(defaultValue) : inner.convert(value);
  }

  // ---- Dataverse -> F&O -------------------------------------------------------------------

  static FieldConverter toErpCopy(final FieldKind kind, final KeyNormalisation key) {
    final Object empty = erpEmptyValue(kind);
    if (kind == FieldKind.STRING) {
      return value -> value == null ? empty : key.apply((String) value);
    }
    return value -> value == null ? empty : value;
  }

  static FieldConverter toErpLookup(
      final String crmColumn,
      final String table,
      final String keyColumn,
      final KeyNormalisation key) {
    return value -> {
      if (value == null) {
        return "";
      }
      final EntityReference reference = (EntityReference) value;
      if (!table.equalsIgnoreCase(reference.getTable())
          || !keyColumn.equalsIgnoreCase(reference.getKeyColumn())) {
        throw RecordRejectedException.mapping(
            crmColumn
                + ": refers to "
                + reference.getTable()
                + "."
                + reference.getKeyColumn()
                + ", expected "
                + table
                + "."
                + keyColumn);
      }
      return key.apply(reference.getKeyValue());
    };
  }

  /** Option value or boolean to enum; a value outside the map rejects the record. */
  static FieldConverter toErpValueMap(
      final String crmColumn, final String erpField, final Map<Object, Object> reverse) {
    final String allowed = reverse.keySet().toString();
    return value -> {
      if (value == null) {
        throw RecordRejectedException.mapping(
            crmColumn + " -> " + erpField + ": no value, and F&O needs one of " + allowed);
      }
      final Object symbol = reverse.get(value);
      if (symbol == null) {
        throw RecordRejectedException.mapping(
            crmColumn
                + " -> "
                + erpField
                + ": value "
                + value
                + " is outside the value map "
                + allowed);
      }
      return symbol;
    };
  }

  /** {@code <<}: the default replaces Dataverse's "no value". */
  static FieldConverter withCrmDefault(final FieldConverter inner, final Object defaultValue) {
    return value -> value == null ? copyDefault(defaultValue) : inner.convert(value);
  }

  /** A lookup default is a fresh record each time: Avro records are mutable. */
  private static Object copyDefault(final Object defaultValue) {
    return defaultValue instanceof EntityReference reference
        ? EntityReference.newBuilder(reference).build()
        : defaultValue;
  }
}
