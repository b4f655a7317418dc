package io.loyaltysync.serde;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a JDK of Java 21 or newer for a process the tests start (Apicurio Registry 3 needs one; the
 * build itself runs on 17). In order: {@code APICURIO_JAVA_HOME}, the running JVM, {@code
 * JAVA_HOME}, then the newest JDK in the usual install folders.
 */
final class JavaHomes {

  static final String ENV = "APICURIO_JAVA_HOME";
  private static final int MINIMUM = 21;
  private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(1\\.)?(\\d+)");
  private static final List<Path> INSTALL_FOLDERS =
      List.of(
          Path.of("/usr/lib/jvm"),
          Path.of("/usr/java"),
          Path.of("/opt/java"),
          Path.of("/Library/Java/JavaVirtualMachines"));

  private JavaHomes() {}

  /**
   * A Java home of version 21 or newer.
   *
   * @throws IllegalStateException naming every place looked at, when there is none
   */
  static Path java21OrNewer() {
    final String explicit = System.getenv(ENV);
    if (explicit != null && !explicit.isBlank()) {
      final Path home = Path.of(explicit);
      final int version = version(home).orElse(0);
      if (version < MINIMUM) {
        throw new IllegalStateException(
            ENV + "=" + explicit + " is not a Java home of version " + MINIMUM + " or newer");
      }
      return home;
    }
    final Map<Path, Integer> seen = new LinkedHashMap<>();
    for (final Path home : preferred()) {
      final Optional<Integer> version = version(home);
      version.ifPresent(v -> seen.put(home, v));
      if (version.orElse(0) >= MINIMUM) {
        return home;
      }
    }
    final List<Path> installed = installed();
    installed.forEach(home -> version(home).ifPresent(v -> seen.put(home, v)));
    return installed.stream()
        .filter(home -> seen.getOrDefault(home, 0) >= MINIMUM)
        .max(Comparator.comparing(seen::get))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Apicurio Registry needs Java "
                        + MINIMUM
                        + " or newer and none was found; looked at "
                        + (seen.isEmpty() ? "nothing" : seen)
                        + " and in "
                        + INSTALL_FOLDERS
                        + ". Set "
                        + ENV
                        + " to a JDK "
                        + MINIMUM
                        + "+ home."));
  }

  private static List<Path> preferred() {
    final List<Path> homes = new ArrayList<>();
    homes.add(Path.of(System.getProperty("java.home")));
    final String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && !javaHome.isBlank()) {
      homes.add(Path.of(javaHome));
    }
    return homes;
  }

  private static List<Path> installed() {
    final List<Path> homes = new ArrayList<>();
    for (final Path folder : INSTALL_FOLDERS) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
        for (final Path entry : entries) {
          // macOS bundles keep the home under Contents/Home.
          final Path bundled = entry.resolve("Contents").resolve("Home");
          homes.add(Files.isDirectory(bundled) ? bundled : entry);
        }
      } catch (final IOException e) {
        // An unreadable folder holds no usable JDK.
      }
    }
    return homes;
  }

  /** The feature version in the home's {@code release} file, if it is a home with a java. */
  private static Optional<Integer> version(final Path home) {
    if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
      return Optional.empty();
    }
    try {
      final Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
      return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(2))) : Optional.empty();
    } catch (final IOException e) {
      return Optional.empty();
    }
  }
}
