package io.loyaltysync.mapping;

import static io.loyaltysync.mapping.CardRecords.anErpCard;
import static io.loyaltysync.mapping.MapFiles.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loyaltysync.avro.crm.MsdynLoyaltyCard;
import io.loyaltysync.avro.erp.RetailLoyaltyCardEntity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Map versioning, proven on the card map: 1.0 is the oldest published six-row revision, 1.1 the
 * current map with LOYALTYENROLLMENTDATELOCAL added.
 */
class MapVersionTest {

  private static final CompiledMap V1_0 = MapFiles.BUNDLED.version(Template.CARD, "1.0");
  private static final CompiledMap V1_1 = MapFiles.BUNDLED.version(Template.CARD, "1.1");

  @Test
  void shouldBundleBothCardVersionsOldestFirst() {
    assertEquals(List.of("1.0", "1.1"), MapFiles.BUNDLED.versions(Template.CARD));
  }

  @Test
  void shouldMakeTheNewestCardVersionTheCurrentMap() {
    assertEquals("1.1", MapFiles.BUNDLED.current(Template.CARD).version());
  }

  @Test
  void shouldSelectTheOldCardVersionByItsNumber() {
    assertEquals("1.0", V1_0.version());
    assertEquals(Template.CARD, V1_0.template());
    assertEquals(6, V1_0.definition().rows().size());
    assertEquals(7, V1_1.definition().rows().size());
  }

  @Test
  void shouldDifferFromTheOldCardVersionExactlyByTheLocalEnrollmentDate() {
    // Given
    final List<String> added = describe(V1_1.definition().rows());
    final List<String> old = describe(V1_0.definition().rows());

    // When
    added.removeAll(old);

    // Then
    assertEquals(List.of("LOYALTYENROLLMENTDATELOCAL = msdyn_effectivedate"), added);
    assertTrue(describe(V1_1.definition().rows()).containsAll(old));
    for (int i = 0; i < old.size(); i++) {
      assertEquals(
          V1_0.definition().rows().get(i).valueMap(),
          V1_1.definition().rows().get(i).valueMap(),
          old.get(i));
    }
  }

  @Test
  void shouldNeitherReadNorWriteTheLocalEnrollmentDateWithTheOldCardVersion()
      throws RecordRejectedException {
    // Given
    final RetailLoyaltyCardEntity erp =
        anErpCard().withEnrollmentDateLocal(LocalDate.of(2022, 1, 2)).build();

    // When
    final MappedRecord old = V1_0.records(Direction.ERP_TO_CRM).map(erp);
    final MappedRecord current = V1_1.records(Direction.ERP_TO_CRM).map(erp);

    // Then
    assertNull(((MsdynLoyaltyCard) old.record()).getMsdynEffectivedate());
    assertFalse(old.columns().contains("msdyn_effectivedate"));
    assertEquals(
        LocalDate.of(2022, 1, 2), ((MsdynLoyaltyCard) current.record()).getMsdynEffectivedate());
    assertColumnsDifferBy(V1_0, V1_1, Direction.ERP_TO_CRM, "msdyn_effectivedate");
    assertColumnsDifferBy(V1_0, V1_1, Direction.CRM_TO_ERP, "LOYALTYENROLLMENTDATELOCAL");
  }

  @Test
  void shouldListTheBundledVersionsWhenAskedForOneThatDoesNotExist() {
    final MapFileException refused =
        assertThrows(MapFileException.class, () -> MapFiles.BUNDLED.version(Template.CARD, "2.0"));
    assertContainsAll(refused.getMessage(), "no map version 2.0", "card", "[1.0, 1.1]");
  }

  @Test
  void shouldOrderVersionsNumericallyNotAlphabetically() {
    assertTrue(MapRegistry.compareVersions("1.9", "1.10") < 0);
    assertTrue(MapRegistry.compareVersions("2", "1.10") > 0);
    assertEquals(0, MapRegistry.compareVersions("1.1", "1.1"));
  }

  private static void assertColumnsDifferBy(
      final CompiledMap old,
      final CompiledMap current,
      final Direction direction,
      final String column) {
    final List<String> added = new ArrayList<>(current.records(direction).columns());
    added.removeAll(old.records(direction).columns());
    assertEquals(List.of(column), added, direction.label());
    assertTrue(current.records(direction).columns().containsAll(old.records(direction).columns()));
  }

  private static List<String> describe(final List<MapRow> rows) {
    final List<String> described = new ArrayList<>();
    rows.forEach(row -> described.add(row.describe()));
    return described;
  }
}
