package io.loyaltysync.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Makes the value serdes of the job's topics, all through one schema registry client. */
public final class RegistrySerdes {

  private final SchemaRegistryClient registry;
  private final Registration registration;

  public RegistrySerdes(final SchemaRegistryClient registry, final Registration registration) {
    this.registry = registry;
    this.registration = registration;
  }

  public SchemaRegistryClient registry() {
    return registry;
  }

  /** Values of a generated class. */
  public <T extends SpecificRecord> Serde<T> specific(final Class<T> type) {
    return WireFormatSerde.specific(type, RecordPart.VALUE, registry, registration);
  }

  /** Values of a schema known only at start-up (the derived outbound records). */
  public Serde<GenericRecord> generic(final Schema schema) {
    return WireFormatSerde.generic(schema, RecordPart.VALUE, registry, registration);
  }
}
