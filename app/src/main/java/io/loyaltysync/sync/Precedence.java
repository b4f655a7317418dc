package io.loyaltysync.sync;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;

/**
 * Which of two changes prevails: the map's conflict policy, the initial-sync master for SNAPSHOT
 * differences, and the order of changes across the two systems.
 */
final class Precedence {

  private final ConflictPolicy policy;
  private final Side initialSyncMaster;

  Precedence(final ConflictPolicy policy, final Side initialSyncMaster) {
    this.policy = policy;
    this.initialSyncMaster = initialSyncMaster;
  }

  ConflictPolicy policy() {
    return policy;
  }

  /**
   * Whether {@code side}'s change at {@code stamp} beats the other side's at {@code theirs}. A
   * SNAPSHOT conflict goes to the initial-sync master. Under erp-wins and crm-wins a side that had
   * seen the other's value ({@code sawIt}) is not in conflict; under last-writer-wins the
   * timestamps decide, whatever the sides had seen (sequences number each system's own events and
   * do not compare across systems).
   */
  boolean wins(
      final Side side,
      final Stamp stamp,
      final Stamp theirs,
      final boolean snapshot,
      final boolean sawIt) {
    if (snapshot && !sawIt) {
      return side == initialSyncMaster;
    }
    return switch (policy) {
      case ERP_WINS -> sawIt || side == Side.ERP;
      case CRM_WINS -> sawIt || side == Side.CRM;
      case LAST_WRITER_WINS -> {
        final int order = Long.compare(stamp.timestamp(), theirs.timestamp());
        yield order > 0 || (order == 0 && side == Side.ERP);
      }
    };
  }

  /**
   * Whether {@code side}'s change at {@code stamp} happened after {@code by}'s at {@code theirs}:
   * within one side by its feed's order, across the systems by timestamp (a tie to F&amp;O).
   */
  static boolean later(final Side side, final Stamp stamp, final Side by, final Stamp theirs) {
    if (side == by) {
      return theirs.isBefore(stamp);
    }
    final int order = Long.compare(stamp.timestamp(), theirs.timestamp());
    return order > 0 || (order == 0 && side == Side.ERP);
  }
}
