package io.loyaltysync.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for option values; each throws IllegalArgumentException saying what was expected. */
final class Parsers {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /** host:port, the host an [IPv6] literal or anything without ':' (checked further). */
  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[^\\]]*\\]|[^:\\[\\]]+):(\\d{1,5})");

  /** A host name: dot-separated labels of letters, digits, '-' (not at either end) and '_'. */
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*");

  /** An IPv6 literal in brackets, maybe with a zone: [fe80::1%eth0]. */
  private static final Pattern IPV6 =
      Pattern.compile("\\[([0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)(%[A-Za-z0-9._-]+)?\\]");

  /** The characters of a Kafka topic name. */
  private static final String TOPIC_CHARACTERS = "[a-zA-Z0-9._-]";

  /** Kafka's limit on the length of a topic name. */
  private static final int MAX_TOPIC_NAME = 249;

  private Parsers() {}

  static String text(final String value) {
    return value.strip();
  }

  /** As given, spaces and all: for passwords. */
  static String verbatim(final String value) {
    return value;
  }

  static String nonBlank(final String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return value.strip();
  }

  /** A name Kafka accepts for a topic: letters, digits, '.', '_', '-', at most 249 of them. */
  static String topicName(final String value) {
    final String name = nonBlank(value);
    if (!name.matches(TOPIC_CHARACTERS + "+")) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a valid Kafka topic name (letters, digits, '.', '_', '-')");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a valid Kafka topic name ('.' and '..' are reserved)");
    }
    if (name.length() > MAX_TOPIC_NAME) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a valid Kafka topic name ("
              + name.length()
              + " characters, at most "
              + MAX_TOPIC_NAME
              + ")");
    }
    return name;
  }

  /**
   * The start of topic names, possibly empty: only characters a topic name may have. Whether the
   * names it makes are short enough is for {@link SyncConfig} to check, which knows them all.
   */
  static String topicPrefix(final String value) {
    final String prefix = value.strip();
    if (!prefix.matches(TOPIC_CHARACTERS + "*")) {
      throw new IllegalArgumentException(
          "'"
              + prefix
              + "' is not a valid Kafka topic name prefix (letters, digits, '.', '_', '-')");
    }
    return prefix;
  }

  /**
   * The Kafka cluster: {@code host:port[,host:port...]}, each host a name, an IPv4 address or an
   * IPv6 one in brackets; empty for none (the embedded broker). Nothing is looked up here.
   */
  static String bootstrapServers(final String value) {
    final String servers = value.strip();
    if (servers.isEmpty()) {
      return servers;
    }
    final String[] entries = servers.split(",", -1);
    for (final String entry : entries) {
      if (entry.isBlank()) {
        throw new IllegalArgumentException("'" + servers + "' has an empty entry");
      }
    }
    for (final String entry : entries) {
      hostPort(entry.strip());
    }
    return servers;
  }

  private static void hostPort(final String server) {
    final Matcher matcher = HOST_PORT.matcher(server);
    if (!matcher.matches() || !validHost(matcher.group(1))) {
      throw new IllegalArgumentException(
          "'" + server + "' is not host:port (a host name, an IPv4 address or an [IPv6] one)");
    }
    final int port = Integer.parseInt(matcher.group(2));
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(
          "'" + server + "' has port " + matcher.group(2) + ", not 1-65535");
    }
  }

  private static boolean validHost(final String host) {
    if (host.startsWith("[")) {
      final Matcher ipv6 = IPV6.matcher(host);
      if (!ipv6.matches()) {
        return false;
      }
      try {
        // In brackets, a literal: parsed, never resolved.
        return InetAddress.getByName("[" + ipv6.group(1) + "]") instanceof Inet6Address;
      } catch (final UnknownHostException e) {
        return false;
      }
    }
    if (!HOST_NAME.matcher(host).matches()) {
      return false;
    }
    // A name of numbers only is an IPv4 address (no top-level domain is numeric).
    final String[] labels = host.split("\\.");
    for (final String label : labels) {
      if (!label.chars().allMatch(Character::isDigit)) {
        return true;
      }
    }
    if (labels.length != 4) {
      return false;
    }
    for (final String label : labels) {
      if (label.length() > 3 || Integer.parseInt(label) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code mock://<name>}, or an http(s) URL that may have a path (Apicurio's {@code
   * /apis/ccompat/v7}). Credentials in the URL are refused, and never repeated: they belong in the
   * secret basic-auth option, not in one that is printed.
   */
  static String registryUrl(final String value) {
    final String text = nonBlank(value);
    if (text.startsWith("mock://")) {
      return text;
    }
    final URI uri;
    try {
      uri = new URI(text);
    } catch (final URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the URL must not carry credentials (not shown);"
              + " put them in schema.registry.basic-auth.user-info");
    }
    final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    // A mistyped URL with credentials ("http//user:pw@host") parses without user-info.
    final String shown = text.contains("@") ? "the URL" : "'" + text + "'";
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          shown + " is neither http(s)://host[:port][/path] nor mock://<name>");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(shown + " must not have a query or a fragment");
    }
    return text;
  }

  /** {@code user:password}, as Confluent's serdes take basic-auth credentials. */
  static String userInfo(final String value) {
    final int colon = value.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("must be user:password");
    }
    return value;
  }

  /** A key store type this JVM can read, e.g. PKCS12 or JKS. */
  static String keyStoreType(final String value) {
    final String type = nonBlank(value).toUpperCase(Locale.ROOT);
    try {
      KeyStore.getInstance(type);
    } catch (final KeyStoreException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a key store type this JVM reads (PKCS12, JKS)");
    }
    return type;
  }

  static boolean bool(final String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("'" + value + "' is neither true nor false");
    };
  }

  static int positiveInt(final String value) {
    try {
      final int parsed = Integer.parseInt(value.strip());
      if (parsed < 1) {
        throw new IllegalArgumentException("must be at least 1 (was " + parsed + ")");
      }
      return parsed;
    } catch (final NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number");
    }
  }

  /**
   * 500ms, 30s, 5m, 1h, 7d, or ISO-8601 (PT1H), counted in whole milliseconds as the job and Kafka
   * Streams use it: at least 1ms, and few enough for a long. That suits every duration option: the
   * intervals go to {@code context.schedule}, the retention and timeouts are compared in
   * milliseconds, where less than one would be zero.
   */
  static Duration duration(final String value) {
    final String text = value.strip();
    final Duration parsed;
    final Matcher matcher = DURATION.matcher(text);
    if (matcher.matches()) {
      try {
        final long amount = Long.parseLong(matcher.group(1));
        parsed =
            switch (matcher.group(2)) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              default -> Duration.ofDays(amount);
            };
      } catch (final NumberFormatException | ArithmeticException e) {
        throw tooLong(value); // the digits alone are too many for a long, or their seconds are
      }
    } else {
      try {
        parsed = Duration.parse(text);
      } catch (final DateTimeParseException e) {
        if (e.getCause() instanceof ArithmeticException
            || e.getCause() instanceof NumberFormatException) {
          throw tooLong(value);
        }
        throw new IllegalArgumentException(
            "'" + value + "' is not a duration like 500ms, 30s, 5m, 1h, 7d or PT1H");
      }
    }
    final long millis;
    try {
      millis = parsed.toMillis();
    } catch (final ArithmeticException e) {
      throw tooLong(value);
    }
    if (millis < 1) {
      // Counted in milliseconds, less would be no time at all (and Kafka Streams schedules
      // nothing more often than every millisecond).
      throw new IllegalArgumentException("must be at least 1ms (was " + value + ")");
    }
    return parsed;
  }

  private static IllegalArgumentException tooLong(final String value) {
    return new IllegalArgumentException(
        "'"
            + value
            + "' is too long a duration (at most "
            + Duration.ofMillis(Long.MAX_VALUE).toDays()
            + "d)");
  }
}
