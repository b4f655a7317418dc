package io.loyaltysync.topology;

import io.loyaltysync.avro.common.Operation;
import io.loyaltysync.avro.common.SourceMetadata;
import io.loyaltysync.avro.common.SourceSystem;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The change feeds of the crash test: a seeded stream of change events over many keys of every
 * template, and the events the feeds add in answer to the job's writes (a writer's echo, a user's
 * concurrent edit).
 *
 * <p>A key's own events come from one side only, and an answer is sent only after the write it
 * answers was committed, so the job's outputs for a key do not depend on how its two change feeds
 * interleave: replayed in send order through the topology they are the expected outputs.
 *
 * <p>Many events must emit nothing while the job's state is intact (a repeat of the row, the same
 * event delivered twice, an out-of-date event, an echo, an edit of a column the other side does not
 * take): a restarted instance that had lost its state would emit them again.
 */
final class ChangeStream {

  /** What happens to a key. */
  enum Role {
    /** Edits in F&amp;O only. */
    ERP_ONLY(Side.ERP, "EO"),
    /** Edits in Dataverse only. */
    CRM_ONLY(Side.CRM, "CO"),
    /** Edits in F&amp;O; each write to Dataverse comes back as Dataverse's echo of it. */
    ERP_ECHOED(Side.ERP, "EE"),
    /** Edits in Dataverse; each write to F&amp;O comes back as F&amp;O's echo of it. */
    CRM_ECHOED(Side.CRM, "CE"),
    /** One F&amp;O create; once it reached Dataverse, a Dataverse user edits it: a conflict. */
    CONFLICT(Side.ERP, "CF");

    private final Side source;
    private final String code;

    Role(final Side source, final String code) {
      this.source = source;
      this.code = code;
    }

    Side source() {
      return source;
    }
  }

  /** One key of one template, and what happens to it. */
  record Key(Template template, Role role, String text, int index) {}

  private static final Instant FIRST_STAMP = Instant.parse("2026-11-23T09:00:00Z");
  private static final String OURS = Events.OURS;

  /** The row each side holds, as the change feed last reported it (generator thread only). */
  private static final class State {
    SpecificRecord row;
    Instant stamp;
    SpecificRecord lastEvent;
  }

  private final Random random;
  private final Rows rows;
  private final List<Key> active = new ArrayList<>();
  private final Map<String, Key> byTopicKey = new HashMap<>();
  private final Map<Key, State> states = new HashMap<>();
  private final Map<Key, Instant> conflictCreates = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private final AtomicLong transactions = new AtomicLong();

  /**
   * @param random the source of every choice of the stream
   * @param keysPerRole how many keys each role has per template
   */
  ChangeStream(final Random random, final int keysPerRole) {
    this.random = random;
    this.rows = new Rows(random);
    for (final Template template : Template.values()) {
      for (final Role role : Role.values()) {
        if (template == Template.CARD && role == Role.CRM_ECHOED) {
          // F&O's card has a column the job never writes to F&O (the replacement card), so
          // F&O's echo of a card the job wrote is not a row this test can know.
          continue;
        }
        for (int i = 0; i < keysPerRole; i++) {
          final Key key = new Key(template, role, keyText(template, role, i), i);
          active.add(key);
          byTopicKey.put(template.id() + "/" + key.text(), key);
        }
      }
    }
  }

  /** The key {@code text} of {@code template}, if the stream has it. */
  Optional<Key> key(final Template template, final String text) {
    return Optional.ofNullable(byTopicKey.get(template.id() + "/" + text));
  }

  /** The next change event of a key drawn at random. Not thread-safe: one generator thread. */
  Input next() {
    final Key key = active.get(random.nextInt(active.size()));
    final State state = states.computeIfAbsent(key, k -> new State());
    final Template template = key.template();
    final Side side = key.role().source();
    if (state.row == null) {
      state.row = rows.create(template, side, key.text());
      final Input create = record(key, state, Operation.CREATE);
      if (key.role() == Role.CONFLICT) {
        active.remove(key);
        conflictCreates.put(key, state.stamp);
      }
      return create;
    }
    final int roll = random.nextInt(100);
    if (roll < 50) {
      state.row = rows.vary(template, side, state.row);
      return record(key, state, Operation.UPDATE);
    } else if (roll < 62) {
      return record(key, state, Operation.UPDATE); // the same row again, a new stamp
    } else if (roll < 68) {
      return Input.change(template, side, key.text(), state.lastEvent); // delivered twice
    } else if (roll < 74) {
      // Out of date: older than what the side reported last.
      return event(key, side, rows.vary(template, side, state.row), state.stamp.minusMillis(500));
    } else if (roll < 80) {
      state.row = null;
      return record(key, state, Operation.DELETE);
    } else if (roll < 86 && template == Template.CARD && side == Side.CRM) {
      state.row = rows.withReplacementCard(state.row);
      return record(key, state, Operation.UPDATE);
    } else if (roll < 94) {
      return broken(key, state);
    }
    return garbage(key);
  }

  /**
   * The change feed of {@code side} reporting the job's write to it, as the writer's origin marker
   * labels it: an update with the written row, or a delete for a tombstone.
   */
  Input echo(final Key key, final Side side, final GenericRecord written) {
    final SpecificRecord row =
        written == null ? null : Rows.fromWrite(key.template(), side, written);
    return Input.change(
        key.template(),
        side,
        key.text(),
        changeEvent(
            key,
            side,
            row == null ? Operation.DELETE : Operation.UPDATE,
            row,
            source(side, nextStamp(), OURS)));
  }

  /**
   * A Dataverse user's edit of a conflict key's row as the job wrote it, made after the F&amp;O
   * create (odd keys, Dataverse wins) or before it (even keys, F&amp;O wins).
   */
  Input concurrentEdit(final Key key, final GenericRecord written) {
    final SpecificRecord row = Rows.fromWrite(key.template(), Side.CRM, written);
    switch (key.template()) {
      case CARD -> {
        Rows.put(row, "msdyn_partynumber", "EDITED");
        // A column only F&O sources: the edit is ignored, and audited as such.
        Rows.put(row, "msdyn_replacementcardnumber", "R-EDITED");
      }
      case LEVEL -> Rows.put(row, "msdyn_description", "edited in Dataverse");
      case REWARD_POINT -> {
        final int pos = row.getSchema().getField("msdyn_redeemranking").pos();
        row.put(pos, ((Integer) row.get(pos) + 1) % 10);
      }
    }
    final Instant stamp =
        key.index() % 2 == 1 ? nextStamp() : conflictCreates.get(key).minusMillis(500);
    return Input.change(
        key.template(),
        Side.CRM,
        key.text(),
        changeEvent(key, Side.CRM, Operation.UPDATE, row, source(Side.CRM, stamp, null)));
  }

  private Input record(final Key key, final State state, final Operation op) {
    final Side side = key.role().source();
    state.stamp = nextStamp();
    state.lastEvent = changeEvent(key, side, op, state.row, source(side, state.stamp, null));
    return Input.change(key.template(), side, key.text(), state.lastEvent);
  }

  private Input event(
      final Key key, final Side side, final SpecificRecord row, final Instant stamp) {
    return Input.change(
        key.template(),
        side,
        key.text(),
        changeEvent(key, side, Operation.UPDATE, row, source(side, stamp, null)));
  }

  /** A record that breaks a rule (a dead letter); the side's state is untouched. */
  private Input broken(final Key key, final State state) {
    final Side side = key.role().source();
    final SpecificRecord row = rows.broken(key.template(), side, state.row);
    if (row != null && random.nextBoolean()) {
      return event(key, side, row, nextStamp());
    }
    // Reported by the other system than the feed's own.
    return Input.change(
        key.template(),
        side,
        key.text(),
        changeEvent(
            key, side, Operation.UPDATE, state.row, source(side.other(), nextStamp(), null)));
  }

  /** Bytes that are not a change event: not the wire format, or a schema id nobody registered. */
  private Input garbage(final Key key) {
    final byte[] bytes =
        random.nextBoolean()
            ? ("{\"not\": \"avro\", \"n\": " + random.nextInt(100) + "}")
                .getBytes(StandardCharsets.UTF_8)
            : ByteBuffer.allocate(7)
                .put((byte) 0)
                .putInt(0x7fff_0000 + random.nextInt(16))
                .put(new byte[] {2, 4})
                .array();
    return Input.bad(key.template(), key.role().source(), key.text(), bytes);
  }

  private SpecificRecord changeEvent(
      final Key key,
      final Side side,
      final Operation op,
      final SpecificRecord row,
      final SourceMetadata source) {
    final SpecificRecord event =
        (SpecificRecord) SpecificData.get().newRecord(null, key.template().changeEvent(side));
    final boolean delete = op == Operation.DELETE;
    Rows.put(event, "op", op);
    Rows.put(event, "key", delete ? Rows.keyRecord(key.template(), key.text()) : null);
    Rows.put(event, "after", delete ? null : row);
    Rows.put(event, "source", source);
    return event;
  }

  private SourceMetadata source(final Side side, final Instant stamp, final String origin) {
    return SourceMetadata.newBuilder()
        .setSystem(side == Side.ERP ? SourceSystem.ERP : SourceSystem.CRM)
        .setTimestamp(stamp)
        .setTransactionId("tx-" + transactions.incrementAndGet())
        .setChangedBy(origin == null ? "a user" : "the writer")
        .setOrigin(origin)
        .build();
  }

  /** Source timestamps one second apart: every event of the run is later than the last. */
  private Instant nextStamp() {
    return FIRST_STAMP.plusSeconds(clock.incrementAndGet());
  }

  private static String keyText(final Template template, final Role role, final int index) {
    final String id = role.code + "-" + String.format("%03d", index);
    return switch (template) {
      case CARD -> "C-" + id;
      case LEVEL -> (index % 2 == 0 ? "usmf" : "demf") + KeyText.SEPARATOR + "L-" + id;
      case REWARD_POINT -> "RP-" + id;
    };
  }
}
