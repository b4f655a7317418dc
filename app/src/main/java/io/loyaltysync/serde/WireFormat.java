package io.loyaltysync.serde;

import java.nio.ByteBuffer;

/**
 * The schema registry wire format: byte 0 is the magic byte 0, bytes 1 to 4 the schema's global id
 * as a big-endian int32, then the Avro binary encoding of the record.
 */
final class WireFormat {

  static final byte MAGIC_BYTE = 0;
  static final int HEADER_SIZE = 1 + Integer.BYTES;

  private WireFormat() {}

  /** The five bytes that precede a record written with schema {@code id}. */
  static byte[] header(final int id) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(id).array();
  }

  /**
   * The schema id in {@code bytes}' header.
   *
   * @throws UndecodableRecordException when the bytes do not start with a wire-format header
   */
  static int schemaId(final byte[] bytes) {
    if (bytes.length > 0 && bytes[0] != MAGIC_BYTE) {
      throw UndecodableRecordException.deserialization(
          String.format(
              "not in the schema-registry wire format: first byte is 0x%02x, expected 0x00",
              bytes[0] & 0xff),
          null);
    }
    if (bytes.length < HEADER_SIZE) {
      throw UndecodableRecordException.deserialization(
          "not in the schema-registry wire format: "
              + bytes.length
              + " bytes, shorter than the "
              + HEADER_SIZE
              + "-byte header",
          null);
    }
    return ByteBuffer.wrap(bytes, 1, Integer.BYTES).getInt();
  }
}
