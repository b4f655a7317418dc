package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Where random rows come from: a few keys, and small pools of valid F&amp;O values per field (read
 * off the F&amp;O schema's limits), so that two users often pick the same value and often collide.
 * Every row it makes passes the map's validation; Dataverse rows are F&amp;O rows mapped over.
 */
final class RowSpace {

  /** The currencies rows use; all of them are in Dataverse's reference data. */
  static final List<String> CURRENCIES = List.of("USD", "EUR", "DKK");

  private static final List<String> COMPANIES = List.of("usmf", "demf");
  private static final List<Object> DATES =
      List.of(
          LocalDate.of(1900, 1, 1),
          LocalDate.of(2023, 3, 14),
          LocalDate.of(2024, 2, 29),
          LocalDate.of(2025, 12, 31));
  private static final int ATTEMPTS = 100;

  private final Rows rows;
  private final Schema erpSchema;
  private final List<List<Object>> pools = new ArrayList<>();

  RowSpace(final Rows rows) {
    this.rows = rows;
    this.erpSchema = rows.schema(Side.ERP);
    for (final FieldBinding binding : rows.bindings()) {
      pools.add(pool(erpSchema.getFields().get(binding.position(Side.ERP))));
    }
  }

  /** {@code count} keys, each key part joined by '/': C1, C2 ... or usmf/L1, demf/L2 ... */
  List<String> keys(final int count) {
    final List<String> keys = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      final List<String> parts = new ArrayList<>();
      for (final String field : rows.map().definition().key()) {
        parts.add(keyPart(erpSchema.getField(field), i));
      }
      keys.add(String.join("/", parts));
    }
    return keys;
  }

  private String keyPart(final Schema.Field field, final int index) {
    if (field.getObjectProp("maxLength") instanceof Number max && max.intValue() <= 4) {
      return COMPANIES.get(index % COMPANIES.size());
    }
    return rows.template().id().substring(0, 1).toUpperCase(Locale.ROOT) + index;
  }

  /** The key record the change events carry, e.g. for a DELETE. */
  IndexedRecord keyRecord(final String key) {
    final IndexedRecord record = rows.template().key().newRecord();
    final String[] parts = key.split("/");
    for (int i = 0; i < parts.length; i++) {
      record.put(i, parts[i]);
    }
    return record;
  }

  /** A valid random F&amp;O row of {@code key}. */
  IndexedRecord newErpRow(final Random random, final String key) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      final IndexedRecord row = defaults(Side.ERP);
      final String[] parts = key.split("/");
      final List<String> keyFields = rows.map().definition().key();
      for (int i = 0; i < parts.length; i++) {
        row.put(erpSchema.getField(keyFields.get(i)).pos(), parts[i]);
      }
      for (int b = 0; b < rows.bindings().size(); b++) {
        final FieldBinding binding = rows.bindings().get(b);
        if (!binding.key()) {
          row.put(binding.position(Side.ERP), randomErpValue(random, b));
        }
      }
      if (rows.valid(Side.ERP, row)) {
        return row;
      }
    }
    throw new IllegalStateException("no valid " + rows.template().id() + " row in " + ATTEMPTS);
  }

  /** A random valid F&amp;O value of binding number {@code binding} (alone; rows may add rules). */
  Object randomErpValue(final Random random, final int binding) {
    final List<Object> pool = pools.get(binding);
    return pool.get(random.nextInt(pool.size()));
  }

  /** A record of {@code side} holding each field's schema default, null where there is none. */
  IndexedRecord defaults(final Side side) {
    final IndexedRecord row = rows.template().entity(side).newRecord();
    for (final Schema.Field field : rows.schema(side).getFields()) {
      if (field.hasDefaultValue() && field.defaultVal() != JsonProperties.NULL_VALUE) {
        row.put(field.pos(), SpecificData.getForSchema(row.getSchema()).getDefaultValue(field));
      }
    }
    return row;
  }

  private static List<Object> pool(final Schema.Field field) {
    final Schema schema = field.schema();
    final List<Object> pool = new ArrayList<>();
    switch (schema.getType()) {
      case STRING -> {
        final boolean required = Boolean.TRUE.equals(field.getObjectProp("notBlank"));
        if (field.getProp("pattern") != null) {
          pool.addAll(CURRENCIES);
        } else {
          for (int i = 1; i <= 3; i++) {
            pool.add(field.name().charAt(0) + String.valueOf(i));
          }
        }
        if (!required) {
          pool.add("");
        }
      }
      case ENUM ->
          schema.getEnumSymbols().forEach(s -> pool.add(SpecificData.get().createEnum(s, schema)));
      case INT -> {
        if (schema.getLogicalType() instanceof LogicalTypes.Date) {
          pool.addAll(DATES);
        } else {
          pool.addAll(List.of(0, 1, 2, 7));
        }
      }
      case LONG -> pool.addAll(List.of(0L, 100L, 2500L));
      case BOOLEAN -> pool.addAll(List.of(false, true));
      default -> throw new IllegalStateException("no value pool for " + field);
    }
    return pool;
  }
}
