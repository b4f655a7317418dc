package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Basic-auth credentials: sent only when configured, a refusal reported as a configuration error,
 * and the password never shown in a message or in {@code toString}. (TLS is in {@link
 * HttpSchemaRegistryClientTlsTest}.)
 */
class HttpSchemaRegistryClientCredentialsTest extends HttpSchemaRegistryClientFixture {

  @Test
  void shouldSendTheCredentialsAsBasicAuth() {
    registry.answer("GET", "/schemas/ids/5", 200, "{\"schema\":\"\\\"string\\\"\"}");

    clientWithCredentials().schemaById(5);

    final String expected =
        "Basic " + Base64.getEncoder().encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, registry.calls().get(0).header("Authorization"));
  }

  @Test
  void shouldSendNoAuthorizationWithoutCredentials() {
    registry.answer("GET", "/schemas/ids/5", 200, "{\"schema\":\"\\\"string\\\"\"}");

    client().schemaById(5);

    assertEquals(null, registry.calls().get(0).header("Authorization"));
  }

  @Test
  void shouldReportRefusedCredentialsAsAConfigurationErrorWithoutThePassword() {
    // Given: a registry that echoes what it was sent, as a careless proxy might
    registry
        .answer("GET", "/schemas/ids/5", 401, "{\"message\":\"bad credentials " + USER_INFO + "\"}")
        .answer("POST", "/subjects/" + SUBJECT + "/versions", 403, "{\"message\":\"forbidden\"}");
    final HttpSchemaRegistryClient client = clientWithCredentials();

    // When
    final SchemaRegistryException unauthorized =
        assertThrows(SchemaRegistryException.class, () -> client.schemaById(5));
    final SchemaRegistryException forbidden =
        assertThrows(SchemaRegistryException.class, () -> client.register(SUBJECT, CARD_KEY));

    // Then: neither retried as an outage nor dead-lettered as an unknown schema
    for (final SchemaRegistryException refused :
        new SchemaRegistryException[] {unauthorized, forbidden}) {
      assertEquals(SchemaRegistryException.class, refused.getClass());
      assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
      assertTrue(refused.getMessage().contains("credentials"), refused.getMessage());
    }
    assertTrue(unauthorized.getMessage().contains("HTTP 401"), unauthorized.getMessage());
    assertTrue(forbidden.getMessage().contains("HTTP 403"), forbidden.getMessage());
  }

  @Test
  void shouldNeverShowTheCredentialsInToString() {
    final HttpSchemaRegistryClient client = clientWithCredentials();

    assertFalse(client.toString().contains(PASSWORD), client.toString());
    assertTrue(client.toString().contains(registry.url()), client.toString());
    assertTrue(client.toString().contains("basic auth"), client.toString());
  }

  @Test
  void shouldRefuseAUrlCarryingCredentialsWithoutRepeatingThem() {
    final IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegistryConnection.to("https://" + USER_INFO + "@registry:8081", TIMEOUT));

    assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
  }
}
