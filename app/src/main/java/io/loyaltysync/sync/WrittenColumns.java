package io.loyaltysync.sync;

import io.loyaltysync.mapping.FieldBinding;
import io.loyaltysync.mapping.Side;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * The columns a map writes to one side, of one image, as bytes: what a pending write is kept as.
 *
 * <p>A pending write is only ever compared, column by column, with an image of the same side (its
 * echo, or the canonical image the next write would carry); it is never sent again. So the state
 * keeps these bytes rather than the whole image: they are written to the store as one {@code bytes}
 * value instead of a record of nullable unions, which made encoding a row with many unconfirmed
 * writes the largest cost of the job. Two images have equal bytes exactly when their written
 * columns are equal value by value ({@link java.util.Objects#equals}): each value is written with a
 * type tag and in a form that is injective for its type, and the encoding is the same in every JVM,
 * so bytes restored from a changelog compare with bytes made now.
 */
public final class WrittenColumns {

  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int INT = 2;
  private static final int LONG = 3;
  private static final int BOOLEAN = 4;
  private static final int ENUM = 5;
  private static final int DATE = 6;
  private static final int RECORD = 7;
  private static final int DECIMAL = 8;
  private static final int DOUBLE = 9;
  private static final int FLOAT = 10;
  private static final int INSTANT = 11;
  private static final int BYTES = 12;

  private final int[][] positions = new int[2][];

  /** The written columns of each side, from the map's field bindings. */
  public WrittenColumns(final List<FieldBinding> bindings) {
    for (final Side side : Side.values()) {
      positions[side.ordinal()] =
          bindings.stream()
              .filter(b -> b.writtenTo(side))
              .mapToInt(b -> b.position(side))
              .toArray();
    }
  }

  /** The positions, in {@code side}'s record, of the columns written to it. */
  int[] positions(final Side side) {
    return positions[side.ordinal()];
  }

  /** The written columns of {@code image}, an image of {@code side}, as bytes. */
  public byte[] of(final Side side, final IndexedRecord image) {
    final Out out = new Out();
    for (final int pos : positions[side.ordinal()]) {
      write(out, image.get(pos));
    }
    return out.toByteArray();
  }

  private static void write(final Out out, final Object value) {
    if (value == null) {
      out.write(NULL);
    } else if (value instanceof CharSequence text) {
      out.write(STRING);
      out.bytes(text.toString().getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof Integer number) {
      out.write(INT);
      out.varLong(number);
    } else if (value instanceof Long number) {
      out.write(LONG);
      out.varLong(number);
    } else if (value instanceof Boolean flag) {
      out.write(BOOLEAN);
      out.write(flag ? 1 : 0);
    } else if (value instanceof Enum<?> symbol) {
      out.write(ENUM);
      out.bytes(symbol.name().getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof GenericEnumSymbol<?> symbol) {
      out.write(ENUM);
      out.bytes(symbol.toString().getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof LocalDate date) {
      out.write(DATE);
      out.varLong(date.toEpochDay());
    } else if (value instanceof IndexedRecord record) {
      out.write(RECORD);
      out.bytes(record.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
      final int fields = record.getSchema().getFields().size();
      out.varLong(fields);
      for (int i = 0; i < fields; i++) {
        write(out, record.get(i));
      }
    } else if (value instanceof BigDecimal decimal) {
      // equals compares the scale too (1.0 is not 1.00), and so does this.
      out.write(DECIMAL);
      out.varLong(decimal.scale());
      out.bytes(decimal.unscaledValue().toByteArray());
    } else if (value instanceof Double number) {
      out.write(DOUBLE);
      out.varLong(Double.doubleToLongBits(number));
    } else if (value instanceof Float number) {
      out.write(FLOAT);
      out.varLong(Float.floatToIntBits(number));
    } else if (value instanceof Instant instant) {
      out.write(INSTANT);
      out.varLong(instant.getEpochSecond());
      out.varLong(instant.getNano());
    } else if (value instanceof ByteBuffer buffer) {
      out.write(BYTES);
      final ByteBuffer view = buffer.duplicate();
      final byte[] bytes = new byte[view.remaining()];
      view.get(bytes);
      out.bytes(bytes);
    } else {
      throw new IllegalArgumentException(
          "no byte form for a mapped value of type " + value.getClass().getName());
    }
  }

  /** A growable byte buffer with Avro-style zig-zag varints and length-prefixed byte strings. */
  private static final class Out extends ByteArrayOutputStream {
    Out() {
      super(64);
    }

    void varLong(final long value) {
      long zigZag = (value << 1) ^ (value >> 63);
      while ((zigZag & ~0x7FL) != 0) {
        write((int) ((zigZag & 0x7F) | 0x80));
        zigZag >>>= 7;
      }
      write((int) zigZag);
    }

    void bytes(final byte[] bytes) {
      varLong(bytes.length);
      write(bytes, 0, bytes.length);
    }
  }
}
