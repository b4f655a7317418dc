package io.loyaltysync.sync.simulation;

import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.EchoMatching;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * What one simulated run looks like, all derived from its seed so a seed alone reproduces it.
 *
 * @param template the table map under test
 * @param policy the conflict policy the sync runs with
 * @param seed the seed of the run
 * @param events how many change events the sync receives before quiescence (random steps are
 *     generated until it has)
 * @param keys how many distinct keys the users touch (few, so edits collide)
 * @param erpSequences whether the F&amp;O feed numbers its events (else timestamps alone order
 *     them)
 * @param crmSequences whether the Dataverse feed numbers its events
 * @param echoes how the sync tells echoes from users' changes
 * @param unmarkedPercent how many of the writers' writes lack the origin marker (so only an exact
 *     match with a pending write identifies their echo); 0 under {@link EchoMatching#MARKER_ONLY}
 * @param maxPending how many unconfirmed writes per side the sync remembers
 * @param avoided the open {@link KnownEngineBug}s the run steers clear of or tolerates
 */
record SimConfig(
    Template template,
    ConflictPolicy policy,
    long seed,
    int events,
    int keys,
    boolean erpSequences,
    boolean crmSequences,
    EchoMatching echoes,
    int unmarkedPercent,
    int maxPending,
    Set<KnownEngineBug> avoided) {

  SimConfig {
    avoided = avoided.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(avoided));
  }

  static SimConfig forSeed(
      final Template template, final ConflictPolicy policy, final long seed, final int events) {
    final Random random = new Random(seed * 31 + template.ordinal());
    final int keys = 3 + random.nextInt(8);
    final boolean erpSequences = random.nextBoolean();
    final boolean crmSequences = random.nextBoolean();
    final int unmarked = random.nextInt(3) == 0 ? 0 : 20;
    // Two thirds of the runs with every write marked check the marker-only mode, where the bugs of
    // telling echoes by their content cannot arise and so are not avoided.
    final boolean markerOnly = unmarked == 0 && random.nextInt(3) > 0;
    final Set<KnownEngineBug> avoided = KnownEngineBug.avoidedByDefault();
    if (markerOnly) {
      avoided.removeAll(KnownEngineBug.OF_MATCHING_BY_CONTENT);
    }
    return new SimConfig(
        template,
        policy,
        seed,
        events,
        keys,
        erpSequences,
        crmSequences,
        markerOnly ? EchoMatching.MARKER_ONLY : EchoMatching.MARKER_OR_MATCH,
        unmarked,
        16,
        avoided);
  }

  boolean avoids(final KnownEngineBug bug) {
    return avoided.contains(bug);
  }

  boolean sequences(final Side side) {
    return side == Side.ERP ? erpSequences : crmSequences;
  }

  String describe() {
    return String.format(
        "template %s, policy %s, seed %d, %d events, %d keys, sequences F&O=%s Dataverse=%s,"
            + " echo matching %s, %d%% of writes without origin marker, %d of %d known engine"
            + " bugs avoided",
        template.id(),
        policy.id(),
        seed,
        events,
        keys,
        erpSequences ? "yes" : "no",
        crmSequences ? "yes" : "no",
        echoes.id(),
        unmarkedPercent,
        avoided.size(),
        KnownEngineBug.values().length);
  }
}
