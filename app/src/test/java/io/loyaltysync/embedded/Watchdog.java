package io.loyaltysync.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Child processes of the integration tests (a schema registry, instances of the job) that cannot
 * outlive the test JVM: each runs under a small shell that kills it when its standard input, a pipe
 * from this JVM, closes. {@link #stop} closes the pipe; a JVM that dies any other way, even by
 * SIGKILL, closes it too.
 */
public final class Watchdog {

  /**
   * Runs the command in {@code "$@"} in the background and kills it when stdin reaches EOF; exits
   * with its status. Job control is off in {@code sh -c}, so the watcher reads a saved copy of
   * stdin (fd 3) rather than the /dev/null a background job is given.
   */
  private static final String SCRIPT =
      "exec 3<&0\n"
          + "\"$@\" </dev/null 3<&- &\n"
          + "child=$!\n"
          + "( read -r _ <&3; kill \"$child\" 2>/dev/null ) &\n"
          + "watcher=$!\n"
          + "wait \"$child\"\n"
          + "status=$?\n"
          + "kill \"$watcher\" 2>/dev/null\n"
          + "exit \"$status\"\n";

  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  private Watchdog() {}

  /**
   * Starts {@code command} under the watchdog in {@code directory}, its stdout and stderr to {@code
   * log}. The returned process is the shell; it exits with the command's status.
   */
  public static Process start(final List<String> command, final Path directory, final Path log)
      throws IOException {
    final List<String> watched = new ArrayList<>(List.of("sh", "-c", SCRIPT, "watchdog"));
    watched.addAll(command);
    return new ProcessBuilder(watched)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * The watched command's own process, to signal it directly (the shell would not pass a signal
   * on); empty once it has exited. Waits the moment the shell may take to fork it.
   */
  public static Optional<ProcessHandle> command(final Process watchdog, final String executable) {
    final Instant deadline = Instant.now().plusSeconds(10);
    while (watchdog.isAlive()) {
      final Optional<ProcessHandle> child =
          watchdog
              .children()
              .filter(
                  handle -> handle.info().command().map(c -> c.endsWith(executable)).orElse(false))
              .findFirst();
      if (child.isPresent() || Instant.now().isAfter(deadline)) {
        return child;
      }
      sleep(POLL_INTERVAL);
    }
    return Optional.empty();
  }

  /**
   * Stops the command: EOF on the watchdog's stdin makes it send SIGTERM. Waits up to {@code
   * deadline} for it to exit, then kills whatever is left.
   *
   * @return whether it exited within the deadline
   */
  public static boolean stop(final Process watchdog, final Duration deadline) {
    // Taken first: once the shell is gone, an orphan would no longer be its descendant.
    final List<ProcessHandle> tree = watchdog.descendants().toList();
    try {
      watchdog.getOutputStream().close();
    } catch (final IOException e) {
      // The shell has exited already.
    }
    try {
      return watchdog.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      tree.forEach(ProcessHandle::destroyForcibly);
      watchdog.destroyForcibly();
    }
  }

  private static void sleep(final Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a child process", e);
    }
  }
}
