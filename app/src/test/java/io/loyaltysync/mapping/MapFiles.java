package io.loyaltysync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.error.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.function.Executable;

/** Test helpers: map files from the test resources, and assertions on refusals. */
final class MapFiles {

  /** The shipped maps, compiled once for every test. */
  static final MapRegistry BUNDLED = MapRegistry.bundled();

  private MapFiles() {}

  /** Reads and compiles a map file of the test resources, named as in messages. */
  static CompiledMap compile(final String resource) {
    return MapCompiler.compile(MapFileReader.read(resource, text(resource)));
  }

  static String text(final String resource) {
    try (InputStream in = MapFiles.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "test resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  /**
   * Asserts that {@code mapping} rejects its record as {@code category}, with a reason that holds
   * every one of {@code fragments}; returns the rejection for further checks.
   */
  static RecordRejectedException assertRejected(
      final ErrorCategory category, final Executable mapping, final String... fragments) {
    final RecordRejectedException rejected = assertThrows(RecordRejectedException.class, mapping);
    assertEquals(category, rejected.category(), rejected::reason);
    assertContainsAll(rejected.reason(), fragments);
    return rejected;
  }

  static void assertContainsAll(final String text, final String... fragments) {
    for (final String fragment : fragments) {
      assertTrue(text.contains(fragment), () -> "expected '" + fragment + "' in: " + text);
    }
  }
}
