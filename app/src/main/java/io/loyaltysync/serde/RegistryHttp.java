package io.loyaltysync.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/**
 * The HTTP side of {@link HttpSchemaRegistryClient}: sends Confluent REST calls and sorts the
 * failures every call shares. A registry that cannot be reached, times out or fails on its side
 * (5xx, 408, 429) is unavailable; refused credentials (401, 403) and a failed TLS handshake are
 * configuration errors that no restart fixes. Every other answer goes back to the caller, which
 * knows what a 404 or 409 means for its call. Messages never carry the credentials.
 */
final class RegistryHttp {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  /** Longest piece of a registry's error text quoted in a message. */
  private static final int QUOTED = 300;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryConnection connection;
  private final HttpClient client;

  RegistryHttp(final RegistryConnection connection) {
    this.connection = connection;
    final HttpClient.Builder builder =
        HttpClient.newBuilder()
            // HTTP/1.1 as every registry speaks it: no h2c upgrade for a proxy to mishandle.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connection.timeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    connection.sslContext().ifPresent(builder::sslContext);
    this.client = builder.build();
  }

  /** A registry's answer to a call that reached it and was not refused as a whole. */
  record Answer(int status, JsonNode body, String text) {

    /** Confluent's {@code error_code} (40401, 40403, ...), or -1 when the answer has none. */
    int errorCode() {
      return body != null && body.hasNonNull("error_code") ? body.get("error_code").asInt() : -1;
    }

    /** The registry's {@code message}, or the start of the raw answer. */
    String message() {
      if (body != null && body.hasNonNull("message")) {
        return quote(body.get("message").asText());
      }
      return text.isBlank() ? "(no message)" : quote(text.strip());
    }
  }

  /** {@code subject} as one path segment. */
  static String segment(final String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The request body carrying an Avro schema's JSON text. */
  static String schemaBody(final String schemaJson) {
    return JSON.createObjectNode().put("schema", schemaJson).toString();
  }

  Answer get(final String path, final String what) {
    return send(request(path).GET().build(), what);
  }

  Answer post(final String path, final String json, final String what) {
    return send(
        request(path)
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build(),
        what);
  }

  /** An answer the caller has no meaning for: the registry refused the call as misconfigured. */
  SchemaRegistryException unexpected(final Answer answer, final String what) {
    return new SchemaRegistryException(
        at()
            + " answered HTTP "
            + answer.status()
            + " to "
            + what
            + ": "
            + answer.message()
            + (answer.status() == 404 && answer.errorCode() < 0
                ? " (no registry error code: is the URL the registry API's root?)"
                : ""));
  }

  /** The field {@code name} of a successful answer, or a configuration error if it lacks it. */
  JsonNode field(final Answer answer, final String name, final String what) {
    final JsonNode value = answer.body() == null ? null : answer.body().get(name);
    if (value == null || value.isNull()) {
      throw new SchemaRegistryException(
          at() + " answered " + what + " without '" + name + "': " + quote(answer.text()));
    }
    return value;
  }

  String at() {
    return "schema registry at " + connection.base();
  }

  private HttpRequest.Builder request(final String path) {
    final HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(connection.base() + path))
            .timeout(connection.timeout())
            .header("Accept", CONTENT_TYPE + ", application/json");
    connection.authorization().ifPresent(value -> builder.header("Authorization", value));
    return builder;
  }

  private Answer send(final HttpRequest request, final String what) {
    final HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (final HttpTimeoutException e) {
      throw new SchemaRegistryUnavailableException(
          at() + " did not answer within " + connection.timeout() + " to " + what, e);
    } catch (final IOException e) {
      if (causedBy(e, SSLException.class)) {
        throw new SchemaRegistryException(
            "TLS with the "
                + at()
                + " failed to "
                + what
                + ": "
                + describe(e)
                + " (check the registry URL and the trust and key stores)",
            e);
      }
      throw new SchemaRegistryUnavailableException(
          at() + " is unreachable to " + what + ": " + describe(e), e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryUnavailableException(
          "interrupted while waiting for the " + at() + " to " + what, e);
    }
    final int status = response.statusCode();
    final Answer answer = new Answer(status, parse(response.body()), response.body());
    if (status >= 500 || status == 408 || status == 429) {
      throw new SchemaRegistryUnavailableException(
          at() + " failed to " + what + ": HTTP " + status + " " + answer.message(), null);
    }
    if (status == 401 || status == 403) {
      // The registry's text is left out: an authentication proxy may echo what it was sent.
      throw new SchemaRegistryException(
          at()
              + " refused to "
              + what
              + " (HTTP "
              + status
              + "): "
              + (connection.hasCredentials()
                  ? "check the basic-auth credentials (not shown) and their rights"
                  : "it wants credentials; configure basic auth"));
    }
    return answer;
  }

  private static JsonNode parse(final String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      final JsonNode node = JSON.readTree(text);
      return node.isObject() ? node : null;
    } catch (final JsonProcessingException e) {
      // Not JSON (a proxy's error page, say): callers quote the raw text instead.
      return null;
    }
  }

  private static boolean causedBy(final Throwable e, final Class<? extends Throwable> type) {
    for (Throwable at = e; at != null; at = at.getCause()) {
      if (type.isInstance(at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The exception's type and the first message along its causes: the JDK's HTTP client often throws
   * a bare ConnectException around a bare ClosedChannelException.
   */
  private static String describe(final Throwable e) {
    for (Throwable at = e; at != null; at = at.getCause()) {
      if (at.getMessage() != null && !at.getMessage().isBlank()) {
        return e.getClass().getSimpleName() + ": " + quote(at.getMessage());
      }
    }
    return e.getClass().getSimpleName();
  }

  private static String quote(final String text) {
    return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...";
  }
}
