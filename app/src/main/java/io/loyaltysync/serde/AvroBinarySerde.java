package io.loyaltysync.serde;

import java.io.IOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary with one fixed schema, no header and no registry: the serde of internal state
 * stores and changelogs, which must never register subjects. Writer and reader schema are the same,
 * so a change to that schema needs a store migration, not a compatible evolution. Null is written
 * as null (a delete in a store). Thread-safe.
 */
public final class AvroBinarySerde<T extends IndexedRecord> implements Serde<T> {

  private final Schema schema;
  private final DatumWriter<T> writer;
  private final DatumReader<T> reader;

  @SuppressWarnings("unchecked")
  private AvroBinarySerde(final Schema schema, final GenericData model) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.writer = CompiledDatumWriter.of(schema, model);
    this.reader = (DatumReader<T>) model.createDatumReader(schema, schema);
  }

  /** The serde of the generated class {@code type}, with its schema. */
  public static <T extends SpecificRecord> AvroBinarySerde<T> of(final Class<T> type) {
    return new AvroBinarySerde<>(AvroModels.schemaOf(type), AvroModels.specific(type));
  }

  /** The serde of generic records of {@code schema}, dates and timestamps as LocalDate, Instant. */
  public static AvroBinarySerde<GenericRecord> generic(final Schema schema) {
    return new AvroBinarySerde<>(schema, AvroModels.generic());
  }

  /** The one schema every record is written and read with. */
  public Schema schema() {
    return schema;
  }

  @Override
  public Serializer<T> serializer() {
    return this::serialize;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this::deserialize;
  }

  private byte[] serialize(final String topic, final T record) {
    if (record == null) {
      return null;
    }
    try {
      return BinaryCodec.encode(writer, record);
    } catch (final ClassCastException e) {
      // Kafka Streams reports a ClassCastException as a wrong serde for the topic: keep it so.
      throw e;
    } catch (final IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot write a " + schema.getFullName() + " to " + topic + ": " + e.getMessage(), e);
    }
  }

  private T deserialize(final String topic, final byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return BinaryCodec.decode(reader, bytes, 0);
    } catch (final IOException | RuntimeException e) {
      throw UndecodableRecordException.deserialization(
          bytes.length
              + " bytes from "
              + topic
              + " do not decode as "
              + schema.getFullName()
              + ": "
              + BinaryCodec.describe(e),
          e);
    }
  }
}
