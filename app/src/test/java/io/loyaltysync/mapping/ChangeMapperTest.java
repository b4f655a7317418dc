package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.ChangeEvents.cardKey;
import static io.loyaltysync.mapping.ChangeEvents.levelKey;
import static io.loyaltysync.mapping.ChangeEvents.rewardPointKey;
import static io.loyaltysync.mapping.MapFiles.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.avro.error.ErrorCategory;
import io.loyaltysync.mapping.ChangeEvents.ChangeEvent;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Change events of either feed, for every template: deletes by normalised key, upserts by the row's
 * own key, and events that cannot be trusted rejected rather than guessed at.
 */
class ChangeMapperTest {

  /** Every template, each way. */
  static Stream<Arguments> feeds() {
    return Arrays.stream(Template.values())
        .flatMap(t -> Arrays.stream(Direction.values()).map(d -> Arguments.of(t, d)));
  }

  private static ChangeMapper mapper(final Template template, final Direction direction) {
    return MapFiles.BUNDLED.current(template).changes(direction);
  }

  /** An event on the source side's feed of {@code direction}. */
  private static ChangeEvent event(final Template template, final Direction direction) {
    return direction.source() == Side.ERP
        ? ChangeEvents.anErpChange(template)
        : ChangeEvents.aCrmChange(template);
  }

  /** A valid row of the source side; its key is {@link #key}. */
  private static IndexedRecord row(final Template template, final Side side) {
    return switch (template) {
      case CARD ->
          side == Side.ERP ? CardRecords.anErpCard().build() : CardRecords.aCrmCard().build();
      case LEVEL ->
          side == Side.ERP ? LevelRecords.anErpLevel().build() : LevelRecords.aCrmLevel().build();
      case REWARD_POINT ->
          side == Side.ERP
              ? RewardPointRecords.anErpRewardPoint().build()
              : RewardPointRecords.aCrmRewardPoint().build();
    };
  }

  /** The normalised key of {@link #row}. */
  private static IndexedRecord key(final Template template) {
    return switch (template) {
      case CARD -> cardKey("100200300");
      case LEVEL -> levelKey("usmf", "GOLD");
      case REWARD_POINT -> rewardPointKey("POINTS");
    };
  }

  /** The same key as a feed may send it: padded, the company in upper case. */
  private static IndexedRecord untidyKey(final Template template) {
    return switch (template) {
      case CARD -> cardKey(" 100200300  ");
      case LEVEL -> levelKey(" USMF", "GOLD ");
      case REWARD_POINT -> rewardPointKey("POINTS ");
    };
  }

  /** Another row's key. */
  private static IndexedRecord otherKey(final Template template) {
    return switch (template) {
      case CARD -> cardKey("100200301");
      case LEVEL -> levelKey("demf", "GOLD");
      case REWARD_POINT -> rewardPointKey("DOLLARS");
    };
  }

  private static IndexedRecord blankKey(final Template template) {
    return switch (template) {
      case CARD -> cardKey("  ");
      case LEVEL -> levelKey("usmf", "");
      case REWARD_POINT -> rewardPointKey("");
    };
  }

  // ---- deletes ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldDeleteTheNormalisedKeyOfADeleteWithAKey(
      final Template template, final Direction direction) throws RecordRejectedException {
    // Given
    final IndexedRecord delete =
        event(template, direction).withOp(Operation.DELETE).withKey(untidyKey(template)).build();

    // When
    final MappedChange change = mapper(template, direction).map(delete);

    // Then
    assertTrue(change.isDelete());
    assertEquals(key(template), change.key());
    assertNull(change.value());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldRejectADeleteWithNeitherKeyNorRow(final Template template, final Direction direction) {
    final IndexedRecord delete = event(template, direction).withOp(Operation.DELETE).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> mapper(template, direction).map(delete),
        "key: required for DELETE");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldRejectADeleteWhoseKeyIsBlank(final Template template, final Direction direction) {
    final IndexedRecord delete =
        event(template, direction).withOp(Operation.DELETE).withKey(blankKey(template)).build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> mapper(template, direction).map(delete),
        "key.",
        "required, part of the key");
  }

  // ---- upserts -------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldUpsertTheMappedRowUnderItsOwnNormalisedKey(
      final Template template, final Direction direction) throws RecordRejectedException {
    // Given
    final IndexedRecord row = row(template, direction.source());
    final IndexedRecord update = event(template, direction).withAfter(row).build();

    // When
    final MappedChange change = mapper(template, direction).map(update);

    // Then
    assertFalse(change.isDelete());
    assertEquals(Operation.UPDATE, change.operation());
    assertEquals(key(template), change.key());
    assertEquals(MapFiles.BUNDLED.current(template).records(direction).map(row), change.value());
    assertEquals(SourceSystem.valueOf(direction.source().name()), change.source().getSystem());
    assertEquals(ChangeEvents.CHANGED_AT, change.source().getTimestamp());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldAcceptADeclaredKeyThatMatchesTheRowOnceNormalised(
      final Template template, final Direction direction) throws RecordRejectedException {
    final IndexedRecord update =
        event(template, direction)
            .withKey(untidyKey(template))
            .withAfter(row(template, direction.source()))
            .build();

    assertEquals(key(template), mapper(template, direction).map(update).key());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldRejectAnUpsertWhoseKeyIsNotTheKeyOfItsRow(
      final Template template, final Direction direction) {
    final IndexedRecord update =
        event(template, direction)
            .withKey(otherKey(template))
            .withAfter(row(template, direction.source()))
            .build();

    assertRejected(
        ErrorCategory.VALIDATION,
        () -> mapper(template, direction).map(update),
        "key:",
        "does not match the row's key");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Operation.class,
      names = {"CREATE", "UPDATE", "SNAPSHOT"})
  void shouldRejectAnUpsertWithoutARow(final Operation op) {
    for (final Template template : Template.values()) {
      for (final Direction direction : Direction.values()) {
        final IndexedRecord event =
            event(template, direction).withOp(op).withKey(key(template)).build();

        assertRejected(
            ErrorCategory.VALIDATION,
            () -> mapper(template, direction).map(event),
            "after: required for " + op);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldMapASnapshotRowLikeAnUpsert(final Template template, final Direction direction)
      throws RecordRejectedException {
    // Given
    final IndexedRecord row = row(template, direction.source());
    final IndexedRecord snapshot =
        event(template, direction).withOp(Operation.SNAPSHOT).withAfter(row).build();
    final IndexedRecord create =
        event(template, direction).withOp(Operation.CREATE).withAfter(row).build();

    // When
    final MappedChange fromSnapshot = mapper(template, direction).map(snapshot);
    final MappedChange fromCreate = mapper(template, direction).map(create);

    // Then: the same key and row; only the operation says it was read, not edited
    assertFalse(fromSnapshot.isDelete());
    assertEquals(Operation.SNAPSHOT, fromSnapshot.operation());
    assertNotNull(fromSnapshot.value());
    assertEquals(fromCreate.key(), fromSnapshot.key());
    assertEquals(fromCreate.value(), fromSnapshot.value());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldRejectAnEventFromTheOtherSystemOnThisFeed(
      final Template template, final Direction direction) {
    // Given: an F&O change on the Dataverse feed, or the other way round
    final SourceSystem wrong = SourceSystem.valueOf(direction.target().name());
    final IndexedRecord update =
        event(template, direction)
            .madeIn(wrong)
            .withAfter(row(template, direction.source()))
            .build();

    // When / Then
    assertRejected(
        ErrorCategory.VALIDATION,
        () -> mapper(template, direction).map(update),
        "source.system: " + wrong,
        direction.label());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void shouldRejectADeleteFromTheOtherSystemOnThisFeed(
      final Template template, final Direction direction) {
    final IndexedRecord delete =
        event(template, direction)
            .madeIn(SourceSystem.valueOf(direction.target().name()))
            .withOp(Operation.DELETE)
            .withKey(key(template))
            .build();

    assertRejected(
        ErrorCategory.VALIDATION, () -> mapper(template, direction).map(delete), "source.system");
  }

  @ParameterizedTest(name = "{0} without {1}")
  @CsvSource({"CARD, CARDNUMBER", "LEVEL, LEVELPHRASE", "REWARD_POINT, REWARDPOINTID"})
  void shouldRejectAnUpsertWhoseRowHasNoKey(final Template template, final String keyField) {
    // Given
    final SpecificRecordBase row = (SpecificRecordBase) row(template, Side.ERP);
    row.put(keyField, "");
    final IndexedRecord update = ChangeEvents.anErpChange(template).withAfter(row).build();

    // When / Then
    assertRejected(
        ErrorCategory.VALIDATION,
        () -> mapper(template, Direction.ERP_TO_CRM).map(update),
        keyField,
        "required");
  }
}
