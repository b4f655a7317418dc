package io.loyaltysync.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.config.Option;
import io.loyaltysync.config.SyncConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README tells the truth: its configuration table about every option, its field-map tables
 * about the shipped maps.
 */
class ReadmeTest {

  /** The golden {@code map --describe} outputs, which MapCommandTest pins to the shipped maps. */
  private static final List<String> DESCRIBED =
      List.of("card-1.1.md", "level-1.0.md", "reward-point-1.0.md");

  @Test
  void shouldDocumentEveryOptionWithItsDefault() throws IOException {
    final String readme = Files.readString(Path.of("../README.md"));
    for (final Option<?> option : SyncConfig.documented()) {
      final String shown =
          option.defaultValue() == null
              ? "(none)"
              : option.defaultValue().isEmpty() ? "(empty)" : "`" + option.defaultValue() + "`";
      final String row = "| `" + option.name() + "` | " + shown + " | " + option.doc() + " |";
      assertTrue(readme.contains(row), "README lacks or misstates: " + row);
    }
  }

  @Test
  void shouldShowEveryRowOfTheShippedMapsAsDescribePrintsIt() throws IOException {
    final String readme = Files.readString(Path.of("../README.md"));
    int rows = 0;
    for (final String golden : DESCRIBED) {
      for (final String line : Files.readAllLines(Path.of("src/test/resources/describe", golden))) {
        if (!line.matches("\\| [A-Z]+ \\|.*")) {
          continue; // not a field row
        }
        // The one wording difference, as the golden file says: maps.md (and so the README)
        // names the currency key "ISO code", the engine names its column.
        final String row = line.replace("by isocurrencycode", "by ISO code");
        assertTrue(readme.contains(row + "\n"), golden + ": README lacks or misstates " + row);
        rows++;
      }
    }
    assertEquals(7 + 2 + 10, rows, "every field row of the three maps");
  }
}
