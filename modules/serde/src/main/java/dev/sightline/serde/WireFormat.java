package dev.sightline.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: byte 0 = magic 0, bytes 1-4 = schema id (big-endian int), then the
 * Avro binary encoding of the record with that schema.
 */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 1 + Integer.BYTES;

  private WireFormat() {}

  /** The header for a record written with schema {@code schemaId}. */
  static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /**
   * The schema id of a record in the wire format.
   *
   * @throws SerdeException.PayloadTooShort if {@code data} is shorter than the header
   * @throws SerdeException.UnknownMagicByte if it does not start with the magic byte
   */
  public static int schemaId(byte[] data, String topic) {
    if (data.length < HEADER_SIZE) {
      throw new SerdeException.PayloadTooShort(data.length, topic);
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerdeException.UnknownMagicByte(data[0], topic);
    }
    return ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
  }
}
