package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How the client sorts a registry's failures, since each type is handled differently: a refused
 * schema ({@link IncompatibleSchemaException}), a schema or subject the registry does not know
 * ({@link UnknownSchemaException}, dead-lettered), a registry that is down or slow ({@link
 * SchemaRegistryUnavailableException}, retried), and anything else as a configuration error (a
 * plain {@link SchemaRegistryException}).
 */
class HttpSchemaRegistryClientFailuresTest extends HttpSchemaRegistryClientFixture {

  @Test
  void shouldRefuseAnIncompatibleSchemaWithTheRegistrysReason() {
    // Given
    registry.answer(
        "POST",
        "/subjects/" + SUBJECT + "/versions",
        409,
        "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an"
            + " earlier schema for subject\"}");

    // When
    final IncompatibleSchemaException refused =
        assertThrows(IncompatibleSchemaException.class, () -> client().register(SUBJECT, CARD_KEY));

    // Then
    assertTrue(
        refused.getMessage().contains("incompatible with an earlier schema"), refused.getMessage());
    assertTrue(refused.getMessage().contains(SUBJECT), refused.getMessage());
  }

  @Test
  void shouldReportAnInvalidSchemaAsAConfigurationError() {
    registry.answer(
        "POST",
        "/subjects/" + SUBJECT + "/versions",
        422,
        "{\"error_code\":42201,\"message\":\"Invalid schema\"}");

    final SchemaRegistryException refused =
        assertThrows(SchemaRegistryException.class, () -> client().register(SUBJECT, CARD_KEY));

    assertEquals(SchemaRegistryException.class, refused.getClass());
    assertTrue(refused.getMessage().contains("HTTP 422"), refused.getMessage());
    assertTrue(refused.getMessage().contains("Invalid schema"), refused.getMessage());
  }

  @Test
  void shouldTreatA404WithoutARegistryErrorCodeAsAWrongUrlNotAnUnknownSchema() {
    // Given: nothing scripted, as when the base URL misses the API path

    // When
    final SchemaRegistryException refused =
        assertThrows(SchemaRegistryException.class, () -> client().schemaById(5));

    // Then: not an UnknownSchemaException, which would dead-letter every record
    assertEquals(SchemaRegistryException.class, refused.getClass());
    assertTrue(refused.getMessage().contains("HTTP 404"), refused.getMessage());
  }

  @Test
  void shouldRefuseASuccessfulAnswerWithoutTheExpectedField() {
    registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "<html>proxy</html>");

    final SchemaRegistryException refused =
        assertThrows(SchemaRegistryException.class, () -> client().register(SUBJECT, CARD_KEY));

    assertTrue(refused.getMessage().contains("without 'id'"), refused.getMessage());
  }

  @Test
  void shouldReportAnUnknownSubjectOnLookUpNamingIt() {
    registry.answer(
        "POST",
        "/subjects/" + SUBJECT,
        404,
        "{\"error_code\":40401,\"message\":\"Subject '" + SUBJECT + "' not found.\"}");

    final UnknownSchemaException unknown =
        assertThrows(UnknownSchemaException.class, () -> client().lookup(SUBJECT, CARD_KEY));

    assertEquals("subject " + SUBJECT + " is not in the registry", unknown.getMessage());
  }

  @Test
  void shouldReportASchemaTheSubjectLacksOnLookUpNamingTheSubject() {
    registry.answer(
        "POST",
        "/subjects/" + SUBJECT,
        404,
        "{\"error_code\":40403,\"message\":\"Schema not found\"}");

    final UnknownSchemaException unknown =
        assertThrows(UnknownSchemaException.class, () -> client().lookup(SUBJECT, CARD_KEY));

    assertEquals(
        "schema io.loyaltysync.avro.common.LoyaltyCardKey is not registered under subject "
            + SUBJECT,
        unknown.getMessage());
  }

  @Test
  void shouldReportServerErrorsAsUnavailable() {
    registry
        .answer("GET", "/schemas/ids/5", 500, "{\"error_code\":50001,\"message\":\"Store error\"}")
        .answer("POST", "/subjects/" + SUBJECT + "/versions", 503, "Service Unavailable");
    final HttpSchemaRegistryClient client = client();

    final SchemaRegistryUnavailableException failed =
        assertThrows(SchemaRegistryUnavailableException.class, () -> client.schemaById(5));
    assertThrows(
        SchemaRegistryUnavailableException.class, () -> client.register(SUBJECT, CARD_KEY));

    assertTrue(failed.getMessage().contains("HTTP 500 Store error"), failed.getMessage());
  }

  @Test
  void shouldReportARegistryThatIsNotListeningAsUnavailable() {
    // Given: a port that was just free
    final int port = registry.port();
    registry.close();
    final HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(
            RegistryConnection.to("http://127.0.0.1:" + port, TIMEOUT).withBasicAuth(USER_INFO));

    // When
    final SchemaRegistryUnavailableException down =
        assertThrows(SchemaRegistryUnavailableException.class, () -> client.schemaById(1));

    // Then
    assertInstanceOf(ConnectException.class, down.getCause());
    assertFalse(down.getMessage().contains(PASSWORD), down.getMessage());
  }

  @Test
  void shouldReportARegistryThatDoesNotAnswerInTimeAsUnavailable() {
    registry.hang("GET", "/schemas/ids/1");
    final HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(
            RegistryConnection.to(registry.url(), Duration.ofMillis(300)).withBasicAuth(USER_INFO));

    final SchemaRegistryUnavailableException slow =
        assertThrows(SchemaRegistryUnavailableException.class, () -> client.schemaById(1));

    assertTrue(slow.getMessage().contains("did not answer"), slow.getMessage());
    assertFalse(slow.getMessage().contains(PASSWORD), slow.getMessage());
  }
}
