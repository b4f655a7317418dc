package io.loyaltysync.sync;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.AuditType;
import io.loyaltysync.mapping.ConflictPolicy;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the audit events the sync rules report: conflicts and ignored one-way edits. */
final class Audits {

  private final String template;
  private final ConflictPolicy policy;
  private final Side master;

  Audits(final String template, final ConflictPolicy policy, final Side master) {
    this.template = template;
    this.policy = policy;
    this.master = master;
  }

  Collector collector(final String entityKey, final long nowMillis) {
    return new Collector(entityKey, nowMillis);
  }

  /** The audit events of one change event; allocates only when there is one. */
  final class Collector {
    private final String entityKey;
    private final long nowMillis;
    private List<AuditEvent> events = List.of();

    private Collector(final String entityKey, final long nowMillis) {
      this.entityKey = entityKey;
      this.nowMillis = nowMillis;
    }

    List<AuditEvent> events() {
      return events;
    }

    /** A two-way field edited on both sides since they last agreed. */
    void conflict(
        final FieldBinding field,
        final Side editor,
        final Object editorValue,
        final Object otherValue,
        final Stamp editorStamp,
        final Stamp otherStamp,
        final boolean editorWins,
        final boolean snapshot) {
      final Side winner = editorWins ? editor : editor.other();
      add(
          AuditType.CONFLICT,
          field.erpField(),
          editor == Side.ERP ? editorValue : otherValue,
          editor == Side.CRM ? editorValue : otherValue,
          editor == Side.ERP ? editorStamp : otherStamp,
          editor == Side.CRM ? editorStamp : otherStamp,
          decidedBy(snapshot),
          winner.product()
              + " value kept ("
              + reason(editorWins, editorStamp, otherStamp, snapshot)
              + ")");
    }

    /** A delete that raced an update on the other side (or an update that raced a delete). */
    void deleteConflict(
        final Side editor,
        final Stamp editorStamp,
        final Stamp otherStamp,
        final boolean editorDeleted,
        final boolean editorWins,
        final boolean snapshot) {
      final String editorAction = editorDeleted ? "deleted" : "updated";
      final String otherAction = editorDeleted ? "updated" : "deleted";
      final boolean deleteWins = editorWins == editorDeleted;
      add(
          AuditType.CONFLICT,
          null,
          editor == Side.ERP ? editorAction : otherAction,
          editor == Side.CRM ? editorAction : otherAction,
          editor == Side.ERP ? editorStamp : otherStamp,
          editor == Side.CRM ? editorStamp : otherStamp,
          decidedBy(snapshot),
          (deleteWins ? "row deleted on both sides" : "row kept on both sides")
              + " ("
              + reason(editorWins, editorStamp, otherStamp, snapshot)
              + ")");
    }

    /**
     * A side edited a field it does not source: not propagated, and the canonical value is restored
     * ({@code canonical}, or, when the source side has not reported the row yet, its value once it
     * does: {@code canonical} null and {@code sourceKnown} false).
     */
    void ignoredEdit(
        final FieldBinding field,
        final Side editor,
        final Object edited,
        final Object canonical,
        final boolean sourceKnown) {
      add(
          AuditType.IGNORED_ONE_WAY_EDIT,
          field.erpField(),
          editor == Side.ERP ? edited : canonical,
          editor == Side.CRM ? edited : canonical,
          null,
          null,
          "map type " + field.type().symbol(),
          "edit ignored: "
              + field.erpField()
              + " is "
              + editor.other().product()
              + " -> "
              + editor.product()
              + " only; "
              + editor.other().product()
              + (sourceKnown
                  ? " value restored"
                  : " value replaces it once " + editor.other().product() + " reports the row"));
    }

    private String decidedBy(final boolean snapshot) {
      return snapshot
          ? "initial-sync master " + master.name().toLowerCase(Locale.ROOT)
          : policy.id();
    }

    private String reason(
        final boolean editorWins, final Stamp editor, final Stamp other, final boolean snapshot) {
      if (snapshot) {
        return "initial-sync master";
      }
      if (policy != ConflictPolicy.LAST_WRITER_WINS) {
        return policy.id();
      }
      final int order = editor.compareTo(other);
      if (order == 0) {
        return "same timestamp: F&O wins ties";
      }
      return "newer edit wins";
    }

    private void add(
        final AuditType type,
        final String field,
        final Object erpValue,
        final Object crmValue,
        final Stamp erpStamp,
        final Stamp crmStamp,
        final String decidedBy,
        final String resolution) {
      if (events.isEmpty()) {
        events = new ArrayList<>(2);
      }
      events.add(
          AuditEvent.newBuilder()
              .setType(type)
              .setTemplate(template)
              .setEntityKey(entityKey)
              .setField(field)
              .setErpValue(render(erpValue))
              .setCrmValue(render(crmValue))
              .setErpTimestamp(instant(erpStamp))
              .setCrmTimestamp(instant(crmStamp))
              .setPolicy(decidedBy)
              .setResolution(resolution)
              .setTime(Instant.ofEpochMilli(nowMillis))
              .build());
    }
  }

  private static String render(final Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof EntityReference reference) {
      return reference.getTable() + "(" + reference.getKeyValue() + ")";
    }
    return value.toString();
  }

  private static Instant instant(final Stamp stamp) {
    return stamp == null || stamp.equals(Stamp.NEVER)
        ? null
        : Instant.ofEpochMilli(stamp.timestamp());
  }
}
