package io.loyaltysync.serde;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A tiny schema registry on 127.0.0.1 for the client's tests: it answers each call as the test
 * scripts it and records what it was sent. An unscripted call gets a bare 404, as from a web server
 * that is not a registry. The API sits under a path, as Apicurio's does. Public for the tests of
 * the commands, which need a registry that fails in a chosen way.
 */
public final class FakeRegistry implements AutoCloseable {

  static final String BASE_PATH = "/apis/ccompat/v7";

  /** A request as the server received it. */
  public record Call(String method, String path, Map<String, List<String>> headers, String body) {
    String header(final String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private record Reply(int status, String body, boolean hang) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private FakeRegistry(final HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A plain-HTTP registry. */
  public static FakeRegistry start() throws IOException {
    return new FakeRegistry(HttpServer.create(loopback(), 0));
  }

  /** An HTTPS registry with {@code context}'s certificate, asking for a client's when told. */
  static FakeRegistry startTls(final SSLContext context, final boolean needClientAuth)
      throws IOException {
    final HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(final HttpsParameters params) {
            params.setSSLParameters(context.getDefaultSSLParameters());
            params.setNeedClientAuth(needClientAuth);
          }
        });
    return new FakeRegistry(server);
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  /** The base URL a client is given, API path included. */
  public String url() {
    final String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Answers {@code method apiPath} (the path under the base URL) with a status and JSON body. */
  public FakeRegistry answer(
      final String method, final String apiPath, final int status, final String json) {
    replies.put(method + " " + BASE_PATH + apiPath, new Reply(status, json, false));
    return this;
  }

  /** Never answers {@code method apiPath} while the registry runs. */
  FakeRegistry hang(final String method, final String apiPath) {
    replies.put(method + " " + BASE_PATH + apiPath, new Reply(0, null, true));
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(final HttpExchange exchange) throws IOException {
    final String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    final String method = exchange.getRequestMethod();
    final String path = exchange.getRequestURI().getRawPath();
    calls.add(new Call(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
    final Reply reply = replies.getOrDefault(method + " " + path, new Reply(404, "", false));
    if (reply.hang()) {
      try {
        closing.await();
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    final byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", RegistryHttp.CONTENT_TYPE);
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
