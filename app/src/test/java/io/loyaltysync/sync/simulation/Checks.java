package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.sync.simulation.Oracle.Expected;
import io.loyaltysync.sync.simulation.SyncUnderTest.Accounting;
import io.loyaltysync.sync.simulation.SyncUnderTest.Output;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.avro.generic.IndexedRecord;

/** The properties a quiesced run must have; each returns null when it holds. */
final class Checks {

  /**
   * A broken property.
   *
   * @param check which one: converged, no-lost-update, quiet, accounted, quiesces, accepted
   * @param message what is wrong, naming the key and the field
   */
  record Failure(String check, String message) {
    @Override
    public String toString() {
      return "check '" + check + "' failed: " + message;
    }
  }

  private Checks() {}

  /**
   * (a) Both systems hold the same mapped data: a key is in both or in neither, and every mapped
   * field agrees through the map (compared where the field flows to: a two-way field in F&amp;O's
   * representation, which is Dataverse's up to its equivalent empties; a one-way field on the side
   * it is written to).
   */
  static Failure converged(final World world) {
    final Rows rows = world.rows;
    final Map<String, IndexedRecord> erpRows = world.system(Side.ERP).rows;
    final Map<String, IndexedRecord> crmRows = world.system(Side.CRM).rows;
    final TreeSet<String> keys = new TreeSet<>(erpRows.keySet());
    keys.addAll(crmRows.keySet());
    for (final String key : keys) {
      final IndexedRecord erp = erpRows.get(key);
      final IndexedRecord crm = crmRows.get(key);
      if (erp == null || crm == null) {
        return new Failure(
            "converged", key + " is in " + (erp == null ? "Dataverse" : "F&O") + " only");
      }
      final IndexedRecord crmAsErp = rows.asErp(Side.CRM, crm);
      final IndexedRecord erpAsCrm = rows.asCrm(erp);
      for (final FieldBinding binding : rows.bindings()) {
        final boolean toErp = binding.writtenTo(Side.ERP);
        final Side compareOn = toErp ? Side.ERP : Side.CRM;
        final Object expected = Rows.value(compareOn, toErp ? erp : erpAsCrm, binding);
        final Object actual = Rows.value(compareOn, toErp ? crmAsErp : crm, binding);
        if (!Objects.equals(expected, actual)) {
          return new Failure(
              "converged",
              key
                  + " "
                  + rows.name(Side.ERP, binding)
                  + ": F&O holds "
                  + Rows.render(Rows.value(Side.ERP, erp, binding))
                  + ", Dataverse holds "
                  + Rows.render(Rows.value(Side.CRM, crm, binding))
                  + " (F&O row "
                  + rows.render(Side.ERP, erp)
                  + ", Dataverse row "
                  + rows.render(Side.CRM, crm)
                  + ")");
        }
      }
    }
    return null;
  }

  /** (b) Under last-writer-wins, each key ends as the {@link Oracle} says (F&amp;O's row). */
  static Failure noLostUpdate(final World world) {
    final Rows rows = world.rows;
    final Map<String, Expected> expected =
        new Oracle(rows, world.config.avoided()).expect(world.actions, world.swallowed);
    for (final Map.Entry<String, Expected> entry : expected.entrySet()) {
      final String key = entry.getKey();
      final IndexedRecord want = entry.getValue().erpRow();
      final IndexedRecord erp = world.system(Side.ERP).rows.get(key);
      if ((want == null) != (erp == null)) {
        return new Failure(
            "no-lost-update",
            key
                + " should be "
                + (want == null ? "deleted" : "present " + rows.render(Side.ERP, want))
                + " but F&O "
                + (erp == null ? "has no such row" : "holds " + rows.render(Side.ERP, erp)));
      }
      if (want == null) {
        continue;
      }
      for (int b = 0; b < rows.bindings().size(); b++) {
        final FieldBinding binding = rows.bindings().get(b);
        final Object value = Rows.value(Side.ERP, want, binding);
        if (Rows.twoWay(binding)
            && !entry
                .getValue()
                .accepts(b, binding.position(Side.ERP), Rows.value(Side.ERP, erp, binding))) {
          return new Failure(
              "no-lost-update",
              key
                  + " "
                  + rows.name(Side.ERP, binding)
                  + " should be "
                  + Rows.render(value)
                  + " (newest surviving edit: "
                  + entry.getValue().setBy()[b].describe()
                  + ") but F&O holds "
                  + Rows.render(Rows.value(Side.ERP, erp, binding)));
        }
      }
    }
    return null;
  }

  /** (c) Once the systems agree, reporting their rows again makes the sync write nothing. */
  static Failure quiet(final World world, final List<Output> emitted) {
    if (emitted.isEmpty()) {
      return null;
    }
    return new Failure(
        "quiet",
        "after quiescence, re-reporting the unchanged rows made the sync write "
            + emitted.stream().map(o -> Trace.describe(world.rows, o)).toList());
  }

  /**
   * (d) The sync counted every input sent, and each has exactly one outcome: emitted, echo, no-op,
   * dead letter or parked.
   */
  static Failure accounted(final World world) {
    final Accounting accounting = world.sync.accounting();
    if (accounting.in() == world.inputs && accounting.outcomes() == world.inputs) {
      return null;
    }
    return new Failure(
        "accounted", world.inputs + " inputs sent, but the sync accounts for " + accounting);
  }

  /** Neither system refused a write: the sync only writes rows the target accepts. */
  static Failure accepted(final World world) {
    return world.rejectedWrites.isEmpty()
        ? null
        : new Failure("accepted", String.join("; ", world.rejectedWrites));
  }
}
