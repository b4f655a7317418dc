package io.loyaltysync.serde;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records in the schema-registry wire format under the subject {@code <topic>-key} or {@code
 * <topic>-value}, with each record's own schema as the writer schema. The id of a schema is asked
 * of the registry once per subject and then cached, so the registry sees one call per schema, not
 * one per record. Null is written as null, a tombstone. Thread-safe.
 *
 * <p>Registry errors propagate as they are: an unknown schema in {@link Registration#LOOK_UP_ONLY}
 * mode or an incompatible one is a deployment error, and an unreachable registry an infrastructure
 * one; neither is the record's fault.
 */
public final class WireFormatSerializer<T extends IndexedRecord> implements Serializer<T> {

  private final SchemaRegistryClient registry;
  private final RecordPart part;
  private final Registration registration;
  private final GenericData model;
  private final ConcurrentMap<SubjectSchema, Target<T>> targets = new ConcurrentHashMap<>();
  // One subject string per topic, made once: a subject built per record is a new string whose hash
  // the target lookup computed again every time.
  private final ConcurrentMap<String, String> subjects = new ConcurrentHashMap<>();

  /**
   * @param model the data model whose logical-type conversions the records' values follow
   */
  public WireFormatSerializer(
      final SchemaRegistryClient registry,
      final RecordPart part,
      final Registration registration,
      final GenericData model) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.part = Objects.requireNonNull(part, "part");
    this.registration = Objects.requireNonNull(registration, "registration");
    this.model = Objects.requireNonNull(model, "model");
  }

  /** A serializer for the generated class {@code type}. */
  public static <T extends SpecificRecord> WireFormatSerializer<T> specific(
      final Class<T> type,
      final RecordPart part,
      final SchemaRegistryClient registry,
      final Registration registration) {
    return new WireFormatSerializer<>(registry, part, registration, AvroModels.specific(type));
  }

  /** A serializer for generic records, dates and timestamps as LocalDate and Instant or raw. */
  public static WireFormatSerializer<GenericRecord> generic(
      final RecordPart part, final SchemaRegistryClient registry, final Registration registration) {
    return new WireFormatSerializer<>(registry, part, registration, AvroModels.generic());
  }

  @Override
  public byte[] serialize(final String topic, final T record) {
    if (record == null) {
      return null;
    }
    final Schema schema = record.getSchema();
    final Target<T> target =
        target(new SubjectSchema(subjects.computeIfAbsent(topic, part::subject), schema));
    try {
      return BinaryCodec.encode(target.header(), target.writer(), record);
    } catch (final ClassCastException e) {
      // Kafka Streams reports a ClassCastException as a wrong serde for the topic: keep it so.
      throw e;
    } catch (final IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot write a " + schema.getFullName() + " to topic " + topic + ": " + e.getMessage(),
          e);
    }
  }

  private Target<T> target(final SubjectSchema key) {
    final Target<T> cached = targets.get(key);
    if (cached != null) {
      return cached;
    }
    // The registry call is made outside the map so that a slow registry blocks no other key;
    // two threads racing on a new schema both ask, and the registry gives both the same id.
    final int id =
        registration == Registration.AUTO_REGISTER
            ? registry.register(key.subject(), key.schema())
            : registry.lookup(key.subject(), key.schema());
    final DatumWriter<T> writer = CompiledDatumWriter.of(key.schema(), model);
    final Target<T> made = new Target<>(WireFormat.header(id), writer);
    final Target<T> raced = targets.putIfAbsent(key, made);
    return raced != null ? raced : made;
  }

  /** Cache key: the same schema may have an id under one subject and none under another. */
  private record SubjectSchema(String subject, Schema schema) {}

  /** What writing one schema to one subject needs: the header with its id, and a datum writer. */
  private record Target<R>(byte[] header, DatumWriter<R> writer) {}
}
