package io.loyaltysync.serde;

import io.loyaltysync.avro.error.ErrorCategory;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the schema-registry wire format: the writer schema comes from the registry by
 * the id in the header, and is resolved to this deserializer's reader schema, so records written
 * with an older or newer compatible schema read as the current one. The resolution per writer id is
 * cached, so the registry sees one call per id. Null bytes read as null. Thread-safe.
 *
 * <p>Bad bytes throw {@link UndecodableRecordException}: category UNKNOWN_SCHEMA for an id the
 * registry does not know, DESERIALIZATION for anything else. An unreachable registry throws {@link
 * SchemaRegistryUnavailableException}, which callers must rethrow rather than dead-letter.
 */
public final class WireFormatDeserializer<T extends IndexedRecord> implements Deserializer<T> {

  private final SchemaRegistryClient registry;
  private final Schema readerSchema;
  private final GenericData model;
  private final ConcurrentMap<Integer, Resolution<T>> resolutions = new ConcurrentHashMap<>();

  /**
   * @param readerSchema the schema every record is read as
   * @param model the data model to read with: a generated class's model makes specific records
   */
  public WireFormatDeserializer(
      final SchemaRegistryClient registry, final Schema readerSchema, final GenericData model) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.readerSchema = Objects.requireNonNull(readerSchema, "readerSchema");
    this.model = Objects.requireNonNull(model, "model");
  }

  /** A deserializer into the generated class {@code type}, read with its schema. */
  public static <T extends SpecificRecord> WireFormatDeserializer<T> specific(
      final Class<T> type, final SchemaRegistryClient registry) {
    return new WireFormatDeserializer<>(
        registry, AvroModels.schemaOf(type), AvroModels.specific(type));
  }

  /**
   * A deserializer into generic records of {@code readerSchema}, dates and timestamps as LocalDate
   * and Instant.
   */
  public static WireFormatDeserializer<GenericRecord> generic(
      final Schema readerSchema, final SchemaRegistryClient registry) {
    return new WireFormatDeserializer<>(registry, readerSchema, AvroModels.generic());
  }

  /** The schema every record is read as. */
  public Schema readerSchema() {
    return readerSchema;
  }

  @Override
  public T deserialize(final String topic, final byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    final int id = WireFormat.schemaId(bytes);
    final Resolution<T> resolution = resolution(id);
    if (resolution.reader() == null) {
      throw UndecodableRecordException.deserialization(resolution.refusal(), null);
    }
    try {
      return BinaryCodec.decode(resolution.reader(), bytes, WireFormat.HEADER_SIZE);
    } catch (final IOException | RuntimeException e) {
      throw UndecodableRecordException.deserialization(
          "record of schema id "
              + id
              + " does not decode as "
              + readerSchema.getFullName()
              + ": "
              + BinaryCodec.describe(e),
          e);
    }
  }

  private Resolution<T> resolution(final int id) {
    final Resolution<T> cached = resolutions.get(id);
    if (cached != null) {
      return cached;
    }
    // Fetched outside the map so that a slow registry blocks no other id. An unknown id is not
    // cached: the schema may be registered a moment later.
    final Schema writerSchema;
    try {
      writerSchema = registry.schemaById(id);
    } catch (final UnknownSchemaException e) {
      throw new UndecodableRecordException(
          ErrorCategory.UNKNOWN_SCHEMA, "schema id " + id + " is not in the registry", e);
    }
    final Resolution<T> made = resolve(id, writerSchema);
    final Resolution<T> raced = resolutions.putIfAbsent(id, made);
    return raced != null ? raced : made;
  }

  private Resolution<T> resolve(final int id, final Schema writerSchema) {
    final String incompatibility = Compatibility.whyNotReadable(readerSchema, writerSchema);
    if (incompatibility != null) {
      // Cached like a reader: the registry never changes the schema behind an id.
      return new Resolution<>(
          null,
          "schema id "
              + id
              + " ("
              + writerSchema.getFullName()
              + ") cannot be read as "
              + readerSchema.getFullName()
              + ": "
              + incompatibility);
    }
    @SuppressWarnings("unchecked")
    final DatumReader<T> reader =
        (DatumReader<T>) model.createDatumReader(writerSchema, readerSchema);
    return new Resolution<>(reader, null);
  }

  /** How records of one writer schema are read: a resolving reader, or why they cannot be. */
  private record Resolution<R>(DatumReader<R> reader, String refusal) {}
}
