package io.loyaltysync.config;

/** A configuration value that cannot be used; the message names the option and the problem. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(final String message) {
    super(message);
  }
}
