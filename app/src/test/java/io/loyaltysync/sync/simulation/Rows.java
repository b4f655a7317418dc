package io.loyaltysync.sync.simulation;

import io.loyaltysync.avro.common.EntityReference;
import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.RecordRejectedException;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * The rows of one template as the simulation handles them, generic over the map's bindings: the map
 * itself converts between the sides (so the simulation never re-implements a value map), and the
 * bindings say which fields are keys, which way each flows, and where each sits.
 */
final class Rows {

  private final CompiledMap map;
  private final List<FieldBinding> bindings;
  private final Schema erpSchema;
  private final Schema crmSchema;

  Rows(final CompiledMap map) {
    this.map = map;
    this.bindings = map.bindings();
    this.erpSchema = map.template().entity(Side.ERP).schema();
    this.crmSchema = map.template().entity(Side.CRM).schema();
  }

  Template template() {
    return map.template();
  }

  CompiledMap map() {
    return map;
  }

  List<FieldBinding> bindings() {
    return bindings;
  }

  Schema schema(final Side side) {
    return side == Side.ERP ? erpSchema : crmSchema;
  }

  /** The name of a binding's field on {@code side}: F&amp;O field or Dataverse column. */
  String name(final Side side, final FieldBinding binding) {
    return schema(side).getFields().get(binding.position(side)).name();
  }

  /** Whether edits of the field made on {@code side} are synced: two-way, or one-way from it. */
  static boolean editable(final FieldBinding binding, final Side side) {
    return !binding.key() && binding.sourcedFrom(side);
  }

  /** Whether the field is a non-key field copied both ways. */
  static boolean twoWay(final FieldBinding binding) {
    return !binding.key() && binding.type().bidirectional();
  }

  /**
   * Whether an F&amp;O rule ties the field to another one ({@code requiredWhen}/{@code emptyWhen}
   * on it, or naming it): editing it alone can make the row invalid.
   */
  boolean linked(final FieldBinding binding) {
    final Schema.Field field = erpSchema.getFields().get(binding.position(Side.ERP));
    if (field.getObjectProp("requiredWhen") != null || field.getObjectProp("emptyWhen") != null) {
      return true;
    }
    for (final Schema.Field other : erpSchema.getFields()) {
      for (final String rule : List.of("requiredWhen", "emptyWhen")) {
        if (other.getObjectProp(rule) instanceof java.util.Map<?, ?> condition
            && condition.containsKey(field.name())) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code row} of {@code side} mapped to the other side; throws when the map rejects it. */
  IndexedRecord mapped(final Side side, final IndexedRecord row) throws RecordRejectedException {
    final Direction direction = side == Side.ERP ? Direction.ERP_TO_CRM : Direction.CRM_TO_ERP;
    return map.records(direction).map(row).record();
  }

  /** {@code row} of {@code side} as F&amp;O holds it (two-way and Dataverse-sourced fields). */
  IndexedRecord asErp(final Side side, final IndexedRecord row) {
    return side == Side.ERP ? row : mappedOrFail(side, row);
  }

  /** An F&amp;O row as Dataverse holds it. */
  IndexedRecord asCrm(final IndexedRecord erp) {
    return mappedOrFail(Side.ERP, erp);
  }

  /** {@code erp} in the representation of {@code side}. */
  IndexedRecord inSide(final Side side, final IndexedRecord erp) {
    return side == Side.ERP ? copy(erp) : asCrm(erp);
  }

  private IndexedRecord mappedOrFail(final Side side, final IndexedRecord row) {
    try {
      return mapped(side, row);
    } catch (final RecordRejectedException e) {
      throw new IllegalStateException(
          "the simulation made a " + side + " row the map rejects: " + e.reason(), e);
    }
  }

  /** Whether the map accepts {@code row} of {@code side} (F&amp;O's rules, value maps). */
  boolean valid(final Side side, final IndexedRecord row) {
    try {
      mapped(side, row);
      return true;
    } catch (final RecordRejectedException e) {
      return false;
    }
  }

  static Object value(final Side side, final IndexedRecord row, final FieldBinding binding) {
    return row.get(binding.position(side));
  }

  static IndexedRecord copy(final IndexedRecord row) {
    return row == null
        ? null
        : SpecificData.getForSchema(row.getSchema()).deepCopy(row.getSchema(), row);
  }

  /** Whether two rows of {@code side} hold the same value in every mapped field. */
  boolean sameMapped(final Side side, final IndexedRecord a, final IndexedRecord b) {
    for (final FieldBinding binding : bindings) {
      if (!Objects.equals(value(side, a, binding), value(side, b, binding))) {
        return false;
      }
    }
    return true;
  }

  /** The non-key mapped fields of a row, by that side's names: {PARTYNUMBER='P1', ...}. */
  String render(final Side side, final IndexedRecord row) {
    if (row == null) {
      return "(no row)";
    }
    final StringJoiner fields = new StringJoiner(", ", "{", "}");
    for (final FieldBinding binding : bindings) {
      if (!binding.key()) {
        fields.add(name(side, binding) + "=" + render(value(side, row, binding)));
      }
    }
    return fields.toString();
  }

  static String render(final Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof EntityReference reference) {
      return reference.getTable() + "(" + reference.getKeyValue() + ")";
    }
    if (value instanceof CharSequence text) {
      return "'" + text + "'";
    }
    return value.toString();
  }
}
