package io.loyaltysync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.bench.GeneratedEvent.Kind;
import io.loyaltysync.cli.Main;
import io.loyaltysync.mapping.ChangeMapper;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.MapRegistry;
import io.loyaltysync.mapping.MappedChange;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.EchoMatching;
import io.loyaltysync.sync.Stamp;
import io.loyaltysync.sync.SyncEngine;
import io.loyaltysync.sync.SyncInput;
import io.loyaltysync.sync.SyncResult;
import io.loyaltysync.sync.SyncState;
import io.loyaltysync.topology.KeyText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's events: valid for the job, realistic in size, and mixed at the asked rates. */
class ChangeEventGeneratorTest {

  private static final String MARKER = "loyalty-sync";
  private static final int EVENTS = 40_000;
  private static final int KEYS = 4_000;

  private static Map<Template, CompiledMap> maps;

  @BeforeAll
  static void loadMaps() {
    Main.trustOurAvroPackage();
    maps = new EnumMap<>(Template.class);
    for (final Template template : Template.values()) {
      maps.put(template, MapRegistry.bundled().current(template));
    }
  }

  @Test
  void shouldMakeOnlyEventsTheJobAcceptsKeyedByTheRowsNormalisedKey() throws Exception {
    // Given a generator
    final ChangeEventGenerator generator = generator(0.3, 0.02, 1);

    // When the job's own mapper reads each event
    for (int i = 0; i < EVENTS; i++) {
      final GeneratedEvent event = generator.next(1_000 + i);
      final MappedChange change = mapper(event).map(event.value());

      // Then none is rejected, and the record key is the row's normalised key
      assertEquals(KeyText.of(change.key()), event.key(), event.toString());
    }
  }

  @Test
  void shouldKeepEveryFieldWithinTheLimitsOfMapsMd() {
    final ChangeEventGenerator generator = generator(0.3, 0.02, 2);
    for (int i = 0; i < EVENTS; i++) {
      final GeneratedEvent event = generator.next(i);
      final IndexedRecord after = after(event);
      switch (event.template()) {
        case CARD -> {
          assertAtMost(30, after, event.side() == Side.ERP ? "CARDNUMBER" : "msdyn_cardnumber");
          assertAtMost(40, after, event.side() == Side.ERP ? "PARTYNUMBER" : "msdyn_partynumber");
          assertAtMost(
              8,
              after,
              event.side() == Side.ERP ? "OMOPERATINGUNITNUMBER" : "msdyn_operatingunitnumber");
          assertTrue(event.key().length() >= 16, event.key());
        }
        case REWARD_POINT ->
            assertAtMost(
                64, after, event.side() == Side.ERP ? "REWARDPOINTID" : "msdyn_rewardpointid");
        case LEVEL -> assertTrue(event.key().indexOf('|') <= 4, event.key());
      }
    }
  }

  @Test
  void shouldMixEchoesAndConflictsAtTheAskedShareOfAllEvents() {
    // Given rates of 30% echoes and 2% conflicting edits
    final ChangeEventGenerator generator = generator(0.3, 0.02, 3);

    // When it makes many events
    for (int i = 0; i < EVENTS; i++) {
      generator.next(i);
    }

    // Then the shares are as asked, within sampling noise
    final Map<Kind, Long> counts = generator.counts();
    assertEquals(EVENTS, counts.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(0.30, share(counts, Kind.ECHO), 0.015, counts.toString());
    assertEquals(0.02, share(counts, Kind.CONFLICT), 0.004, counts.toString());
    assertTrue(counts.get(Kind.CREATE) <= KEYS, counts.toString());
  }

  @Test
  void shouldTouchEachTemplatesShareOfTheRowsAndNoMore() {
    final ChangeEventGenerator generator = generator(0.3, 0.01, 4);
    final Map<Template, Set<String>> keys = new EnumMap<>(Template.class);
    for (int i = 0; i < EVENTS; i++) {
      final GeneratedEvent event = generator.next(i);
      keys.computeIfAbsent(event.template(), t -> new HashSet<>()).add(event.key());
    }
    int total = 0;
    for (final Template template : Template.values()) {
      final int rows = ChangeEventGenerator.rowsOf(template, KEYS);
      assertTrue(keys.get(template).size() <= rows, template + ": " + keys.get(template).size());
      total += rows;
    }
    assertEquals(KEYS, total);
    assertEquals(2_800, ChangeEventGenerator.rowsOf(Template.CARD, KEYS));
  }

  @Test
  void shouldStampTheOriginMarkerOnEchoesOnlyAndKeepEachFeedInTimeOrder() {
    final ChangeEventGenerator generator = generator(0.3, 0.02, 5);
    final Map<String, Long> lastSequence = new HashMap<>();
    for (int i = 0; i < EVENTS; i++) {
      final GeneratedEvent event = generator.next(10_000 - i % 7); // a clock that stutters
      final SourceMetadata source = source(event);
      if (event.kind() == Kind.ECHO) {
        assertEquals(MARKER, source.getOrigin());
      } else {
        assertNull(source.getOrigin());
      }
      final String feed = event.template() + "/" + event.side();
      final Long previous = lastSequence.put(feed, source.getSequence());
      assertTrue(previous == null || previous < source.getSequence(), feed);
      assertEquals(event.timestampMillis(), source.getTimestamp().toEpochMilli());
    }
  }

  @Test
  void shouldMakeEchoesTheJobRecognisesByTheirValuesAloneAndConflictsItAudits() throws Exception {
    // Given the generator's events, and the job's sync rules blind to the origin marker
    final ChangeEventGenerator generator = generator(0.3, 0.02, 6);
    final Map<Template, SyncEngine> engines = new EnumMap<>(Template.class);
    maps.forEach(
        (template, map) ->
            engines.put(
                template,
                new SyncEngine(
                    map,
                    map.definition().conflictPolicy(),
                    map.definition().initialSyncMaster(),
                    16,
                    EchoMatching.MARKER_OR_MATCH)));
    final Map<String, SyncState> states = new HashMap<>();
    int echoes = 0;
    int recognised = 0;
    int conflicts = 0;
    int audited = 0;

    // When the rules take every event in order
    for (int i = 0; i < EVENTS; i++) {
      final GeneratedEvent event = generator.next(1_000_000 + i);
      final MappedChange change = mapper(event).map(event.value());
      final SyncEngine engine = engines.get(event.template());
      final SyncState state =
          states.computeIfAbsent(event.template() + "/" + event.key(), k -> engine.newState());
      final SyncResult result =
          engine.apply(
              state,
              new SyncInput(
                  event.side(),
                  change.operation(),
                  change.sourceImage(),
                  change.value().record(),
                  new Stamp(event.timestampMillis(), change.source().getSequence()),
                  false,
                  0),
              event.key());
      if (event.kind() == Kind.ECHO) {
        echoes++;
        recognised += result.outcome() == SyncResult.Outcome.ECHO ? 1 : 0;
      }
      if (event.kind() == Kind.CONFLICT) {
        conflicts++;
        audited +=
            result.audits().stream().anyMatch(a -> a.getType() == AuditType.CONFLICT) ? 1 : 0;
      }
    }

    // Then almost every echo carries exactly what the job wrote (the few others depart from the
    // generator's simple model of a row, and are echoes by their origin marker all the same), and
    // almost every conflicting edit is audited as a conflict
    assertTrue(recognised >= 0.95 * echoes, recognised + " of " + echoes + " echoes");
    assertTrue(audited >= 0.9 * conflicts, audited + " of " + conflicts + " conflicts");
  }

  @Test
  void shouldMakeDistinctSnapshotCardsOfRealisticSize() throws Exception {
    final InitialSyncCards cards = new InitialSyncCards(7);
    final Set<String> keys = new HashSet<>();
    final List<Integer> lengths = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      final GeneratedEvent card = cards.card(i, 1_000);
      final MappedChange change = mapper(card).map(card.value());
      assertEquals(KeyText.of(change.key()), card.key());
      assertTrue(keys.add(card.key()), card.key());
      assertNotNull(change.value());
      lengths.add(card.key().length());
    }
    assertTrue(lengths.stream().allMatch(length -> length >= 16 && length <= 30));
  }

  @Test
  void shouldNumberKeysWithoutCollisionsAcrossShapes() {
    for (final Template template : Template.values()) {
      final Set<String> keys = new HashSet<>();
      for (int i = 0; i < 200_000; i++) {
        assertTrue(keys.add(BenchKeys.keyText(template, i)), template + " " + i);
      }
    }
  }

  private static ChangeEventGenerator generator(
      final double echoRate, final double conflictRate, final long seed) {
    return new ChangeEventGenerator(maps, KEYS, echoRate, conflictRate, MARKER, seed);
  }

  private static ChangeMapper mapper(final GeneratedEvent event) {
    return maps.get(event.template())
        .changes(event.side() == Side.ERP ? Direction.ERP_TO_CRM : Direction.CRM_TO_ERP);
  }

  private static IndexedRecord after(final GeneratedEvent event) {
    return (IndexedRecord) event.value().get(event.value().getSchema().getField("after").pos());
  }

  private static SourceMetadata source(final GeneratedEvent event) {
    return (SourceMetadata) event.value().get(event.value().getSchema().getField("source").pos());
  }

  private static void assertAtMost(
      final int limit, final IndexedRecord record, final String field) {
    final Object value = record.get(record.getSchema().getField(field).pos());
    if (value != null) {
      assertTrue(value.toString().length() <= limit, field + " = " + value);
    }
  }

  private static double share(final Map<Kind, Long> counts, final Kind kind) {
    return (double) counts.get(kind) / EVENTS;
  }
}
