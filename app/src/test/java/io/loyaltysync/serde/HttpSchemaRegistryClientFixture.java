package io.loyaltysync.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltysync.avro.common.LoyaltyCardKey;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import java.io.IOException;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the {@link HttpSchemaRegistryClient} tests share: a {@link FakeRegistry} started before and
 * closed after each test, clients for it with and without credentials, and the schemas and secrets
 * they use. Each test class is one of the client's concerns.
 */
abstract class HttpSchemaRegistryClientFixture {

  static final Schema CARD_KEY = LoyaltyCardKey.getClassSchema();
  static final Schema CARD_CHANGE = ErpLoyaltyCardChange.getClassSchema();
  static final String SUBJECT = "erp.loyalty-card.changes-value";
  static final String USER_INFO = "loyalty-sync:n0t-to-be-$een";
  static final String PASSWORD = "n0t-to-be-$een";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final ObjectMapper json = new ObjectMapper();
  FakeRegistry registry;

  @BeforeEach
  void startRegistry() throws IOException {
    registry = FakeRegistry.start();
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  HttpSchemaRegistryClient client() {
    return new HttpSchemaRegistryClient(RegistryConnection.to(registry.url(), TIMEOUT));
  }

  HttpSchemaRegistryClient clientWithCredentials() {
    return new HttpSchemaRegistryClient(
        RegistryConnection.to(registry.url(), TIMEOUT).withBasicAuth(USER_INFO));
  }

  /** The schema a call to the registry carried in its JSON body. */
  String sentSchema(final FakeRegistry.Call call) throws IOException {
    return json.readTree(call.body()).get("schema").asText();
  }
}
