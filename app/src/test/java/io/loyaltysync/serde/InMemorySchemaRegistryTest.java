package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.common.LoyaltyLevelKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

  private static final Schema CARD_KEY = LoyaltyCardKey.getClassSchema();
  private static final Schema LEVEL_KEY = LoyaltyLevelKey.getClassSchema();

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @AfterEach
  void dropTestScopes() {
    InMemorySchemaRegistry.dropScope("registry-test-a");
    InMemorySchemaRegistry.dropScope("registry-test-b");
  }

  @Test
  void shouldGiveTheSameSchemaUnderTwoSubjectsOneId() {
    // When
    final int underCards = registry.register("erp.loyalty-card-key", CARD_KEY);
    final int underChanges = registry.register("crm.loyalty-card-key", CARD_KEY);

    // Then
    assertEquals(underCards, underChanges);
    assertEquals(underCards, registry.lookup("crm.loyalty-card-key", CARD_KEY));
  }

  @Test
  void shouldGiveADifferentSchemaADifferentId() {
    assertNotEquals(registry.register("a-key", CARD_KEY), registry.register("b-key", LEVEL_KEY));
  }

  @Test
  void shouldReturnTheExistingIdWhenASchemaIsRegisteredAgain() {
    final int first = registry.register("erp.loyalty-card-key", CARD_KEY);

    assertEquals(first, registry.register("erp.loyalty-card-key", CARD_KEY));
  }

  @Test
  void shouldGiveASchemaThatDiffersOnlyInItsDocsTheSameId() {
    // Given: the same schema as parsed from its .avsc text, where docs may be reworded
    final Schema reworded =
        new Schema.Parser().parse(CARD_KEY.toString().replace("trimmed", "cut"));

    // Then
    assertEquals(registry.register("a-key", CARD_KEY), registry.register("b-key", reworded));
  }

  @Test
  void shouldReturnTheSchemaRegisteredUnderAnId() {
    final int id = registry.register("erp.loyalty-card-key", CARD_KEY);

    assertEquals(CARD_KEY, registry.schemaById(id));
  }

  @Test
  void shouldReportAnIdItNeverGaveAsUnknown() {
    registry.register("erp.loyalty-card-key", CARD_KEY);

    final UnknownSchemaException unknown =
        assertThrows(UnknownSchemaException.class, () -> registry.schemaById(42));
    assertEquals("schema id 42 is not in the registry", unknown.getMessage());
    assertThrows(UnknownSchemaException.class, () -> registry.schemaById(0));
  }

  @Test
  void shouldNotFindInLookUpASchemaThatWasNeverRegisteredUnderThatSubject() {
    // Given: the schema is known, but under another subject
    registry.register("erp.loyalty-card-key", CARD_KEY);

    // Then
    assertThrows(
        UnknownSchemaException.class, () -> registry.lookup("crm.loyalty-card-key", CARD_KEY));
    assertThrows(
        UnknownSchemaException.class, () -> registry.lookup("erp.loyalty-card-key", LEVEL_KEY));
  }

  @Test
  void shouldRefuseToRegisterAFieldAddedWithoutADefault() {
    // Given
    registry.register("erp.loyalty-card-key", CARD_KEY);
    final Schema withRequiredField = cardKeyWith(SchemaBuilder.builder().stringType(), false);

    // When
    final IncompatibleSchemaException refused =
        assertThrows(
            IncompatibleSchemaException.class,
            () -> registry.register("erp.loyalty-card-key", withRequiredField));

    // Then: the reason names the rule and where it breaks, and nothing was registered
    assertTrue(refused.getMessage().contains("READER_FIELD_MISSING_DEFAULT"), refused.getMessage());
    assertTrue(refused.getMessage().contains("company"), refused.getMessage());
    assertFalse(registry.compatible("erp.loyalty-card-key", withRequiredField));
    assertThrows(
        UnknownSchemaException.class,
        () -> registry.lookup("erp.loyalty-card-key", withRequiredField));
  }

  @Test
  void shouldRegisterAFieldAddedWithADefaultAsANewId() {
    // Given
    final int v1 = registry.register("erp.loyalty-card-key", CARD_KEY);
    final Schema withDefault = cardKeyWith(SchemaBuilder.builder().stringType(), true);

    // When
    assertTrue(registry.compatible("erp.loyalty-card-key", withDefault));
    final int v2 = registry.register("erp.loyalty-card-key", withDefault);

    // Then: both versions stay readable by id
    assertNotEquals(v1, v2);
    assertEquals(CARD_KEY, registry.schemaById(v1));
    assertEquals(withDefault, registry.schemaById(v2));
  }

  @Test
  void shouldFindAnySchemaCompatibleWithASubjectThatHasNoVersions() {
    assertTrue(registry.compatible("nothing-yet-value", CARD_KEY));
  }

  @Test
  void shouldShareOneRegistryPerMockScope() {
    // When
    final InMemorySchemaRegistry producerSide =
        InMemorySchemaRegistry.forUrl("mock://registry-test-a");
    final InMemorySchemaRegistry streamsSide =
        InMemorySchemaRegistry.forUrl("mock://registry-test-a");
    final int id = producerSide.register("erp.loyalty-card-key", CARD_KEY);

    // Then
    assertSame(producerSide, streamsSide);
    assertEquals(CARD_KEY, streamsSide.schemaById(id));
  }

  @Test
  void shouldKeepMockScopesApart() {
    // Given
    final int id =
        InMemorySchemaRegistry.forUrl("mock://registry-test-a").register("a-key", CARD_KEY);

    // Then
    final InMemorySchemaRegistry other = InMemorySchemaRegistry.forUrl("mock://registry-test-b");
    assertThrows(UnknownSchemaException.class, () -> other.schemaById(id));
  }

  @Test
  void shouldStartAScopeAfreshOnceItIsDropped() {
    // Given
    final InMemorySchemaRegistry before = InMemorySchemaRegistry.forUrl("mock://registry-test-a");
    final int id = before.register("a-key", CARD_KEY);

    // When
    InMemorySchemaRegistry.dropScope("registry-test-a");

    // Then
    final InMemorySchemaRegistry after = InMemorySchemaRegistry.forUrl("mock://registry-test-a");
    assertNotSame(before, after);
    assertThrows(UnknownSchemaException.class, () -> after.schemaById(id));
  }

  @Test
  void shouldRefuseAUrlThatDoesNotNameAMockScope() {
    assertThrows(
        IllegalArgumentException.class,
        () -> InMemorySchemaRegistry.forUrl("http://registry:8081"));
    assertThrows(IllegalArgumentException.class, () -> InMemorySchemaRegistry.forUrl("mock://"));
    assertThrows(IllegalArgumentException.class, () -> InMemorySchemaRegistry.forUrl("mock://a/b"));
    assertTrue(InMemorySchemaRegistry.isMockUrl("mock://a"));
    assertFalse(InMemorySchemaRegistry.isMockUrl("https://registry:8081"));
  }

  @Test
  void shouldGiveEveryThreadTheSameIdsWhenTheyRegisterConcurrently() throws Exception {
    // Given: twenty distinct schemas, registered by four threads under their own subjects
    final List<Schema> schemas = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      schemas.add(SchemaBuilder.record("R" + i).fields().requiredString("f").endRecord());
    }
    final List<Callable<List<Integer>>> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      final String subject = "thread-" + t + "-value";
      threads.add(
          () -> schemas.stream().map(s -> registry.register(subject + s.getName(), s)).toList());
    }

    // When
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final List<List<Integer>> results = new ArrayList<>();
    try {
      for (final Future<List<Integer>> result : pool.invokeAll(threads)) {
        results.add(result.get());
      }
    } finally {
      pool.shutdownNow();
    }

    // Then: one id per schema, the same in every thread, and no id given twice
    assertEquals(1, Set.copyOf(results).size());
    assertEquals(20, results.get(0).stream().collect(Collectors.toSet()).size());
  }

  /** LoyaltyCardKey with a second field, {@code company}, with or without a default. */
  private static Schema cardKeyWith(final Schema type, final boolean withDefault) {
    final SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(CARD_KEY.getFullName()).fields().requiredString("cardNumber");
    final SchemaBuilder.FieldAssembler<Schema> all =
        withDefault
            ? fields.name("company").type(type).withDefault("")
            : fields.name("company").type(type).noDefault();
    return all.endRecord();
  }
}
