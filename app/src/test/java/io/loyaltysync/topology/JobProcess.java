package io.loyaltysync.topology;

import io.loyaltysync.embedded.Watchdog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the job as its own OS process: {@code java -jar loyalty-sync.jar run}, as an
 * operator starts it, with its stdout and stderr in a log file of its own. It runs under a {@link
 * Watchdog}, so it dies with the test JVM; {@link #kill} and {@link #terminate} signal the JVM
 * itself, not the watchdog's shell.
 */
final class JobProcess implements AutoCloseable {

  /** Where failsafe says the shaded jar is; the default serves a run from the module folder. */
  static final String JAR_PROPERTY = "loyalty-sync.jar";

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);

  private final String name;
  private final Path log;
  private final Process watchdog;

  private JobProcess(final String name, final Path log, final Process watchdog) {
    this.name = name;
    this.log = log;
    this.watchdog = watchdog;
  }

  /**
   * Starts {@code run} with {@code options} (each becomes {@code --set option}) and a small heap,
   * logging to {@code log}.
   */
  static JobProcess start(final String name, final List<String> options, final Path log) {
    final Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/loyalty-sync.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no application jar at " + jar.toAbsolutePath() + ": run the ITs with `mvn verify`");
    }
    final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    final List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Xmx256m",
                // Two JVMs, a broker and a registry share two cores: one GC thread each.
                "-XX:+UseSerialGC",
                "-jar",
                jar.toAbsolutePath().toString(),
                "run"));
    for (final String option : options) {
      command.add("--set");
      command.add(option);
    }
    try {
      Files.createDirectories(log.getParent());
      return new JobProcess(name, log, Watchdog.start(command, log.getParent(), log));
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return watchdog.isAlive();
  }

  /** Waits until the log shows Kafka Streams RUNNING; fails if the process exits first. */
  void awaitRunning(final Duration deadline) {
    final Instant until = Instant.now().plus(deadline);
    while (!logText().contains("-> RUNNING")) {
      if (!watchdog.isAlive()) {
        throw new AssertionError(
            name + " exited with " + watchdog.exitValue() + " before RUNNING; log: " + log);
      }
      if (Instant.now().isAfter(until)) {
        throw new AssertionError(name + " not RUNNING within " + deadline + "; log: " + log);
      }
      pause();
    }
  }

  /** SIGKILL: no shutdown hook, no commit, no flush, as when a machine loses power. */
  void kill() {
    Watchdog.command(watchdog, "java").ifPresent(ProcessHandle::destroyForcibly);
    awaitExit(STOP_DEADLINE);
  }

  /** SIGTERM, as an orchestrator stops a job; the exit code, empty if still running. */
  OptionalInt terminate(final Duration deadline) {
    Watchdog.command(watchdog, "java").ifPresent(ProcessHandle::destroy);
    return awaitExit(deadline) ? OptionalInt.of(watchdog.exitValue()) : OptionalInt.empty();
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public void close() {
    Watchdog.stop(watchdog, STOP_DEADLINE);
  }

  private boolean awaitExit(final Duration deadline) {
    try {
      return watchdog.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while " + name + " stopped", e);
    }
  }

  private String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (final IOException e) {
      return "";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
