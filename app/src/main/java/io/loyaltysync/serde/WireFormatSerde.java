package io.loyaltysync.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a topic whose records travel in the schema-registry wire format (see {@link
 * WireFormatSerializer} and {@link WireFormatDeserializer}). Built complete from its arguments, so
 * Kafka's {@code configure} has nothing to add.
 */
public final class WireFormatSerde<T extends IndexedRecord> implements Serde<T> {

  private final WireFormatSerializer<T> serializer;
  private final WireFormatDeserializer<T> deserializer;

  public WireFormatSerde(
      final WireFormatSerializer<T> serializer, final WireFormatDeserializer<T> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
  }

  /** The serde of the generated class {@code type}. */
  public static <T extends SpecificRecord> WireFormatSerde<T> specific(
      final Class<T> type,
      final RecordPart part,
      final SchemaRegistryClient registry,
      final Registration registration) {
    return new WireFormatSerde<>(
        WireFormatSerializer.specific(type, part, registry, registration),
        WireFormatDeserializer.specific(type, registry));
  }

  /**
   * The serde of generic records read as {@code readerSchema}, for records whose schema is derived
   * at start-up. Each record is written with its own schema.
   */
  public static WireFormatSerde<GenericRecord> generic(
      final Schema readerSchema,
      final RecordPart part,
      final SchemaRegistryClient registry,
      final Registration registration) {
    return new WireFormatSerde<>(
        WireFormatSerializer.generic(part, registry, registration),
        WireFormatDeserializer.generic(readerSchema, registry));
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
