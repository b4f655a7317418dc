package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * What one simulated run looks like, all derived from its seed so a seed alone reproduces it.
 *
 * @param template the table map under test
 * @param policy the conflict policy the sync runs with
 * @param seed the seed of the run
 * @param steps how many random steps before quiescence
 * @param keys how many distinct keys the users touch (few, so edits collide)
 * @param erpSequences whether the F&amp;O feed numbers its events (else timestamps alone order
 *     them)
 * @param crmSequences whether the Dataverse feed numbers its events
 * @param unmarkedPercent how many of the writers' writes lack the origin marker (so only an exact
 *     match with a pending write identifies their echo)
 * @param maxPending how many unconfirmed writes per side the sync remembers
 * @param avoided the open {@link KnownEngineBug}s the run steers clear of or tolerates
 */
record SimConfig(
    Template template,
    ConflictPolicy policy,
    long seed,
    int steps,
    int keys,
    boolean erpSequences,
    boolean crmSequences,
    int unmarkedPercent,
    int maxPending,
    Set<KnownEngineBug> avoided) {

  SimConfig {
    avoided = avoided.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(avoided));
  }

  static SimConfig forSeed(
      final Template template, final ConflictPolicy policy, final long seed, final int steps) {
    final Random random = new Random(seed * 31 + template.ordinal());
    return new SimConfig(
        template,
        policy,
        seed,
        steps,
        3 + random.nextInt(8),
        random.nextBoolean(),
        random.nextBoolean(),
        random.nextInt(3) == 0 ? 0 : 20,
        16,
        KnownEngineBug.avoidedByDefault());
  }

  boolean avoids(final KnownEngineBug bug) {
    return avoided.contains(bug);
  }

  boolean sequences(final Side side) {
    return side == Side.ERP ? erpSequences : crmSequences;
  }

  String describe() {
    return String.format(
        "template %s, policy %s, seed %d, %d steps, %d keys, sequences F&O=%s Dataverse=%s,"
            + " %d%% of writes without origin marker, %d of %d known engine bugs avoided",
        template.id(),
        policy.id(),
        seed,
        steps,
        keys,
        erpSequences ? "yes" : "no",
        crmSequences ? "yes" : "no",
        unmarkedPercent,
        avoided.size(),
        KnownEngineBug.values().length);
  }
}
