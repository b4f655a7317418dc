package io.loyaltysync.serde;

import static io.loyaltysync.serde.SerdeRecords.anErpCardChange;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** One serde instance serves every stream thread of an instance, so it must be thread-safe. */
class ConcurrentSerdeTest {

  private static final String TOPIC = "erp.loyalty-card";
  private static final int THREADS = 4;
  private static final int RECORDS = 2_000;

  @Test
  void shouldRoundTripEveryRecordWhenStreamThreadsShareOneAvroBinarySerde() throws Exception {
    final AvroBinarySerde<ErpLoyaltyCardChange> reference =
        AvroBinarySerde.of(ErpLoyaltyCardChange.class);

    assertRoundTripsOnSeveralThreads(AvroBinarySerde.of(ErpLoyaltyCardChange.class), reference);
  }

  @Test
  void shouldRoundTripEveryRecordWhenStreamThreadsShareOneWireFormatSerde() throws Exception {
    // Given: a shared serde used for the first time by all threads at once
    final Registries.Counting registry = new Registries.Counting();
    final WireFormatSerde<ErpLoyaltyCardChange> reference = cardChanges(registry);
    final WireFormatSerde<ErpLoyaltyCardChange> shared = cardChanges(registry);

    // When
    assertRoundTripsOnSeveralThreads(shared, reference);

    // Then: threads racing on a new schema may each ask the registry, once, never per record
    assertTrue(registry.registers.get() <= 1 + THREADS, registry.registers + " registrations");
    assertTrue(registry.schemaByIds.get() <= 1 + THREADS, registry.schemaByIds + " id look-ups");
  }

  /**
   * Encodes records of very different sizes with {@code reference} on this thread, then has several
   * threads, started together, each work through all of them with {@code shared} from its own
   * offset, checking every encoding byte for byte and every decoding for equality.
   */
  private static void assertRoundTripsOnSeveralThreads(
      final Serde<ErpLoyaltyCardChange> shared, final Serde<ErpLoyaltyCardChange> reference)
      throws Exception {
    final List<ErpLoyaltyCardChange> records = new ArrayList<>();
    final List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      final ErpLoyaltyCardChange record = anErpCardChange("card-" + i + "x".repeat(i % 300));
      records.add(record);
      expected.add(reference.serializer().serialize(TOPIC, record));
    }
    final Serializer<ErpLoyaltyCardChange> serializer = shared.serializer();
    final Deserializer<ErpLoyaltyCardChange> deserializer = shared.deserializer();
    final CountDownLatch start = new CountDownLatch(1);
    final List<Callable<Integer>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      final int offset = t * 487;
      work.add(
          () -> {
            start.await();
            for (int i = 0; i < RECORDS; i++) {
              final int n = (offset + i) % RECORDS;
              assertArrayEquals(expected.get(n), serializer.serialize(TOPIC, records.get(n)));
              assertEquals(records.get(n), deserializer.deserialize(TOPIC, expected.get(n)));
            }
            return RECORDS;
          });
    }
    final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    int checked = 0;
    try {
      final List<Future<Integer>> results = new ArrayList<>();
      for (final Callable<Integer> job : work) {
        results.add(pool.submit(job));
      }
      start.countDown();
      for (final Future<Integer> result : results) {
        checked += result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(THREADS * RECORDS, checked);
  }

  private static WireFormatSerde<ErpLoyaltyCardChange> cardChanges(
      final SchemaRegistryClient registry) {
    return WireFormatSerde.specific(
        ErpLoyaltyCardChange.class, RecordPart.VALUE, registry, Registration.AUTO_REGISTER);
  }
}
