package io.loyaltysync.serde;

import io.loyaltysync.embedded.Watchdog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry for the integration tests, run as a separate process on 127.0.0.1 with
 * in-memory storage, from the distribution Maven unpacks in {@code pre-integration-test}.
 *
 * <p>It cannot outlive the test JVM: it runs under a {@link Watchdog}. Public for the integration
 * tests of other packages that need a registry shared by several processes.
 */
public final class ApicurioRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);

  /** Where Maven unpacks the distribution; failsafe passes it as a system property. */
  private static final String HOME_PROPERTY = "apicurio.home";

  private static final Duration START_DEADLINE = Duration.ofMinutes(4);
  private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private ApicurioRegistry(final Process process, final int port, final Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the registry and returns once its readiness check passes. */
  public static ApicurioRegistry start() throws IOException {
    final Path home = Path.of(System.getProperty(HOME_PROPERTY, "target/apicurio-registry"));
    final Path jar = home.resolve("quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Apicurio Registry is not unpacked at "
              + home.toAbsolutePath()
              + ": run the integration tests with `mvn verify`, which unpacks it in"
              + " pre-integration-test");
    }
    final Path java = JavaHomes.java21OrNewer().resolve("bin").resolve("java");
    final int port = freePort(-1);
    final int managementPort = freePort(port);
    final Path log = home.resolveSibling("apicurio-registry.log");
    final List<String> command =
        List.of(
            java.toString(),
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.management.host=127.0.0.1",
            "-Dquarkus.management.port=" + managementPort,
            "-Dquarkus.otel.sdk.disabled=true",
            "-Dapicurio.storage.kind=sql",
            "-Dapicurio.storage.sql.kind=h2",
            "-Dapicurio.datasource.url=jdbc:h2:mem:loyalty-sync-it",
            "-Dapicurio.datasource.jdbc.initial-size=2",
            "-Dapicurio.datasource.jdbc.min-size=2",
            "-jar",
            jar.toString());
    LOG.info("Starting Apicurio Registry from {} with {} (log: {})", home, java, log);
    final Instant started = Instant.now();
    final Process process = Watchdog.start(command, home, log);
    final ApicurioRegistry registry = new ApicurioRegistry(process, port, log);
    try {
      registry.awaitReady(managementPort, started.plus(START_DEADLINE));
    } catch (final RuntimeException | Error e) {
      registry.close();
      throw e;
    }
    LOG.info(
        "Apicurio Registry ready at {} after {} ms",
        registry.ccompatUrl(),
        Duration.between(started, Instant.now()).toMillis());
    return registry;
  }

  /** The base URL of the Confluent-compatible API. */
  public String ccompatUrl() {
    return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
  }

  /**
   * Makes {@code subject} refuse a version that cannot read data of the latest one, through the
   * ccompat config API. Apicurio checks no compatibility until a rule is set.
   */
  void requireBackwardCompatibility(final String subject) {
    final HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(ccompatUrl() + "/config/" + RegistryHttp.segment(subject)))
            .header("Content-Type", RegistryHttp.CONTENT_TYPE)
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
            .build();
    final HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "cannot set BACKWARD on "
              + subject
              + ": HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
  }

  /** Stops the registry and waits for it to exit; kills it if it does not within the deadline. */
  @Override
  public void close() {
    // EOF on the watchdog's stdin: it sends SIGTERM, and Quarkus shuts down cleanly.
    if (!Watchdog.stop(process, STOP_DEADLINE)) {
      LOG.warn("Apicurio Registry did not stop within {}: killed it", STOP_DEADLINE);
    }
  }

  private void awaitReady(final int managementPort, final Instant deadline) {
    final URI health = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Apicurio Registry exited with "
                + process.exitValue()
                + " while starting:\n"
                + logTail());
      }
      if (ready(health)) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Apicurio Registry was not ready within " + START_DEADLINE + ":\n" + logTail());
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Apicurio Registry", e);
      }
    }
  }

  private boolean ready(final URI health) {
    try {
      final HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (final IOException e) {
      return false; // not listening yet
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Apicurio Registry", e);
    }
  }

  private HttpResponse<String> send(final HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String logTail() {
    try {
      final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (final IOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  /** A port free on 127.0.0.1 now, other than {@code taken}. */
  private static int freePort(final int taken) throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (socket.getLocalPort() != taken) {
          return socket.getLocalPort();
        }
      }
    }
  }
}
