package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import io.loyaltysync.embedded.EmbeddedKafka;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.topology.LiveSync;
import io.loyaltysync.topology.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against a real Confluent-compatible registry: Apicurio Registry's {@code
 * /apis/ccompat/v7}, started once for the class as a separate process. Each test uses subjects of
 * its own, and reads back through a fresh client so that no cache answers for the server. One test
 * also runs the whole job on an embedded broker against it.
 */
class ApicurioRegistryIT {

  private static final Schema CARD_CHANGE = ErpLoyaltyCardChange.getClassSchema();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static ApicurioRegistry apicurio;

  @BeforeAll
  static void startRegistry() throws IOException {
    apicurio = ApicurioRegistry.start();
  }

  @AfterAll
  static void stopRegistry() {
    if (apicurio != null) {
      apicurio.close();
    }
  }

  private static HttpSchemaRegistryClient newClient() {
    return new HttpSchemaRegistryClient(RegistryConnection.to(apicurio.ccompatUrl(), TIMEOUT));
  }

  @Test
  void shouldRegisterASchemaAndServeItById() {
    // Given
    final int id = newClient().register("it-register.erp.loyalty-card.changes-value", CARD_CHANGE);

    // When
    final Schema fetched = newClient().schemaById(id);

    // Then
    assertEquals(CARD_CHANGE, fetched);
    assertEquals(
        id, newClient().register("it-register.erp.loyalty-card.changes-value", CARD_CHANGE));
  }

  @Test
  void shouldGiveTheSameSchemaOneIdUnderEverySubject() {
    final int underOne = newClient().register("it-ids.a-key", LoyaltyCardKey.getClassSchema());
    final int underOther = newClient().register("it-ids.b-key", LoyaltyCardKey.getClassSchema());
    final int other = newClient().register("it-ids.a-value", CARD_CHANGE);

    assertEquals(underOne, underOther);
    assertNotEquals(underOne, other);
  }

  @Test
  void shouldLookUpARegisteredSchemaWithoutRegisteringIt() {
    // Given
    final String subject = "it-lookup.erp.loyalty-card.changes-value";
    final int id = newClient().register(subject, CARD_CHANGE);

    // When
    final int lookedUp = newClient().lookup(subject, CARD_CHANGE);

    // Then
    assertEquals(id, lookedUp);
    final UnknownSchemaException noSubject =
        assertThrows(
            UnknownSchemaException.class,
            () -> newClient().lookup("it-lookup.never-registered-value", CARD_CHANGE));
    assertEquals(
        "subject it-lookup.never-registered-value is not in the registry", noSubject.getMessage());
    final UnknownSchemaException noSchema =
        assertThrows(
            UnknownSchemaException.class,
            () -> newClient().lookup(subject, LoyaltyCardKey.getClassSchema()));
    assertTrue(noSchema.getMessage().contains("not registered under subject " + subject));
  }

  @Test
  void shouldRefuseToSerializeAnUnregisteredSchemaInLookUpOnlyMode() {
    final WireFormatSerializer<ErpLoyaltyCardChange> serializer =
        WireFormatSerializer.specific(
            ErpLoyaltyCardChange.class, RecordPart.VALUE, newClient(), Registration.LOOK_UP_ONLY);

    assertThrows(
        UnknownSchemaException.class,
        () -> serializer.serialize("it-lookup-only", SerdeRecords.anErpCardChange("100200300")));
  }

  @Test
  void shouldRefuseAnIncompatibleSchemaOnceTheSubjectRequiresBackwardCompatibility() {
    // Given
    final String subject = "it-compat.cards-value";
    final Schema v1 = card(SchemaBuilder.record("Card").namespace("io.loyaltysync.it").fields());
    final Schema withDefault =
        card(
            SchemaBuilder.record("Card")
                .namespace("io.loyaltysync.it")
                .fields()
                .name("tier")
                .type()
                .stringType()
                .stringDefault("basic"));
    final Schema withoutDefault =
        card(
            SchemaBuilder.record("Card")
                .namespace("io.loyaltysync.it")
                .fields()
                .name("points")
                .type()
                .intType()
                .noDefault());
    final HttpSchemaRegistryClient client = newClient();
    assertTrue(client.compatible(subject, v1), "a subject with no versions accepts any schema");
    client.register(subject, v1);
    apicurio.requireBackwardCompatibility(subject);

    // When / Then
    assertTrue(client.compatible(subject, withDefault));
    assertFalse(client.compatible(subject, withoutDefault));
    final IncompatibleSchemaException refused =
        assertThrows(
            IncompatibleSchemaException.class, () -> client.register(subject, withoutDefault));
    assertTrue(refused.getMessage().contains(subject), refused.getMessage());
    final int v2 = client.register(subject, withDefault);
    assertEquals(withDefault, newClient().schemaById(v2));
  }

  @Test
  void shouldRoundTripARecordThroughTheWireFormat() {
    // Given: a producer and a consumer that share nothing but the registry
    final ErpLoyaltyCardChange change = SerdeRecords.anErpCardChange("100200300");
    final WireFormatSerializer<ErpLoyaltyCardChange> serializer =
        WireFormatSerializer.specific(
            ErpLoyaltyCardChange.class, RecordPart.VALUE, newClient(), Registration.AUTO_REGISTER);
    final WireFormatDeserializer<ErpLoyaltyCardChange> deserializer =
        WireFormatDeserializer.specific(ErpLoyaltyCardChange.class, newClient());

    // When
    final byte[] bytes = serializer.serialize("it-roundtrip.erp.loyalty-card.changes", change);
    final ErpLoyaltyCardChange read =
        deserializer.deserialize("it-roundtrip.erp.loyalty-card.changes", bytes);

    // Then
    assertEquals(change, read);
    final int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertEquals(
        id, newClient().lookup("it-roundtrip.erp.loyalty-card.changes-value", CARD_CHANGE));
  }

  @Test
  void shouldDeadLetterARecordWhoseSchemaIdTheRegistryDoesNotKnow() {
    // Given
    final byte[] bytes = ByteBuffer.allocate(6).put((byte) 0).putInt(987_654).put((byte) 2).array();
    final WireFormatDeserializer<ErpLoyaltyCardChange> deserializer =
        WireFormatDeserializer.specific(ErpLoyaltyCardChange.class, newClient());

    // When
    final UndecodableRecordException undecodable =
        assertThrows(
            UndecodableRecordException.class, () -> deserializer.deserialize("it-unknown", bytes));

    // Then
    assertEquals(ErrorCategory.UNKNOWN_SCHEMA, undecodable.category());
    assertEquals("schema id 987654 is not in the registry", undecodable.getCause().getMessage());
  }

  @Test
  void shouldSyncACardChangeThroughKafkaWithEverySchemaInTheRegistry() {
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        LiveSync sync = new LiveSync(kafka, "it-kafka", apicurio.ccompatUrl()).start()) {
      // Given an F&O card change written by a producer that shares nothing with the job but
      // Apicurio
      final Topics topics = sync.topics();
      final Topics.Topic<?> erpCards = topics.changes(Template.CARD, Side.ERP);
      final Topics.Topic<GenericRecord> crmCards = topics.records(Template.CARD, Side.CRM);
      final WireFormatSerializer<ErpLoyaltyCardChange> producerSide =
          WireFormatSerializer.specific(
              ErpLoyaltyCardChange.class,
              RecordPart.VALUE,
              newClient(),
              Registration.AUTO_REGISTER);
      final ErpLoyaltyCardChange change = SerdeRecords.anErpCardChange("100200300");

      // When it is published to the F&O card change topic
      sync.sendRaw(
          erpCards, LiveSync.utf8("100200300"), producerSide.serialize(erpCards.name(), change));

      // Then a writer reading committed records, with only Apicurio to decode them, gets the
      // Dataverse card
      final ConsumerRecord<String, byte[]> written =
          sync.readCommitted(List.of(crmCards), records -> !records.isEmpty(), "the mapped card")
              .get(0);
      final int id = ByteBuffer.wrap(written.value(), 1, 4).getInt();
      final Schema registered = newClient().schemaById(id);
      final GenericRecord card =
          WireFormatDeserializer.generic(registered, newClient())
              .deserialize(written.topic(), written.value());
      assertEquals("100200300", written.key());
      assertEquals("100200300", String.valueOf(card.get("msdyn_cardnumber")));
      assertEquals(806380001, card.get("msdyn_cardtendertype"), "asContactTender");
      assertEquals("004021", String.valueOf(card.get("msdyn_partynumber")));
      assertNull(card.get("msdyn_replacementcardnumber"), "F&O's empty string is no value");
      assertEquals("HOUSTON", String.valueOf(card.get("msdyn_operatingunitnumber")));
      assertEquals(LocalDate.of(2023, 3, 14), card.get("msdyn_enrollmentdate"));
      assertEquals(LocalDate.of(2023, 3, 13), card.get("msdyn_effectivedate"));
      assertEquals("ERP", String.valueOf(card.get("_sourceSystem")));
      assertEquals("tx-7", String.valueOf(card.get("_sourceTransactionId")));
      // And the schema behind the record's id is the one the job registered for the subject
      assertEquals(id, newClient().lookup(crmCards.name() + "-value", registered));
      assertEquals("msdyn_loyaltycards", registered.getProp("dataverseEntitySet"));
      // (Avro's record equality cannot compare dates inside unions: compared as JSON.)
      assertEquals(card.toString(), LiveSync.decode(crmCards, written).toString());
    }
  }

  private static Schema card(final SchemaBuilder.FieldAssembler<Schema> fields) {
    return fields.requiredString("cardNumber").endRecord();
  }
}
