package io.loyaltysync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The machine resources a broker claims, checked before Kafka claims them: Kafka reports a taken
 * port or a locked directory with a stack trace from deep inside its start-up, after it has started
 * threads that must then be stopped again.
 */
final class LocalResources {

  /** The lock file Kafka holds in each of its log directories while it runs. */
  static final String LOCK_FILE = ".lock";

  private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();

  private LocalResources() {}

  /** A port that is free on the loopback interface now (another process may take it later). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new EmbeddedKafkaException(
          "cannot find a free port on " + BrokerProperties.LOOPBACK, e);
    }
  }

  /**
   * Throws the one-line reason when {@code port} cannot be bound on the loopback interface now:
   * taken, or not ours to bind (a privileged port).
   */
  static void requireBindable(final int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(loopback(), port), 1);
    } catch (final BindException e) {
      throw String.valueOf(e.getMessage()).contains("in use")
          ? StartFailures.portTaken(port)
          : StartFailures.portNotBindable(port, e);
    } catch (final IOException e) {
      throw StartFailures.portNotBindable(port, e);
    }
  }

  /**
   * Claims {@code directory} for a broker of this JVM; false when one already has it. Checked
   * before the lock file: on Linux, closing any channel of a file drops every lock this process
   * holds on it, so probing the lock of a directory our own broker uses would release its lock.
   */
  static boolean claim(final Path directory) {
    return CLAIMED.add(directory.toAbsolutePath().normalize());
  }

  static void release(final Path directory) {
    CLAIMED.remove(directory.toAbsolutePath().normalize());
  }

  /** Whether a broker in another process holds the lock of {@code directory}. */
  static boolean isLockedByAnotherProcess(final Path directory) {
    final Path lockFile = directory.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      final FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (final OverlappingFileLockException e) {
      // Only a lock of this JVM overlaps, and claim() keeps our brokers from getting here.
      return true;
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code directory} and everything in it, deepest first. */
  static void deleteTree(final Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static InetAddress loopback() throws IOException {
    return InetAddress.getByName(BrokerProperties.LOOPBACK);
  }
}
