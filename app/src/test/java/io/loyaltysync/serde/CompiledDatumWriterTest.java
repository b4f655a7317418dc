package io.loyaltysync.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.loyaltysync.avro.error.AuditEvent;
import io.loyaltysync.avro.error.DeadLetter;
import io.loyaltysync.avro.event.CrmLoyaltyCardChange;
import io.loyaltysync.avro.event.CrmLoyaltyLevelChange;
import io.loyaltysync.avro.event.CrmLoyaltyRewardPointChange;
import io.loyaltysync.avro.event.ErpLoyaltyCardChange;
import io.loyaltysync.avro.event.ErpLoyaltyLevelChange;
import io.loyaltysync.avro.event.ErpLoyaltyRewardPointChange;
import io.loyaltysync.avro.internal.ParkedRecords;
import io.loyaltysync.avro.internal.SyncStateRecord;
import io.loyaltysync.avro.reference.TransactionCurrencyChange;
import io.loyaltysync.mapping.MapRegistry;
import io.loyaltysync.mapping.Side;
import io.loyaltysync.mapping.Template;
import io.loyaltysync.sync.OutboundRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled writer must write exactly the bytes Avro's own writer does, for every schema the job
 * writes, with every optional value both set and empty and every branch of every union.
 */
class CompiledDatumWriterTest {

  private static final int RECORDS_PER_SCHEMA = 300;

  static Stream<Class<? extends SpecificRecord>> writtenTypes() {
    return Stream.of(
        ErpLoyaltyCardChange.class,
        CrmLoyaltyCardChange.class,
        ErpLoyaltyLevelChange.class,
        CrmLoyaltyLevelChange.class,
        ErpLoyaltyRewardPointChange.class,
        CrmLoyaltyRewardPointChange.class,
        TransactionCurrencyChange.class,
        SyncStateRecord.class,
        ParkedRecords.class,
        AuditEvent.class,
        DeadLetter.class);
  }

  @ParameterizedTest
  @MethodSource("writtenTypes")
  void shouldWriteTheSameBytesAsAvrosGenericWriter(final Class<? extends SpecificRecord> type)
      throws IOException {
    final Schema schema = AvroModels.schemaOf(type);
    final GenericData generic = AvroModels.generic();
    final GenericData specific = AvroModels.specific(type);
    final Random random = new Random(type.getName().hashCode());
    for (int i = 0; i < RECORDS_PER_SCHEMA; i++) {
      // Given a random record, as generic data and as the generated class
      final Object record = new RandomDatum(random, i % 3 == 0).of(schema);
      final byte[] expected = write(generic.createDatumWriter(schema), record);
      final Object typed =
          specific
              .createDatumReader(schema)
              .read(null, DecoderFactory.get().binaryDecoder(expected, null));

      // Then the compiled writers write the same bytes from both
      assertInstanceOf(CompiledDatumWriter.class, CompiledDatumWriter.of(schema, generic));
      assertArrayEquals(
          expected, write(CompiledDatumWriter.of(schema, generic), record), "generic " + i);
      assertArrayEquals(
          expected, write(CompiledDatumWriter.of(schema, specific), typed), "specific " + i);
    }
  }

  /** The outbound records' schemas, derived from the maps: generic records. */
  static Stream<Schema> outboundSchemas() {
    final MapRegistry maps = MapRegistry.bundled();
    return Stream.of(Template.values())
        .flatMap(t -> Stream.of(Side.values()).map(s -> new OutboundRecords(maps.current(t), s)))
        .map(OutboundRecords::schema);
  }

  @ParameterizedTest
  @MethodSource("outboundSchemas")
  void shouldWriteTheOutboundRecordsAsAvrosGenericWriterDoes(final Schema schema)
      throws IOException {
    final Random random = new Random(schema.getFullName().hashCode());
    final DatumWriter<Object> compiled = CompiledDatumWriter.of(schema, AvroModels.generic());
    assertInstanceOf(CompiledDatumWriter.class, compiled);
    for (int i = 0; i < RECORDS_PER_SCHEMA; i++) {
      final Object record = new RandomDatum(random, i % 3 == 0).of(schema);
      assertArrayEquals(
          write(AvroModels.generic().createDatumWriter(schema), record),
          write(compiled, record),
          "record " + i);
    }
  }

  @Test
  void shouldWriteAnyNumberAsAvroDoesNarrowedOrWidenedToTheSchemasType() throws IOException {
    final Schema schema =
        SchemaBuilder.record("Numbers")
            .fields()
            .requiredLong("along")
            .requiredInt("anint")
            .requiredDouble("adouble")
            .requiredFloat("afloat")
            .endRecord();
    final GenericData.Record record = new GenericData.Record(schema);
    record.put("along", 7);
    record.put("anint", 8L);
    record.put("adouble", 1.5f);
    record.put("afloat", 2.5d);

    assertArrayEquals(
        write(AvroModels.generic().createDatumWriter(schema), record),
        write(CompiledDatumWriter.of(schema, AvroModels.generic()), record));
  }

  @Test
  void shouldLeaveASchemaWithALogicalTypeItDoesNotConvertToAvrosWriter() throws IOException {
    final Schema time = LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
    final Schema schema =
        SchemaBuilder.record("Opening").fields().name("at").type(time).noDefault().endRecord();
    final GenericData.Record record = new GenericData.Record(schema);
    record.put("at", java.time.LocalTime.of(9, 30));

    final DatumWriter<Object> writer = CompiledDatumWriter.of(schema, AvroModels.generic());

    assertFalse(writer instanceof CompiledDatumWriter, "a time of day is Avro's to write");
    assertArrayEquals(
        write(AvroModels.generic().createDatumWriter(schema), record), write(writer, record));
  }

  @ParameterizedTest
  @MethodSource("writtenTypes")
  void shouldRefuseARecordWithRequiredValuesMissingWhenAvroDoes(
      final Class<? extends SpecificRecord> type) {
    // Given a record with no field set: invalid wherever a field is required
    final Schema schema = AvroModels.schemaOf(type);
    final GenericData.Record empty = new GenericData.Record(schema);

    // Then the compiled writer refuses it exactly when Avro's does
    assertEquals(
        fails(AvroModels.generic().createDatumWriter(schema), empty),
        fails(CompiledDatumWriter.of(schema, AvroModels.generic()), empty));
  }

  private static boolean fails(final DatumWriter<Object> writer, final Object datum) {
    try {
      write(writer, datum);
      return false;
    } catch (final RuntimeException | IOException e) {
      return true;
    }
  }

  @SuppressWarnings("unchecked")
  private static byte[] write(final DatumWriter<?> writer, final Object datum) throws IOException {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
    ((DatumWriter<Object>) writer).write(datum, out);
    out.flush();
    return bytes.toByteArray();
  }

  /** Random generic data of a schema: dates and timestamps as LocalDate and Instant. */
  private static final class RandomDatum {
    private final Random random;
    private final boolean sparse;

    RandomDatum(final Random random, final boolean sparse) {
      this.random = random;
      this.sparse = sparse;
    }

    Object of(final Schema schema) {
      return switch (schema.getType()) {
        case NULL -> null;
        case BOOLEAN -> random.nextBoolean();
        case INT ->
            schema.getLogicalType() instanceof LogicalTypes.Date
                ? LocalDate.ofEpochDay(random.nextInt(60_000) - 25_000)
                : random.nextInt();
        case LONG ->
            schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                ? Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L))
                : random.nextLong();
        case FLOAT -> random.nextFloat();
        case DOUBLE -> random.nextDouble();
        case STRING -> text();
        case BYTES -> ByteBuffer.wrap(text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        case ENUM ->
            new GenericData.EnumSymbol(
                schema,
                schema.getEnumSymbols().get(random.nextInt(schema.getEnumSymbols().size())));
        case FIXED -> {
          final byte[] bytes = new byte[schema.getFixedSize()];
          random.nextBytes(bytes);
          yield new GenericData.Fixed(schema, bytes);
        }
        case ARRAY -> {
          final List<Object> items = new ArrayList<>();
          final int size = sparse ? random.nextInt(2) : random.nextInt(4);
          for (int i = 0; i < size; i++) {
            items.add(of(schema.getElementType()));
          }
          yield items;
        }
        case MAP -> {
          final Map<String, Object> entries = new HashMap<>();
          for (int i = random.nextInt(3); i > 0; i--) {
            entries.put(text(), of(schema.getValueType()));
          }
          yield entries;
        }
        case UNION -> {
          final List<Schema> branches = schema.getTypes();
          final Schema nullBranch =
              branches.stream()
                  .filter(b -> b.getType() == Schema.Type.NULL)
                  .findFirst()
                  .orElse(null);
          yield sparse && nullBranch != null
              ? null
              : of(branches.get(random.nextInt(branches.size())));
        }
        case RECORD -> {
          final GenericData.Record record = new GenericData.Record(schema);
          for (final Schema.Field field : schema.getFields()) {
            record.put(field.pos(), of(field.schema()));
          }
          yield record;
        }
      };
    }

    private String text() {
      final int length = random.nextInt(12);
      final StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        // Now and then a character outside ASCII, which UTF-8 writes in more than one byte.
        text.append(random.nextInt(10) == 0 ? 'é' : (char) ('A' + random.nextInt(26)));
      }
      return text.toString();
    }
  }
}
