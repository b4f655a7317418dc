package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.loyaltysync.config.SyncConfig;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistriesTest {

  @AfterEach
  void dropTestScope() {
    InMemorySchemaRegistry.dropScope("registries-test");
  }

  @Test
  void shouldServeAMockUrlFromTheSharedInMemoryRegistryOfItsScope() {
    final SchemaRegistryClient client =
        SchemaRegistries.forConfig(
            SyncConfig.from(Map.of("schema.registry.url", "mock://registries-test")));

    assertSame(InMemorySchemaRegistry.forUrl("mock://registries-test"), client);
  }

  @Test
  void shouldUseTheInMemoryRegistryByDefault() {
    assertInstanceOf(
        InMemorySchemaRegistry.class, SchemaRegistries.forConfig(SyncConfig.defaults()));
  }

  @Test
  void shouldTalkHttpToAnHttpUrlWithTheConfiguredCredentials() throws IOException {
    try (FakeRegistry registry = FakeRegistry.start()) {
      // Given
      registry.answer("POST", "/subjects/t-value", 200, "{\"id\":4}");
      final SyncConfig config =
          SyncConfig.from(
              Map.of(
                  "schema.registry.url", registry.url(),
                  "schema.registry.basic-auth.user-info", "sync:$ecret-pw",
                  "schema.registry.auto-register", "false"));

      // When
      final RegistrySerdes serdes = SchemaRegistries.serdesFor(config);
      final int id =
          serdes.registry().lookup("t-value", SerdeRecords.anErpCardChange("1").getSchema());

      // Then
      assertInstanceOf(HttpSchemaRegistryClient.class, serdes.registry());
      assertEquals(4, id);
      assertEquals("Basic c3luYzokZWNyZXQtcHc=", registry.calls().get(0).header("Authorization"));
      assertFalse(serdes.registry().toString().contains("$ecret-pw"));
    }
  }
}
