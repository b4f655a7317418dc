package io.loyaltysync.serde;

import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** The Avro data models the serdes read and write with. */
final class AvroModels {

  /**
   * Generic records with the time conversions the generated classes use, so that a date reads as a
   * LocalDate and a timestamp as an Instant whether a record is generic or specific. Writing still
   * accepts the raw int or long. Conversions are added once here, before any use, so sharing it
   * across threads is safe.
   */
  private static final GenericData GENERIC = genericWithTimeConversions();

  private AvroModels() {}

  static GenericData generic() {
    return GENERIC;
  }

  /** The model generated into {@code type}, with that class's logical-type conversions. */
  static SpecificData specific(final Class<? extends SpecificRecord> type) {
    return SpecificData.getForClass(type);
  }

  /** The fixed schema generated into {@code type}. */
  static Schema schemaOf(final Class<? extends SpecificRecord> type) {
    return specific(type).getSchema(type);
  }

  private static GenericData genericWithTimeConversions() {
    final GenericData model = new GenericData();
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    model.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    return model;
  }
}
