package io.loyaltysync.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The maps available to the job: the versions bundled in the jar (listed in {@code
 * maps/index.txt}), each compiled at start-up, so a broken map stops the job before any record is
 * read. The newest version of a template is its current map.
 */
public final class MapRegistry {

  private static final String ROOT = "maps/";

  private final Map<Template, TreeMap<String, CompiledMap>> versions;

  private MapRegistry(final Map<Template, TreeMap<String, CompiledMap>> versions) {
    this.versions = versions;
  }

  /** Loads and compiles every bundled map. */
  public static MapRegistry bundled() {
    final Map<Template, TreeMap<String, CompiledMap>> versions = new EnumMap<>(Template.class);
    for (final Template template : Template.values()) {
      versions.put(template, new TreeMap<>(MapRegistry::compareVersions));
    }
    for (final String entry : resource(ROOT + "index.txt").split("\n")) {
      final String name = entry.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      final CompiledMap map =
          MapCompiler.compile(MapFileReader.read(ROOT + name, resource(ROOT + name)));
      final CompiledMap clash = versions.get(map.template()).putIfAbsent(map.version(), map);
      if (clash != null) {
        throw new MapFileException(
            "map file "
                + ROOT
                + name
                + ": version "
                + map.version()
                + " of "
                + map.template().id()
                + " is also defined by "
                + clash.definition().source());
      }
    }
    for (final Template template : Template.values()) {
      if (versions.get(template).isEmpty()) {
        throw new MapFileException("no bundled map for template " + template.id());
      }
    }
    return new MapRegistry(versions);
  }

  /** Loads and compiles a map file from disk, e.g. one being edited before it is deployed. */
  public static CompiledMap load(final Path file) {
    final String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new MapFileException("map file " + file + ": cannot be read: " + e.getMessage(), e);
    }
    return MapCompiler.compile(MapFileReader.read(file.toString(), json));
  }

  /** The newest bundled version of {@code template}. */
  public CompiledMap current(final Template template) {
    return versions.get(template).lastEntry().getValue();
  }

  /** A given bundled version, or a message listing the versions there are. */
  public CompiledMap version(final Template template, final String version) {
    final CompiledMap map = versions.get(template).get(version);
    if (map == null) {
      throw new MapFileException(
          "no map version "
              + version
              + " for template "
              + template.id()
              + "; bundled versions: "
              + versions(template));
    }
    return map;
  }

  /** The bundled versions of {@code template}, oldest first. */
  public List<String> versions(final Template template) {
    return new ArrayList<>(versions.get(template).keySet());
  }

  /** Orders 1.9 before 1.10. */
  static int compareVersions(final String a, final String b) {
    final String[] left = a.split("\\.");
    final String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      final int l = i < left.length ? Integer.parseInt(left[i]) : 0;
      final int r = i < right.length ? Integer.parseInt(right[i]) : 0;
      if (l != r) {
        return Integer.compare(l, r);
      }
    }
    return Comparator.<String>naturalOrder().compare(a, b);
  }

  private static String resource(final String name) {
    try (InputStream in = MapRegistry.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new MapFileException("bundled map resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }
}
