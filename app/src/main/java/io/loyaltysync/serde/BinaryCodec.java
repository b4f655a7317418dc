package io.loyaltysync.serde;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Avro binary encoding with an encoder, buffer and decoder reused per thread. Serdes are shared by
 * stream threads, so the reusable parts cannot live in a serde; datum readers and writers built for
 * fixed schemas hold no per-call state and are shared. Not reentrant, which is safe because
 * encoding never calls back into a serde.
 */
final class BinaryCodec {

  /** A thread keeps a buffer this large at most; one huge record must not pin its memory. */
  private static final int MAX_KEPT_BUFFER = 1 << 20;

  private static final byte[] NO_PREFIX = new byte[0];

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private BinaryCodec() {}

  /** The Avro binary encoding of {@code datum}. */
  static <T> byte[] encode(final DatumWriter<T> writer, final T datum) throws IOException {
    return encode(NO_PREFIX, writer, datum);
  }

  /** {@code prefix} followed by the Avro binary encoding of {@code datum}. */
  static <T> byte[] encode(final byte[] prefix, final DatumWriter<T> writer, final T datum)
      throws IOException {
    final Scratch scratch = SCRATCH.get();
    final Buffer out = scratch.out;
    out.reset();
    out.write(prefix, 0, prefix.length);
    writer.write(datum, scratch.encoder);
    final byte[] bytes = out.toByteArray();
    out.shrinkTo(MAX_KEPT_BUFFER);
    return bytes;
  }

  /**
   * Decodes one datum from {@code bytes} starting at {@code offset}, which must end exactly at the
   * end of the array: bytes left over mean the writer schema is not the one the bytes were written
   * with.
   *
   * @throws IOException when the bytes end early or carry bytes after the datum
   */
  static <T> T decode(final DatumReader<T> reader, final byte[] bytes, final int offset)
      throws IOException {
    final Scratch scratch = SCRATCH.get();
    final BinaryDecoder decoder =
        DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, scratch.decoder);
    scratch.decoder = decoder;
    final T datum = reader.read(null, decoder);
    if (!decoder.isEnd()) {
      throw new IOException("bytes left over after the end of the record");
    }
    return datum;
  }

  /** What went wrong in a decode, for a dead letter's reason: Avro's message, or what it means. */
  static String describe(final Exception failure) {
    if (failure instanceof EOFException) {
      return "the bytes end before the record does";
    }
    return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
  }

  private static final class Scratch {
    private final Buffer out = new Buffer();
    // Direct, not buffered: a write that fails half-way leaves its bytes in out, which the next
    // call resets, rather than in an encoder buffer that would be flushed into the next record.
    private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    private BinaryDecoder decoder;
  }

  /**
   * An unsynchronised growable byte buffer: it is confined to one thread, so
   * ByteArrayOutputStream's locks would be pure cost on every record.
   */
  private static final class Buffer extends OutputStream {
    private static final int INITIAL = 256;

    private byte[] bytes = new byte[INITIAL];
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

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, count);
    }

    void shrinkTo(final int limit) {
      if (bytes.length > limit) {
        bytes = new byte[INITIAL];
      }
    }

    private void ensure(final int capacity) {
      if (capacity > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
      }
    }
  }
}
