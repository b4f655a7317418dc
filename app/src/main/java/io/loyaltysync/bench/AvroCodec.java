package io.loyaltysync.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Avro binary encoding of one entity schema the way a serde does it per record: one datum writer
 * and reader, a reused {@link BinaryEncoder} and {@link BinaryDecoder}, a fresh record per decode
 * (a deserializer hands each record downstream, so it cannot reuse one). Not thread-safe.
 */
final class AvroCodec {

  private final DatumWriter<IndexedRecord> writer;
  private final DatumReader<IndexedRecord> reader;
  private final Buffer out = new Buffer();
  private final BinaryEncoder encoder;
  private BinaryDecoder decoder;

  AvroCodec(final Schema schema) {
    this.writer = new SpecificDatumWriter<>(schema);
    this.reader = new SpecificDatumReader<>(schema);
    this.encoder = EncoderFactory.get().binaryEncoder(out, null);
  }

  /** Encodes {@code record} into the reused buffer; returns its length in bytes. */
  int encode(final IndexedRecord record) {
    out.reset();
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (final IOException e) {
      throw new UncheckedIOException("encoding " + record.getSchema().getFullName(), e);
    }
    return out.size();
  }

  /** Encodes {@code record} into a new array, for building input pools. */
  byte[] toBytes(final IndexedRecord record) {
    encode(record);
    return out.toByteArray();
  }

  /** Decodes one record from {@code bytes} with the reused decoder. */
  IndexedRecord decode(final byte[] bytes) {
    decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
    try {
      return reader.read(null, decoder);
    } catch (final IOException e) {
      throw new UncheckedIOException("decoding " + bytes.length + " bytes", e);
    }
  }

  /**
   * An unsynchronised growable byte buffer: ByteArrayOutputStream's synchronised methods would add
   * lock operations to every record and be measured as Avro's cost.
   */
  private static final class Buffer extends OutputStream {
    private byte[] bytes = new byte[256];
    private int count;

    @Override
    public void write(final int b) {
      ensure(count + 1);
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(final byte[] source, final int offset, final int length) {
      ensure(count + length);
      System.arraycopy(source, offset, bytes, count, length);
      count += length;
    }

    void reset() {
      count = 0;
    }

    int size() {
      return count;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, count);
    }

    private void ensure(final int capacity) {
      if (capacity > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
      }
    }
  }
}
