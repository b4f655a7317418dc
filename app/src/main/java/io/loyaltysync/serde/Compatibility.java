package io.loyaltysync.serde;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Whether data written with one schema can be read with another, and why not. */
final class Compatibility {

  /** Pointer steps that end a location inside a named type: its name, symbols or size. */
  private static final Set<String> TERMINAL_STEPS = Set.of("name", "symbols", "size");

  private Compatibility() {}

  /**
   * Why {@code reader} cannot read data written with {@code writer}, or null when it can. The
   * registry's BACKWARD rule and the deserializer's resolution ask the same question.
   */
  static String whyNotReadable(final Schema reader, final Schema writer) {
    final SchemaPairCompatibility check =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (check.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return null;
    }
    return check.getResult().getIncompatibilities().stream()
        .map(i -> describe(reader, i))
        .collect(Collectors.joining("; "));
  }

  private static String describe(final Schema reader, final Incompatibility incompatibility) {
    return incompatibility.getType()
        + " at "
        + fieldPath(reader, incompatibility.getLocation())
        + " ("
        + incompatibility.getMessage()
        + ")";
  }

  /**
   * The field names along Avro's JSON-pointer location ({@code /fields/0/type}), so that a reason
   * names the field, not its position. A union step indexes the writer's union, not the reader's,
   * so it is followed only into a nullable union's one other branch; where the path cannot be
   * followed with certainty the pointer itself is returned.
   */
  static String fieldPath(final Schema reader, final String location) {
    final String[] steps = location.split("/");
    final StringBuilder path = new StringBuilder();
    Schema at = reader;
    try {
      for (int i = 1; i < steps.length; i++) {
        final String step = steps[i];
        if (at.getType() == Schema.Type.UNION && step.matches("\\d+")) {
          final List<Schema> branches =
              at.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
          if (branches.size() != 1) {
            return location;
          }
          at = branches.get(0);
        } else if (step.equals("fields") && at.getType() == Schema.Type.RECORD) {
          final Schema.Field field = at.getFields().get(Integer.parseInt(steps[++i]));
          path.append(path.length() == 0 ? "" : ".").append(field.name());
          at = field.schema();
        } else if (step.equals("items") && at.getType() == Schema.Type.ARRAY) {
          path.append("[]");
          at = at.getElementType();
        } else if (step.equals("values") && at.getType() == Schema.Type.MAP) {
          path.append("{}");
          at = at.getValueType();
        } else if (i == steps.length - 1 && TERMINAL_STEPS.contains(step)) {
          break;
        } else if (!step.equals("type")) {
          return location;
        }
      }
    } catch (final RuntimeException e) {
      // A pointer this walk does not understand: the raw pointer still locates the problem.
      return location;
    }
    return path.length() == 0 ? location : "field " + path;
  }
}
