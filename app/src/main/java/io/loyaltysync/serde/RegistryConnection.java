package io.loyaltysync.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where a schema registry is and how to reach it: base URL (which may have a path, as Apicurio's
 * {@code /apis/ccompat/v7}), timeout, basic-auth credentials and TLS context. Immutable. The
 * credentials never leave it but as an {@code Authorization} header: {@link #toString} only says
 * whether there are any.
 */
public final class RegistryConnection {

  private final URI baseUrl;
  private final Duration timeout;
  private final String userInfo;
  private final SSLContext sslContext;

  private RegistryConnection(
      final URI baseUrl,
      final Duration timeout,
      final String userInfo,
      final SSLContext sslContext) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.userInfo = userInfo;
    this.sslContext = sslContext;
  }

  /**
   * A connection to the registry at {@code baseUrl}, without credentials, trusting the JVM's CAs.
   *
   * @param timeout how long connecting, and then each call, may take
   * @throws IllegalArgumentException when the URL is not http(s) with a host, or carries
   *     credentials (which the message does not repeat)
   */
  public static RegistryConnection to(final String baseUrl, final Duration timeout) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the registry timeout must be positive, was " + timeout);
    }
    final URI uri;
    try {
      uri = new URI(baseUrl.strip());
    } catch (final URISyntaxException e) {
      throw new IllegalArgumentException("the registry URL is not a URL: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the registry URL must not carry credentials; give them as basic auth");
    }
    final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the registry URL must be http(s)://host[:port][/path], was "
              + (baseUrl.contains("@") ? "a URL with '@'" : "'" + baseUrl + "'"));
    }
    return new RegistryConnection(uri, timeout, null, null);
  }

  /** The same connection authenticating with HTTP basic auth as {@code user:password}. */
  public RegistryConnection withBasicAuth(final String userInfo) {
    if (userInfo == null || userInfo.indexOf(':') < 1) {
      throw new IllegalArgumentException("basic-auth credentials must be user:password");
    }
    return new RegistryConnection(baseUrl, timeout, userInfo, sslContext);
  }

  /** The same connection using {@code context} for TLS (its trust and key managers). */
  public RegistryConnection withTls(final SSLContext context) {
    return new RegistryConnection(
        baseUrl, timeout, userInfo, Objects.requireNonNull(context, "context"));
  }

  /** The base URL without a trailing slash, so that API paths can be appended. */
  String base() {
    final String text = baseUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  Duration timeout() {
    return timeout;
  }

  /** The {@code Authorization} header's value, when there are credentials. */
  Optional<String> authorization() {
    return Optional.ofNullable(userInfo)
        .map(
            info ->
                "Basic "
                    + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
  }

  boolean hasCredentials() {
    return userInfo != null;
  }

  Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  @Override
  public String toString() {
    return base()
        + " (timeout "
        + timeout
        + ", "
        + (userInfo == null ? "no credentials" : "basic auth")
        + (sslContext == null ? "" : ", own TLS trust and key stores")
        + ")";
  }
}
