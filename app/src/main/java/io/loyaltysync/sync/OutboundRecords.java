package io.loyaltysync.sync;

import io.loyaltysync.mapping.CompiledMap;
import io.loyaltysync.mapping.Direction;
import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * The records this app writes to one side's outbound topic. Their schema is derived from the map at
 * start-up: exactly the columns the map writes to that side (so a writer applies every field and
 * nothing else, without knowing the map), each nullable, plus the source event's system, timestamp,
 * id and transaction for traceability. The entity set, table and key columns travel as schema
 * properties.
 */
public final class OutboundRecords {

  /** Trace fields, prefixed so they cannot clash with a column name. */
  public static final String SOURCE_SYSTEM = "_sourceSystem";

  public static final String SOURCE_TIMESTAMP = "_sourceTimestamp";
  public static final String SOURCE_EVENT_ID = "_sourceEventId";
  public static final String SOURCE_TRANSACTION_ID = "_sourceTransactionId";

  private final Schema schema;
  private final int[] imagePositions;
  private final int tracePosition;

  public OutboundRecords(final CompiledMap map, final Side side) {
    final Schema entity = map.template().entity(side).schema();
    final List<String> columns = map.records(Direction.to(side)).columns();
    final List<Schema.Field> fields = new ArrayList<>();
    imagePositions = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      final Schema.Field column = entity.getField(columns.get(i));
      final Schema type = nullable(column.schema());
      fields.add(new Schema.Field(column.name(), type, column.doc(), JsonProperties.NULL_VALUE));
      imagePositions[i] = column.pos();
    }
    tracePosition = fields.size();
    fields.add(
        traceField(
            SOURCE_SYSTEM,
            Schema.create(Schema.Type.STRING),
            "ERP or CRM: the side whose change caused this write."));
    fields.add(
        traceField(
            SOURCE_TIMESTAMP,
            LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)),
            "The causing change's source timestamp."));
    fields.add(
        traceField(
            SOURCE_EVENT_ID,
            Schema.create(Schema.Type.STRING),
            "The causing change event: topic-partition@offset."));
    fields.add(
        traceField(
            SOURCE_TRANSACTION_ID,
            Schema.create(Schema.Type.STRING),
            "The causing change's source transaction id, when known."));
    final String name = entity.getName() + "Write";
    schema =
        Schema.createRecord(
            name,
            "Upsert of one "
                + (side == Side.CRM ? "Dataverse" : "F&O")
                + " row written by loyalty-sync: exactly the columns of map "
                + map.template().id()
                + " "
                + map.version()
                + "; null clears a column.",
            "io.loyaltysync.avro.outbound",
            false,
            fields);
    copyProp(entity, "dataverseEntitySet");
    copyProp(entity, "dataverseTable");
    copyProp(entity, "odataEntitySet");
    copyProp(entity, "fnoEntity");
    schema.addProp(
        "keyColumns",
        map.bindings().stream()
            .filter(FieldBinding::key)
            .map(b -> fieldName(entity, b, side))
            .toList());
  }

  public Schema schema() {
    return schema;
  }

  /** The outbound record of {@code image} (the side's canonical image), traced to its cause. */
  public GenericRecord toRecord(final IndexedRecord image, final Trace trace) {
    final GenericData.Record record = new GenericData.Record(schema);
    for (int i = 0; i < imagePositions.length; i++) {
      record.put(i, image.get(imagePositions[i]));
    }
    record.put(tracePosition, trace.system());
    record.put(tracePosition + 1, trace.timestampMillis());
    record.put(tracePosition + 2, trace.eventId());
    record.put(tracePosition + 3, trace.transactionId());
    return record;
  }

  /**
   * What caused a write.
   *
   * @param system ERP or CRM
   * @param timestampMillis the change's source timestamp
   * @param eventId topic-partition@offset of the change event
   * @param transactionId the source transaction, or null
   */
  public record Trace(String system, long timestampMillis, String eventId, String transactionId) {}

  private static Schema nullable(final Schema type) {
    if (type.getType() == Schema.Type.UNION) {
      return type;
    }
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  private static Schema.Field traceField(final String name, final Schema type, final String doc) {
    return new Schema.Field(name, nullable(type), doc, JsonProperties.NULL_VALUE);
  }

  private void copyProp(final Schema from, final String prop) {
    if (from.getProp(prop) != null) {
      schema.addProp(prop, from.getProp(prop));
    }
  }

  private static String fieldName(
      final Schema entity, final FieldBinding binding, final Side side) {
    return entity.getFields().get(binding.position(side)).name();
  }
}
