package io.loyaltysync.config;

import static io.loyaltysync.config.ConfigRefusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.EchoMatching;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SyncConfig in general: parsing durations, policies and sides (and their defaults), the bounds of
 * a duration, every bad value refused in one message naming each option, and every option
 * documented. Topic names are in TopicConfigTest, the Kafka connection and kafka.* options in
 * KafkaConfigTest, the schema registry's options in SchemaRegistryConfigTest.
 */
class SyncConfigTest {

  @Test
  void shouldParseDurationsPoliciesAndSides() {
    final SyncConfig config =
        SyncConfig.from(
            Map.of(
                "sync.tombstone-retention", "36h",
                "lookup.park-timeout", "PT90M",
                "lookup.release-interval", "250ms",
                "sync.card.conflict-policy", "crm-wins",
                "sync.level.initial-sync-master", "crm",
                "sync.echo-matching", "marker-only"));

    assertEquals(Duration.ofHours(36), config.tombstoneRetention());
    assertEquals(Duration.ofMinutes(90), config.parkTimeout());
    assertEquals(Duration.ofMillis(250), config.releaseInterval());
    assertEquals(Optional.of(ConflictPolicy.CRM_WINS), config.conflictPolicy(Template.CARD));
    assertEquals(Optional.empty(), config.conflictPolicy(Template.LEVEL));
    assertEquals(Optional.of(Side.CRM), config.initialSyncMaster(Template.LEVEL));
    assertEquals(EchoMatching.MARKER_ONLY, config.echoMatching());
    assertEquals(
        EchoMatching.MARKER_OR_MATCH, SyncConfig.from(Map.of()).echoMatching(), "the default");
  }

  @Test
  void shouldRefuseEveryBadValueInOneMessageNamingEachOption() {
    assertRefused(
        Map.of(
            "sync.tombstone-retention", "a week",
            "processing.guarantee", "exactly_once",
            "topic.audit", "audit topic",
            "sync.card.conflict-policy", "newest-wins",
            "num.stream.threads", "0",
            "sync.echo-matching", "exact",
            "colour", "blue"),
        "sync.tombstone-retention: 'a week' is not a duration",
        "processing.guarantee: 'exactly_once' is not exactly_once_v2",
        "topic.audit: 'audit topic' is not a valid Kafka topic name",
        "sync.card.conflict-policy: 'newest-wins' is not last-writer-wins",
        "num.stream.threads: must be at least 1 (was 0)",
        "sync.echo-matching: 'exact' is neither marker-or-match nor marker-only",
        "unknown option 'colour'");
  }

  @Test
  void shouldRefuseDurationsTooLongToCountInMilliseconds() {
    final String tooLong = " is too long a duration (at most 106751991167d)";
    assertRefused(
        Map.of(
            "sync.tombstone-retention", "9999999999999d",
            "sync.tombstone-purge-interval", "99999999999999999999ms",
            "lookup.park-timeout", "PT9999999999999999H",
            "lookup.release-interval", "P9999999999999D",
            "schema.registry.request-timeout", "999999999999999999h"),
        "sync.tombstone-retention: '9999999999999d'" + tooLong,
        "sync.tombstone-purge-interval: '99999999999999999999ms'" + tooLong,
        "lookup.park-timeout: 'PT9999999999999999H'" + tooLong,
        "lookup.release-interval: 'P9999999999999D'" + tooLong,
        "schema.registry.request-timeout: '999999999999999999h'" + tooLong);
    assertRefused(
        Map.of("sync.tombstone-retention", "106751991168d"),
        "'106751991168d' is too long a duration");
    assertEquals(
        Duration.ofDays(106_751_991_167L),
        SyncConfig.from(Map.of("sync.tombstone-retention", "106751991167d")).tombstoneRetention(),
        "the longest that counts in milliseconds");
  }

  @Test
  void shouldRefuseDurationsUnderAMillisecond() {
    // Kafka Streams schedules the intervals in whole milliseconds, at least 1; the job compares
    // the retention and the timeouts in milliseconds, so under 1 they would be 0: no time at all.
    assertRefused(
        Map.of(
            "sync.tombstone-purge-interval", "PT0.0001S",
            "lookup.release-interval", "0ms",
            "sync.tombstone-retention", "PT0.000999S",
            "lookup.park-timeout", "0s",
            "schema.registry.request-timeout", "PT-1S"),
        "sync.tombstone-purge-interval: must be at least 1ms (was PT0.0001S)",
        "lookup.release-interval: must be at least 1ms (was 0ms)",
        "sync.tombstone-retention: must be at least 1ms (was PT0.000999S)",
        "lookup.park-timeout: must be at least 1ms (was 0s)",
        "schema.registry.request-timeout: must be at least 1ms (was PT-1S)");
    assertEquals(
        Duration.ofMillis(1),
        SyncConfig.from(Map.of("lookup.release-interval", "1ms")).releaseInterval(),
        "the shortest");
  }

  @Test
  void shouldDocumentEveryOption() {
    for (final Option<?> option : SyncConfig.documented()) {
      assertTrue(!option.doc().isBlank(), option.name());
    }
  }
}
