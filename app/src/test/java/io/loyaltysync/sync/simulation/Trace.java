package io.loyaltysync.sync.simulation;

import io.loyaltysync.sync.simulation.SyncUnderTest.Accounting;
import io.loyaltysync.sync.simulation.SyncUnderTest.Output;

/** How the trace of a replayed history words what the sync did. */
final class Trace {

  private Trace() {}

  /** The outcome of one input, read off the counters before and after it. */
  static String outcome(final Accounting before, final Accounting after) {
    final String outcome =
        after.emitted() > before.emitted()
            ? "EMITTED"
            : after.echoes() > before.echoes()
                ? "ECHO"
                : after.noOps() > before.noOps() ? "NO_OP" : "DEAD_LETTER";
    final long conflicts = after.conflicts() - before.conflicts();
    final long ignored = after.ignoredEdits() - before.ignoredEdits();
    return outcome
        + (conflicts > 0 ? ", " + conflicts + " conflict(s) audited" : "")
        + (ignored > 0 ? ", " + ignored + " ignored edit(s) audited" : "");
  }

  static String describe(final Rows rows, final Output output) {
    return output.to()
        + " "
        + (output.isDelete()
            ? "delete " + output.key()
            : "upsert " + output.key() + " " + rows.render(output.to(), output.image()));
  }
}
