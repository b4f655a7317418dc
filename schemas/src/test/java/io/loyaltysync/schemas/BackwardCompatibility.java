package io.loyaltysync.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The schema registry's BACKWARD rule applied to the repository: a consumer on the current schema
 * must read every record written with the last released schema.
 */
final class BackwardCompatibility {

  private BackwardCompatibility() {}

  /** One line per released schema the current schemas break; empty when all are compatible. */
  static List<String> problems(
      final Map<String, Schema> released, final Map<String, Schema> current) {
    final List<String> problems = new ArrayList<>();
    for (final Map.Entry<String, Schema> entry : released.entrySet()) {
      final Schema now = current.get(entry.getKey());
      if (now == null) {
        problems.add(entry.getKey() + ": released schema was removed");
        continue;
      }
      final SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(now, entry.getValue());
      if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
        problems.add(
            entry.getKey()
                + ": not BACKWARD compatible with the released copy: "
                + result.getResult().getIncompatibilities());
      }
    }
    return problems;
  }
}
