package org.ccsim.core.results;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-dimensional arrays in NumPy's {@code .npy} format, version 1.0: the magic {@code \x93NUMPY},
 * the version, a little-endian 16-bit header length, a Python dict literal ({@code descr},
 * {@code fortran_order}, {@code shape}) padded with spaces to a multiple of 64 bytes and ended by a
 * line break, then the values. ccsim writes big-endian doubles ({@code >f8}) and 64-bit integers
 * ({@code >i8}); {@code numpy.load} reads them, and a ZIP of such entries opens as an {@code .npz}.
 */
final class Npy {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  private static final int PREAMBLE = MAGIC.length + 2;
  private static final int ALIGNMENT = 64;
  private static final String DOUBLES = ">f8";
  private static final String LONGS = ">i8";
  private static final Pattern HEADER = Pattern.compile(
      "\\{'descr': '([<>|]\\w+)', 'fortran_order': False, 'shape': \\((\\d+),\\), }\\s*");

  private Npy() {
  }

  /** The {@code .npy} bytes of {@code values}. */
  static byte[] of(double[] values) {
    ByteBuffer buffer = withHeader(DOUBLES, values.length);
    for (double v : values) {
      buffer.putDouble(v);
    }
    return buffer.array();
  }

  /** The {@code .npy} bytes of {@code values}. */
  static byte[] of(long[] values) {
    ByteBuffer buffer = withHeader(LONGS, values.length);
    for (long v : values) {
      buffer.putLong(v);
    }
    return buffer.array();
  }

  /** A big-endian buffer for {@code length} 8-byte values, holding the preamble and header, positioned after them. */
  private static ByteBuffer withHeader(String descr, int length) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + length + ",), }";
    int padded = ((PREAMBLE + dict.length() + 1 + ALIGNMENT - 1) / ALIGNMENT) * ALIGNMENT - PREAMBLE;
    String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
    ByteBuffer buffer = ByteBuffer.allocate(PREAMBLE + padded + length * Double.BYTES);
    buffer.put(MAGIC).order(ByteOrder.LITTLE_ENDIAN).putShort((short) padded);
    return buffer.order(ByteOrder.BIG_ENDIAN).put(header.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The values of {@code .npy} bytes this class wrote: a {@code double[]} or a {@code long[]}.
   *
   * @throws IllegalArgumentException if they are not a one-dimensional {@code >f8} or {@code >i8} array
   */
  static Object read(byte[] data) {
    ByteBuffer buffer = ByteBuffer.wrap(data);
    for (byte b : MAGIC) {
      if (!buffer.hasRemaining() || buffer.get() != b) {
        throw new IllegalArgumentException("not a .npy array of version 1.0");
      }
    }
    int headerLength = Short.toUnsignedInt(buffer.order(ByteOrder.LITTLE_ENDIAN).getShort());
    if (buffer.remaining() < headerLength) {
      throw new IllegalArgumentException("the .npy header is cut short");
    }
    String header = new String(data, PREAMBLE, headerLength, StandardCharsets.US_ASCII);
    Matcher m = HEADER.matcher(header);
    if (!m.matches() || !(m.group(1).equals(DOUBLES) || m.group(1).equals(LONGS))) {
      throw new IllegalArgumentException("expected a one-dimensional " + DOUBLES + " or " + LONGS + " array, found "
          + header.strip());
    }
    int length = Integer.parseInt(m.group(2));
    ByteBuffer values = ByteBuffer.wrap(data, PREAMBLE + headerLength, data.length - PREAMBLE - headerLength)
        .slice().order(ByteOrder.BIG_ENDIAN);
    if (values.remaining() != length * Double.BYTES) {
      throw new IllegalArgumentException("the shape says " + length + " values but " + values.remaining() + " bytes follow");
    }
    if (m.group(1).equals(DOUBLES)) {
      double[] out = new double[length];
      values.asDoubleBuffer().get(out);
      return out;
    }
    long[] out = new long[length];
    values.asLongBuffer().get(out);
    return out;
  }
}
