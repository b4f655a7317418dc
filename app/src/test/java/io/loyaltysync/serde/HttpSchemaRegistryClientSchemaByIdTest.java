package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Fetching a schema by its id, as the deserializer does: a schema found is kept, an id not found is
 * asked about again, and only an Avro schema is accepted.
 */
class HttpSchemaRegistryClientSchemaByIdTest extends HttpSchemaRegistryClientFixture {

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
}
