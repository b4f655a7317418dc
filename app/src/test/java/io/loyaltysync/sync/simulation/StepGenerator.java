package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.generic.IndexedRecord;

/**
 * Picks the next random step from the world as it stands: users on both systems create, edit (any
 * field, sometimes to the value it already holds) and delete rows of a few keys while the feeds
 * deliver (sometimes twice, sometimes an old event again) and the writers apply the sync's writes
 * after random delays.
 */
final class StepGenerator {

  private static final int EDIT_ATTEMPTS = 20;

  private final World world;
  private final Random random;
  private final List<String> keys;

  StepGenerator(final World world, final Random random, final List<String> keys) {
    this.world = world;
    this.random = random;
    this.keys = keys;
  }

  Step next() {
    final Side side = random.nextBoolean() ? Side.ERP : Side.CRM;
    final int roll = random.nextInt(100);
    if (roll < 32) {
      return userAction(side, keys.get(random.nextInt(keys.size())));
    }
    if (roll < 62) {
      return new Step.Deliver(side);
    }
    if (roll < 90) {
      return new Step.ApplyWrite(
          side, random.nextInt(100) >= world.config.unmarkedPercent(), delta());
    }
    if (roll < 94) {
      return new Step.Duplicate(side);
    }
    if (roll < 99) {
      return new Step.Redeliver(side, 1 + random.nextInt(6));
    }
    return new Step.Poison(side, keys.get(random.nextInt(keys.size())), delta());
  }

  /** Mostly the next tick; sometimes the same instant (a tie with the other system), or later. */
  private int delta() {
    final int roll = random.nextInt(100);
    return roll < 10 ? 0 : roll < 80 ? 1 : 2 + random.nextInt(4);
  }

  private Step userAction(final Side side, final String key) {
    final IndexedRecord current = world.system(side).rows.get(key);
    if (current == null) {
      final IndexedRecord erp = world.space.newErpRow(random, key);
      return new Step.Create(
          side, key, side == Side.ERP ? erp : crmVariant(world.rows.asCrm(erp)), delta());
    }
    if (random.nextInt(100) < 12) {
      return new Step.Delete(side, key, delta());
    }
    return edit(side, key, current);
  }

  private Step edit(final Side side, final String key, final IndexedRecord current) {
    final Rows rows = world.rows;
    final List<Integer> chosen = chooseFields();
    if (random.nextInt(100) >= 10) {
      final IndexedRecord erpView = rows.asErp(side, current);
      for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
        final IndexedRecord candidate = Rows.copy(erpView);
        for (final int b : chosen) {
          candidate.put(
              rows.bindings().get(b).position(Side.ERP), world.space.randomErpValue(random, b));
        }
        if (rows.valid(Side.ERP, candidate)) {
          final IndexedRecord inSide =
              side == Side.ERP ? candidate : crmVariant(rows.asCrm(candidate));
          return new Step.Edit(side, key, values(side, inSide, chosen), delta());
        }
      }
    }
    // Saved without a change: the same values arrive again.
    return new Step.Edit(side, key, values(side, current, chosen), delta());
  }

  private List<Integer> chooseFields() {
    final List<Integer> editable = new ArrayList<>();
    for (int b = 0; b < world.rows.bindings().size(); b++) {
      final FieldBinding binding = world.rows.bindings().get(b);
      if (!binding.key()) {
        editable.add(b);
      }
    }
    final int count =
        Math.min(
            editable.size(),
            1 + (random.nextInt(10) < 3 ? 1 : 0) + (random.nextInt(10) < 1 ? 1 : 0));
    final List<Integer> chosen = new ArrayList<>();
    while (chosen.size() < count) {
      final Integer b = editable.get(random.nextInt(editable.size()));
      if (!chosen.contains(b)) {
        chosen.add(b);
      }
    }
    return chosen;
  }

  private List<Step.FieldValue> values(
      final Side side, final IndexedRecord row, final List<Integer> chosen) {
    final List<Step.FieldValue> values = new ArrayList<>();
    for (final int b : chosen) {
      final FieldBinding binding = world.rows.bindings().get(b);
      values.add(new Step.FieldValue(b, Rows.value(side, row, binding)));
    }
    return values;
  }

  /** Dataverse may hold an empty number where F&amp;O holds 0: the same value to F&amp;O. */
  private IndexedRecord crmVariant(final IndexedRecord crm) {
    for (final FieldBinding binding : world.rows.bindings()) {
      final Object value = Rows.value(Side.CRM, crm, binding);
      final boolean zero = Integer.valueOf(0).equals(value) || Long.valueOf(0).equals(value);
      if (zero && !binding.key() && random.nextInt(100) < 30) {
        crm.put(binding.position(Side.CRM), null);
      }
    }
    return crm;
  }
}
