package io.loyaltysync.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompatibilityTest {

  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path RELEASED = Path.of("released");

  @Test
  void shouldKeepEveryCurrentSchemaBackwardCompatibleWithItsReleasedCopy() {
    final List<String> problems =
        BackwardCompatibility.problems(
            SchemaDirectory.parse(RELEASED), SchemaDirectory.parse(CURRENT));
    assertEquals(List.of(), problems, "bump the released copies only when a release ships");
  }

  @Test
  void shouldKeepAReleasedCopyOfEverySchema() {
    assertEquals(
        SchemaDirectory.parse(CURRENT).keySet(),
        SchemaDirectory.parse(RELEASED).keySet(),
        "a new schema needs its released copy in schemas/released when it ships");
  }

  @Test
  void shouldRejectAFieldAddedWithoutADefault(@TempDir final Path dir) throws IOException {
    copy(CURRENT, dir);
    final Path card = dir.resolve("erp/RetailLoyaltyCardEntity.avsc");
    Files.writeString(
        card,
        Files.readString(card)
            .replace(
                "\"fields\": [",
                "\"fields\": [\n    {\"name\": \"NEWFIELD\", \"type\": \"string\"},"));

    final List<String> problems =
        BackwardCompatibility.problems(SchemaDirectory.parse(RELEASED), SchemaDirectory.parse(dir));

    assertFalse(problems.isEmpty());
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.startsWith("io.loyaltysync.avro.erp.RetailLoyaltyCardEntity")),
        problems.toString());
  }

  @Test
  void shouldRejectARemovedEnumSymbolAndARemovedSchema(@TempDir final Path dir) throws IOException {
    copy(CURRENT, dir);
    final Path card = dir.resolve("erp/RetailLoyaltyCardEntity.avsc");
    Files.writeString(card, Files.readString(card).replace(", \"blocked\"]", "]"));
    Files.delete(dir.resolve("error/AuditEvent.avsc"));

    final Map<String, Schema> current = SchemaDirectory.parse(dir);
    final List<String> problems =
        BackwardCompatibility.problems(SchemaDirectory.parse(RELEASED), current);

    assertTrue(
        problems.stream().anyMatch(p -> p.contains("RetailLoyaltyCardEntity")),
        problems.toString());
    assertTrue(
        problems.contains("io.loyaltysync.avro.error.AuditEvent: released schema was removed"));
  }

  @Test
  void shouldAcceptAnOptionalFieldWithADefault(@TempDir final Path dir) throws IOException {
    copy(CURRENT, dir);
    final Path card = dir.resolve("crm/MsdynLoyaltyCard.avsc");
    Files.writeString(
        card,
        Files.readString(card)
            .replace(
                "\"fields\": [",
                "\"fields\": [\n    {\"name\": \"msdyn_new\", \"type\": [\"null\", \"string\"], \"default\": null},"));

    assertEquals(
        List.of(),
        BackwardCompatibility.problems(
            SchemaDirectory.parse(RELEASED), SchemaDirectory.parse(dir)));
  }

  private static void copy(final Path from, final Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (final Path path : paths.toList()) {
        final Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
