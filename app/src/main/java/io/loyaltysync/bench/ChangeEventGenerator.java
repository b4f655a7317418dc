package io.loyaltysync.bench;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.bench.GeneratedEvent.Kind;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.RecordRejectedException;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A stream of change events of all three templates and both sides, as the two systems' change feeds
 * would carry them while users edit rows and the sync's writes come back as echoes.
 *
 * <p>The generator keeps, per row, the image each side holds once the sync has delivered: an edit
 * changes one field, or one group of fields a cross-field rule binds, taking a fresh realistic
 * value ({@link SampleRecords}); the other side's image then takes the mapped value, through the
 * real map, exactly as the sync writes it. So an echo (that side reporting the write back, with the
 * origin marker) carries what the job emitted, and every event is valid for the job.
 *
 * <p>Mix: rows {@value #CARD_PERCENT}% cards, {@value #REWARD_POINT_PERCENT}% reward points, the
 * rest levels; edits {@value #ERP_PERCENT}% on the F&amp;O side. Of all events, a share {@code
 * echoRate} are echoes, which follow their write by 4 to {@value #MAX_ECHO_DELAY} events, and a
 * share {@code conflictRate} are conflicting edits, which follow the edit they conflict with by one
 * or two events on the other side, before the echo of the first. Deterministic for a seed. Not
 * thread-safe.
 */
final class ChangeEventGenerator {

  static final int CARD_PERCENT = 70;
  static final int REWARD_POINT_PERCENT = 20;
  static final int ERP_PERCENT = 60;
  static final int MAX_ECHO_DELAY = 36;

  private static final int MIN_ECHO_DELAY = 4;
  private static final int MAX_CONFLICT_DELAY = 2;
  private static final int ATTEMPTS = 32;
  private static final int ROW_ATTEMPTS = 4;
  private static final long FIRST_TRANSACTION = 5_637_144_576L;
  private static final String[] ERP_USERS = {"admin", "jodi.christiansen", "kevin.kennedy"};
  private static final String[] CRM_USERS = {"jane@contoso.com", "sales.agent@contoso.com"};
  private static final String WRITER_IDENTITY = "svc-loyalty-sync-writer";

  /** A follow-up event due at a given position of the stream. */
  private record FollowUp(
      long due,
      long order,
      TemplateRows rows,
      int row,
      Side side,
      Kind kind,
      IndexedRecord image,
      int[] group) {}

  private final Map<Template, TemplateRows> rowsByTemplate = new EnumMap<>(Template.class);
  private final SampleRecords samples;
  private final SplittableRandom random;
  private final String originMarker;
  private final double echoPerWrite;
  private final double conflictPerEdit;
  private final PriorityQueue<FollowUp> followUps =
      new PriorityQueue<>(Comparator.comparingLong(FollowUp::due).thenComparing(FollowUp::order));
  private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
  private long sequence;
  private long lastTimestamp = Long.MIN_VALUE;

  /**
   * @param maps the compiled map of each template, as the job runs it
   * @param keys rows over all templates (at least one per template)
   * @param echoRate share of events that are echoes, 0 to 0.5
   * @param conflictRate share of events that are conflicting edits, 0 to 0.2
   * @param originMarker the marker this app's writers stamp on their writes
   * @param seed the random seed
   */
  ChangeEventGenerator(
      final Map<Template, CompiledMap> maps,
      final int keys,
      final double echoRate,
      final double conflictRate,
      final String originMarker,
      final long seed) {
    if (!(echoRate >= 0 && echoRate <= 0.5)) {
      throw new IllegalArgumentException("echo rate must be between 0 and 0.5, was " + echoRate);
    }
    if (!(conflictRate >= 0 && conflictRate <= 0.2)) {
      throw new IllegalArgumentException(
          "conflict rate must be between 0 and 0.2, was " + conflictRate);
    }
    if (keys < Template.values().length) {
      throw new IllegalArgumentException("keys must be at least 3 (one per template), was " + keys);
    }
    this.samples = new SampleRecords(seed);
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.originMarker = originMarker;
    // Every edit writes once to the other side, and echoes answer writes: E = p (P + C).
    this.echoPerWrite = echoRate / (1 - echoRate);
    this.conflictPerEdit = conflictRate / (1 - echoRate - conflictRate);
    for (final Template template : Template.values()) {
      rowsByTemplate.put(
          template,
          new TemplateRows(template, maps.get(template), Math.max(1, rowsOf(template, keys))));
    }
    for (final Kind kind : Kind.values()) {
      counts.put(kind, 0L);
    }
  }

  /** How many of {@code keys} rows a template gets. */
  static int rowsOf(final Template template, final int keys) {
    return switch (template) {
      case CARD -> (int) ((long) keys * CARD_PERCENT / 100);
      case REWARD_POINT -> (int) ((long) keys * REWARD_POINT_PERCENT / 100);
      case LEVEL ->
          keys
              - (int) ((long) keys * CARD_PERCENT / 100)
              - (int) ((long) keys * REWARD_POINT_PERCENT / 100);
    };
  }

  /** The next event; its source timestamp is {@code nowMillis}, or the last one if later. */
  GeneratedEvent next(final long nowMillis) {
    sequence++;
    lastTimestamp = Math.max(lastTimestamp, nowMillis);
    final FollowUp due = followUps.peek();
    final GeneratedEvent event;
    if (due != null && due.due() <= sequence) {
      followUps.poll();
      due.rows().busy[due.row()]--;
      event =
          due.kind() == Kind.ECHO
              ? echo(due.rows(), due.row(), due.side(), due.image())
              : edit(due.rows(), due.row(), due.side(), due.group(), Kind.CONFLICT, due.image());
    } else {
      event = primary();
    }
    counts.merge(event.kind(), 1L, Long::sum);
    return event;
  }

  /** Events made so far, by kind. */
  Map<Kind, Long> counts() {
    return new EnumMap<>(counts);
  }

  private GeneratedEvent primary() {
    final TemplateRows rows = rowsByTemplate.get(pickTemplate());
    int row = random.nextInt(rows.size);
    for (int attempt = 1; attempt < ROW_ATTEMPTS && rows.busy[row] > 0; attempt++) {
      row = random.nextInt(rows.size); // a row with an echo on its way: its feed is not idle
    }
    final Side side = random.nextInt(100) < ERP_PERCENT ? Side.ERP : Side.CRM;
    if (rows.images[side.ordinal()][row] == null && rows.images[1 - side.ordinal()][row] == null) {
      return create(rows, row, side);
    }
    // A conflict needs a field both sides edit: pick the group knowing whether one follows.
    final boolean conflict = random.nextDouble() < conflictPerEdit;
    final int[][] groups = conflict ? rows.twoWay : rows.editable[side.ordinal()];
    final int[] group = groups[random.nextInt(groups.length)];
    // What the other side holds before this edit reaches it: its user edits that, unaware.
    final IndexedRecord unaware = rows.images[side.other().ordinal()][row];
    final GeneratedEvent event = edit(rows, row, side, group, Kind.UPDATE, null);
    if (conflict) {
      schedule(rows, row, side.other(), Kind.CONFLICT, unaware, group, 1 + random.nextInt(2));
    }
    return event;
  }

  private GeneratedEvent create(final TemplateRows rows, final int row, final Side side) {
    final IndexedRecord image = samples.one(rows.template, side, row);
    BenchKeys.setKey(rows.template, side, image, row);
    rows.images[side.ordinal()][row] = image;
    propagate(rows, row, side, image);
    return event(rows, row, side, Operation.CREATE, image, Kind.CREATE, false);
  }

  /**
   * A user's edit of {@code group} (binding indices) on {@code side}: a fresh value, different from
   * the last (and, for a conflicting edit, from {@code seen}, what the side held before the other
   * side's edit, which is what its user saw) unless {@value #ATTEMPTS} draws all repeat one (then
   * the same value arrives again, which the job takes as a no-op, as it should).
   */
  private GeneratedEvent edit(
      final TemplateRows rows,
      final int row,
      final Side side,
      final int[] group,
      final Kind kind,
      final IndexedRecord seen) {
    final int[] positions = rows.positions(group, side);
    final IndexedRecord current = rows.images[side.ordinal()][row];
    final IndexedRecord edited = copy(current);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      final IndexedRecord fresh = samples.one(rows.template, side, row);
      for (final int position : positions) {
        edited.put(position, fresh.get(position));
      }
      if (!sameAt(edited, current, positions)
          && (seen == null || !sameAt(edited, seen, positions))) {
        break;
      }
    }
    rows.images[side.ordinal()][row] = edited;
    propagate(rows, row, side, edited);
    return event(rows, row, side, Operation.UPDATE, edited, kind, false);
  }

  private GeneratedEvent echo(
      final TemplateRows rows, final int row, final Side side, final IndexedRecord written) {
    final boolean first = !rows.reported[side.ordinal()][row];
    return event(
        rows, row, side, first ? Operation.CREATE : Operation.UPDATE, written, Kind.ECHO, true);
  }

  /** The sync's write to the other side: its mapped columns over what that side holds. */
  private void propagate(
      final TemplateRows rows, final int row, final Side side, final IndexedRecord image) {
    final Side target = side.other();
    final IndexedRecord mapped;
    try {
      mapped = rows.map.records(Direction.to(target)).map(image).record();
    } catch (final RecordRejectedException e) {
      throw new IllegalStateException(
          "the benchmark generated a " + rows.template.id() + " the map rejects: " + e.reason(), e);
    }
    final IndexedRecord before = rows.images[target.ordinal()][row];
    final IndexedRecord after;
    if (before == null) {
      after = mapped;
    } else {
      final int[] written = rows.written[target.ordinal()];
      if (sameAt(mapped, before, written)) {
        return; // the edit changes nothing the sync writes there: no write, so no echo
      }
      after = copy(before);
      for (final int position : written) {
        after.put(position, mapped.get(position));
      }
    }
    rows.images[target.ordinal()][row] = after;
    if (random.nextDouble() < echoPerWrite) {
      schedule(
          rows,
          row,
          target,
          Kind.ECHO,
          after,
          null,
          MIN_ECHO_DELAY + random.nextInt(MAX_ECHO_DELAY - MIN_ECHO_DELAY + 1));
    }
  }

  private void schedule(
      final TemplateRows rows,
      final int row,
      final Side side,
      final Kind kind,
      final IndexedRecord image,
      final int[] group,
      final int delay) {
    rows.busy[row]++;
    followUps.add(new FollowUp(sequence + delay, sequence, rows, row, side, kind, image, group));
  }

  private GeneratedEvent event(
      final TemplateRows rows,
      final int row,
      final Side side,
      final Operation op,
      final IndexedRecord image,
      final Kind kind,
      final boolean ourWrite) {
    rows.reported[side.ordinal()][row] = true;
    final String company = rows.template == Template.LEVEL ? BenchKeys.levelCompany(row) : null;
    final SourceMetadata source =
        new SourceMetadata(
            side == Side.ERP ? SourceSystem.ERP : SourceSystem.CRM,
            company,
            Instant.ofEpochMilli(lastTimestamp),
            side == Side.ERP ? Long.toString(FIRST_TRANSACTION + sequence) : null,
            sequence,
            ourWrite
                ? WRITER_IDENTITY
                : side == Side.ERP
                    ? ERP_USERS[random.nextInt(ERP_USERS.length)]
                    : CRM_USERS[random.nextInt(CRM_USERS.length)],
            ourWrite ? originMarker : null);
    final SpecificRecord change =
        (SpecificRecord) SpecificData.get().newRecord(null, rows.template.changeEvent(side));
    change.put(rows.opPosition, op);
    change.put(rows.afterPosition, image);
    change.put(rows.sourcePosition, source);
    return new GeneratedEvent(rows.template, side, rows.keys[row], change, lastTimestamp, kind);
  }

  private Template pickTemplate() {
    final int roll = random.nextInt(100);
    return roll < CARD_PERCENT
        ? Template.CARD
        : roll < CARD_PERCENT + REWARD_POINT_PERCENT ? Template.REWARD_POINT : Template.LEVEL;
  }

  private static boolean sameAt(
      final IndexedRecord a, final IndexedRecord b, final int[] positions) {
    for (final int position : positions) {
      if (!Objects.equals(a.get(position), b.get(position))) {
        return false;
      }
    }
    return true;
  }

  private static IndexedRecord copy(final IndexedRecord record) {
    return SpecificData.get().deepCopy(record.getSchema(), record);
  }
}
