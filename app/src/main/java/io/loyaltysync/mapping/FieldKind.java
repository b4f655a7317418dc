package io.loyaltysync.mapping;

import io.loyaltysync.avro.common.EntityReference;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** The kinds of value a mapped field can hold, read off its Avro schema. */
enum FieldKind {
  STRING,
  INT,
  LONG,
  BOOLEAN,
  DATE,
  ENUM,
  /** A lookup: {@link EntityReference}. */
  REFERENCE,
  UNSUPPORTED;

  static FieldKind of(final Schema schema) {
    final Schema type = nonNull(schema);
    return switch (type.getType()) {
      case STRING -> STRING;
      case INT -> type.getLogicalType() instanceof LogicalTypes.Date ? DATE : INT;
      case LONG -> type.getLogicalType() == null ? LONG : UNSUPPORTED;
      case BOOLEAN -> BOOLEAN;
      case ENUM -> ENUM;
      case RECORD ->
          type.getFullName().equals(EntityReference.getClassSchema().getFullName())
              ? REFERENCE
              : UNSUPPORTED;
      default -> UNSUPPORTED;
    };
  }

  /** The non-null branch of a {@code ["null", X]} union, or the schema itself. */
  static Schema nonNull(final Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    final List<Schema> branches =
        schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.get(0) : schema;
  }

  /** How the kind reads in messages. */
  String label(final Schema schema) {
    final Schema type = nonNull(schema);
    return switch (this) {
      case ENUM -> "enum " + type.getName();
      case REFERENCE -> "lookup reference";
      case UNSUPPORTED -> type.toString();
      default -> name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
