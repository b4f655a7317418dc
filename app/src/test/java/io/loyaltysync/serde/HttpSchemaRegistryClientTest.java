package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

  private static final Schema CARD_KEY = LoyaltyCardKey.getClassSchema();
  private static final Schema CARD_CHANGE = ErpLoyaltyCardChange.getClassSchema();
  private static final String SUBJECT = "erp.loyalty-card.changes-value";
  private static final String USER_INFO = "loyalty-sync:n0t-to-be-$een";
  private static final String PASSWORD = "n0t-to-be-$een";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ObjectMapper json = new ObjectMapper();
  private FakeRegistry registry;

  @BeforeEach
  void startRegistry() throws IOException {
    registry = FakeRegistry.start();
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  private HttpSchemaRegistryClient client() {
    return new HttpSchemaRegistryClient(RegistryConnection.to(registry.url(), TIMEOUT));
  }

  private HttpSchemaRegistryClient clientWithCredentials() {
    return new HttpSchemaRegistryClient(
        RegistryConnection.to(registry.url(), TIMEOUT).withBasicAuth(USER_INFO));
  }

  private String sentSchema(final FakeRegistry.Call call) throws IOException {
    return json.readTree(call.body()).get("schema").asText();
  }

  // ---- register ------------------------------------------------------------------------------

  @Test
  void shouldRegisterTheSchemaUnderItsSubjectBelowTheBasePath() throws IOException {
    // Given
    registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{\"id\":7}");

    // When
    final int id = client().register(SUBJECT, CARD_CHANGE);

    // Then
    assertEquals(7, id);
    final FakeRegistry.Call call = registry.calls().get(0);
    assertEquals("POST", call.method());
    assertEquals(FakeRegistry.BASE_PATH + "/subjects/" + SUBJECT + "/versions", call.path());
    assertEquals(RegistryHttp.CONTENT_TYPE, call.header("Content-Type"));
    assertEquals(CARD_CHANGE, new Schema.Parser().parse(sentSchema(call)));
  }

  @Test
  void shouldAcceptABaseUrlWithATrailingSlash() {
    registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{\"id\":7}");
    final HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(RegistryConnection.to(registry.url() + "/", TIMEOUT));

    assertEquals(7, client.register(SUBJECT, CARD_CHANGE));
  }

  @Test
  void shouldAskTheRegistryOnceForASchemaItRegistered() {
    // Given
    registry.answer("POST", "/subjects/" + SUBJECT + "/versions", 200, "{\"id\":7}");
    final HttpSchemaRegistryClient client = client();
    client.register(SUBJECT, CARD_CHANGE);

    // When
    final int again = client.register(SUBJECT, CARD_CHANGE);
    final int lookedUp = client.lookup(SUBJECT, CARD_CHANGE);

    // Then
    assertEquals(7, again);
    assertEquals(7, lookedUp);
    assertEquals(1, registry.calls().size());
  }

  @Test
  void shouldAskAgainForTheSameSchemaUnderAnotherSubject() {
    registry
        .answer("POST", "/subjects/a-value/versions", 200, "{\"id\":7}")
        .answer("POST", "/subjects/b-value/versions", 200, "{\"id\":7}");
    final HttpSchemaRegistryClient client = client();

    client.register("a-value", CARD_KEY);
    client.register("b-value", CARD_KEY);

    assertEquals(2, registry.calls().size());
  }

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
  void shouldEncodeTheSubjectAsOnePathSegment() {
    registry.answer("POST", "/subjects/odd%2Fsubject%20name/versions", 200, "{\"id\":3}");

    assertEquals(3, client().register("odd/subject name", CARD_KEY));
  }

  // ---- look up -------------------------------------------------------------------------------

  @Test
  void shouldLookUpTheIdWithoutRegistering() throws IOException {
    // Given
    registry.answer(
        "POST",
        "/subjects/" + SUBJECT,
        200,
        "{\"subject\":\"" + SUBJECT + "\",\"version\":2,\"id\":11,\"schema\":\"{}\"}");
    final HttpSchemaRegistryClient client = client();

    // When
    final int id = client.lookup(SUBJECT, CARD_CHANGE);
    final int again = client.lookup(SUBJECT, CARD_CHANGE);

    // Then
    assertEquals(11, id);
    assertEquals(11, again);
    assertEquals(1, registry.calls().size());
    assertEquals(FakeRegistry.BASE_PATH + "/subjects/" + SUBJECT, registry.calls().get(0).path());
    assertEquals(CARD_CHANGE, new Schema.Parser().parse(sentSchema(registry.calls().get(0))));
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

  // ---- schema by id --------------------------------------------------------------------------

  @Test
  void shouldFetchASchemaByIdOnce() throws IOException {
    // Given
    registry.answer(
        "GET",
        "/schemas/ids/5",
        200,
        json.createObjectNode().put("schema", CARD_CHANGE.toString()).toString());
    final HttpSchemaRegistryClient client = client();

    // When
    final Schema first = client.schemaById(5);
    final Schema second = client.schemaById(5);

    // Then
    assertEquals(CARD_CHANGE, first);
    assertEquals(CARD_CHANGE, second);
    assertEquals(1, registry.calls().size());
    assertEquals("GET", registry.calls().get(0).method());
  }

  @Test
  void shouldReportAnIdTheRegistryDoesNotKnowAndAskAgainNextTime() {
    // Given
    registry.answer(
        "GET",
        "/schemas/ids/42",
        404,
        "{\"error_code\":40403,\"message\":\"Schema 42 not found.\"}");
    final HttpSchemaRegistryClient client = client();

    // When
    final UnknownSchemaException unknown =
        assertThrows(UnknownSchemaException.class, () -> client.schemaById(42));
    assertThrows(UnknownSchemaException.class, () -> client.schemaById(42));

    // Then
    assertEquals("schema id 42 is not in the registry", unknown.getMessage());
    assertEquals(2, registry.calls().size());
  }

  @Test
  void shouldReportASchemaOfAnotherFormatAsUnknown() {
    registry.answer(
        "GET", "/schemas/ids/8", 200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = 1\"}");

    final UnknownSchemaException unknown =
        assertThrows(UnknownSchemaException.class, () -> client().schemaById(8));

    assertTrue(unknown.getMessage().contains("PROTOBUF"), unknown.getMessage());
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

  // ---- compatibility -------------------------------------------------------------------------

  @Test
  void shouldAskTheRegistryWhetherASchemaIsCompatibleEveryTime() throws IOException {
    // Given
    final String path = "/compatibility/subjects/" + SUBJECT + "/versions/latest";
    registry.answer("POST", path, 200, "{\"is_compatible\":false}");
    final HttpSchemaRegistryClient client = client();

    // When
    final boolean first = client.compatible(SUBJECT, CARD_CHANGE);
    registry.answer("POST", path, 200, "{\"is_compatible\":true}");
    final boolean second = client.compatible(SUBJECT, CARD_CHANGE);

    // Then
    assertFalse(first);
    assertTrue(second);
    assertEquals(2, registry.calls().size());
    assertEquals(CARD_CHANGE, new Schema.Parser().parse(sentSchema(registry.calls().get(0))));
  }

  @Test
  void shouldFindAnySchemaCompatibleWithASubjectThatHasNoVersions() {
    registry.answer(
        "POST",
        "/compatibility/subjects/" + SUBJECT + "/versions/latest",
        404,
        "{\"error_code\":40401,\"message\":\"Subject not found.\"}");

    assertTrue(client().compatible(SUBJECT, CARD_KEY));
  }

  // ---- infrastructure ------------------------------------------------------------------------

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

  // ---- credentials ---------------------------------------------------------------------------

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
