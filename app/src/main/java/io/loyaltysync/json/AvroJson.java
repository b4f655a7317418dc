package io.loyaltysync.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Reads and writes Avro records as plain JSON, the way people write them by hand: a union {@code
 * ["null", X]} is just the value or null, an enum its symbol, a date {@code "2026-01-15"}, a
 * timestamp an ISO-8601 instant (or epoch milliseconds), bytes base64. Missing fields take their
 * schema default; unknown fields are an error, so a typo never passes silently.
 */
public final class AvroJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  /** Reads {@code node} as a value of {@code schema}; specific records where classes exist. */
  public static Object read(final JsonNode node, final Schema schema) throws JsonFormatException {
    return read(node, schema, "");
  }

  /** Writes a value of {@code schema} as JSON. */
  public static JsonNode write(final Object value, final Schema schema) {
    if (value == null) {
      return NODES.nullNode();
    }
    return switch (schema.getType()) {
      case UNION -> write(value, branchOf(value, schema));
      case RECORD -> writeRecord((IndexedRecord) value, null);
      case ENUM, STRING -> NODES.textNode(value.toString());
      case INT ->
          value instanceof LocalDate date
              ? NODES.textNode(date.toString())
              : NODES.numberNode(((Number) value).intValue());
      case LONG ->
          value instanceof Instant instant
              ? NODES.textNode(instant.toString())
              : NODES.numberNode(((Number) value).longValue());
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      case FLOAT, DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
      default -> NODES.textNode(value.toString());
    };
  }

  /** Writes a record, or only the named fields of it when {@code fields} is not null. */
  public static ObjectNode writeRecord(
      final IndexedRecord record, final Collection<String> fields) {
    final ObjectNode object = NODES.objectNode();
    for (final Schema.Field field : record.getSchema().getFields()) {
      if (fields == null || fields.contains(field.name())) {
        object.set(field.name(), write(record.get(field.pos()), field.schema()));
      }
    }
    return object;
  }

  private static Object read(final JsonNode node, final Schema schema, final String path)
      throws JsonFormatException {
    final boolean absent = node == null || node.isNull() || node.isMissingNode();
    if (schema.getType() == Schema.Type.UNION) {
      if (absent) {
        if (schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)) {
          return null;
        }
        throw new JsonFormatException(at(path) + "a value is required");
      }
      final List<Schema> branches =
          schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
      if (branches.size() != 1) {
        throw new JsonFormatException(at(path) + "unions of several types are not supported");
      }
      return read(node, branches.get(0), path);
    }
    if (absent) {
      throw new JsonFormatException(at(path) + "a value is required");
    }
    return switch (schema.getType()) {
      case RECORD -> readRecord(node, schema, path);
      case ENUM -> {
        if (!node.isTextual() || !schema.hasEnumSymbol(node.textValue())) {
          throw new JsonFormatException(
              at(path) + node + " is not one of " + schema.getEnumSymbols());
        }
        yield SpecificData.get().createEnum(node.textValue(), schema);
      }
      case STRING -> {
        if (!node.isTextual()) {
          throw new JsonFormatException(at(path) + node + " is not a string");
        }
        yield node.textValue();
      }
      case INT -> {
        if (schema.getLogicalType() instanceof LogicalTypes.Date) {
          yield readDate(node, path);
        }
        if (!node.isInt()) {
          throw new JsonFormatException(at(path) + node + " is not a 32-bit integer");
        }
        yield node.intValue();
      }
      case LONG -> {
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
          yield readInstant(node, path);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
          throw new JsonFormatException(at(path) + node + " is not a 64-bit integer");
        }
        yield node.longValue();
      }
      case BOOLEAN -> {
        if (!node.isBoolean()) {
          throw new JsonFormatException(at(path) + node + " is not true or false");
        }
        yield node.booleanValue();
      }
      case FLOAT, DOUBLE -> {
        if (!node.isNumber()) {
          throw new JsonFormatException(at(path) + node + " is not a number");
        }
        yield schema.getType() == Schema.Type.FLOAT ? node.floatValue() : node.doubleValue();
      }
      case BYTES -> {
        try {
          yield ByteBuffer.wrap(Base64.getDecoder().decode(node.asText()));
        } catch (final IllegalArgumentException e) {
          throw new JsonFormatException(at(path) + "is not base64");
        }
      }
      default ->
          throw new JsonFormatException(
              at(path) + "type " + schema.getType() + " is not supported");
    };
  }

  private static IndexedRecord readRecord(
      final JsonNode node, final Schema schema, final String path) throws JsonFormatException {
    if (!node.isObject()) {
      throw new JsonFormatException(at(path) + "expected an object for " + schema.getName());
    }
    final Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      final String name = names.next();
      if (schema.getField(name) == null) {
        throw new JsonFormatException(
            at(path)
                + "unknown field '"
                + name
                + "' ("
                + schema.getName()
                + " has "
                + schema.getFields().stream().map(Schema.Field::name).toList()
                + ")");
      }
    }
    final IndexedRecord record = (IndexedRecord) SpecificData.get().newRecord(null, schema);
    for (final Schema.Field field : schema.getFields()) {
      final String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
      final JsonNode value = node.get(field.name());
      if (value == null && field.hasDefaultValue()) {
        final Object fallback = field.defaultVal();
        record.put(
            field.pos(),
            fallback == JsonProperties.NULL_VALUE
                ? null
                : read(MAPPER.valueToTree(fallback), field.schema(), fieldPath));
      } else {
        record.put(field.pos(), read(value, field.schema(), fieldPath));
      }
    }
    return record;
  }

  private static LocalDate readDate(final JsonNode node, final String path)
      throws JsonFormatException {
    if (node.isInt()) {
      return LocalDate.ofEpochDay(node.intValue());
    }
    try {
      return LocalDate.parse(node.asText());
    } catch (final DateTimeParseException e) {
      throw new JsonFormatException(at(path) + node + " is not a date like \"2026-01-15\"");
    }
  }

  private static Instant readInstant(final JsonNode node, final String path)
      throws JsonFormatException {
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    try {
      return Instant.parse(node.asText());
    } catch (final DateTimeParseException e) {
      throw new JsonFormatException(
          at(path) + node + " is not an instant like \"2026-11-23T10:15:30Z\" or epoch millis");
    }
  }

  private static Schema branchOf(final Object value, final Schema union) {
    final List<Schema> branches =
        union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1
        ? branches.get(0)
        : union.getTypes().get(SpecificData.get().resolveUnion(union, value));
  }

  private static byte[] bytes(final ByteBuffer buffer) {
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static String at(final String path) {
    return path.isEmpty() ? "" : path + ": ";
  }
}
