package io.loyaltysync.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/** Parses a directory of .avsc files laid out like src/main/avro, shared types first. */
final class SchemaDirectory {

  /** The same order the avro-maven-plugin's imports use: later folders refer to earlier ones. */
  private static final List<String> IMPORT_ORDER = List.of("common", "erp", "crm");

  private SchemaDirectory() {}

  /** Every top-level schema of the directory (one per file), by full name. */
  static Map<String, Schema> parse(final Path root) {
    final Schema.Parser parser = new Schema.Parser();
    final Map<String, Schema> byName = new LinkedHashMap<>();
    for (final Path file : filesInImportOrder(root)) {
      try {
        final Schema schema = parser.parse(file.toFile());
        byName.put(schema.getFullName(), schema);
      } catch (final IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return byName;
  }

  private static List<Path> filesInImportOrder(final Path root) {
    final List<Path> ordered = new ArrayList<>();
    for (final String folder : IMPORT_ORDER) {
      ordered.addAll(avscFiles(root.resolve(folder)));
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(p -> p.toString().endsWith(".avsc"))
          .filter(p -> !IMPORT_ORDER.contains(root.relativize(p).getName(0).toString()))
          .sorted()
          .forEach(ordered::add);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    return ordered;
  }

  private static List<Path> avscFiles(final Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      // Within a folder, a file may refer to a type defined in another file of the same folder
      // only if it sorts later; keep shared types in their own earlier folder instead.
      return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
