package io.loyaltysync.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.config.Option;
import io.loyaltysync.config.SyncConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table tells the truth about every option. */
class ReadmeTest {

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
}
