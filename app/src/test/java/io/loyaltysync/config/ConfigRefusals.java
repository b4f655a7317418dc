package io.loyaltysync.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** The check the SyncConfig tests share: options refused with each expected problem named. */
final class ConfigRefusals {

  private ConfigRefusals() {}

  /**
   * Asserts that {@link SyncConfig#from} refuses the options with a {@link ConfigException} whose
   * message contains every one of the problems; returns that message for further checks.
   */
  static String assertRefused(final Map<String, String> options, final String... problems) {
    final ConfigException refused =
        assertThrows(ConfigException.class, () -> SyncConfig.from(options), options::toString);
    final String message = refused.getMessage();
    for (final String problem : problems) {
      assertTrue(message.contains(problem), message);
    }
    return message;
  }
}
