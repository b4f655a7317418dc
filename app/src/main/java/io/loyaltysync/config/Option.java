package io.loyaltysync.config;

import java.util.function.Function;

/**
 * One configuration option: its name, default, one-line doc and how its text is parsed. A parse
 * failure throws {@link IllegalArgumentException} with the reason, which {@link SyncConfig} turns
 * into a message naming the option.
 *
 * @param name the option's name in properties files (environment: LOYALTY_SYNC_ + upper case)
 * @param defaultValue the default, or null when the option has none
 * @param doc what it does, one line
 * @param secret whether the value must never be printed or logged
 * @param parser text to value
 * @param <T> the value type
 */
public record Option<T>(
    String name, String defaultValue, String doc, boolean secret, Function<String, T> parser) {

  public static <T> Option<T> of(
      final String name,
      final String defaultValue,
      final String doc,
      final Function<String, T> parser) {
    return new Option<>(name, defaultValue, doc, false, parser);
  }

  /** An option whose value (a password, credentials) is never printed, not even when wrong. */
  public static <T> Option<T> secret(
      final String name,
      final String defaultValue,
      final String doc,
      final Function<String, T> parser) {
    return new Option<>(name, defaultValue, doc, true, parser);
  }
}
