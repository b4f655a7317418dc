package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Registering, looking up and checking the compatibility of a schema under a subject: the request
 * the client sends, and which answers it keeps so that it asks the registry only once.
 */
class HttpSchemaRegistryClientSubjectsTest extends HttpSchemaRegistryClientFixture {

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
  void shouldEncodeTheSubjectAsOnePathSegment() {
    registry.answer("POST", "/subjects/odd%2Fsubject%20name/versions", 200, "{\"id\":3}");

    assertEquals(3, client().register("odd/subject name", CARD_KEY));
  }

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
}
