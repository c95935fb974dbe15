package org.ccsim.plugins.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One file of the IDX format of LeCun et al.'s MNIST (and of Xiao et al.'s Fashion-MNIST, which
 * keeps it): a big-endian header of two zero bytes, a type byte ({@code 0x08}: unsigned bytes, the
 * only type these datasets use) and the number of dimensions, then each dimension's size as a
 * 32-bit integer, then the values in row-major order. A file whose first two bytes are gzip's magic
 * ({@code 1f 8b}) is read through gzip, whatever its name.
 *
 * @param dimensions the size of each dimension, the first being the number of items
 * @param values every value, unsigned bytes as stored
 */
record IdxFile(int[] dimensions, byte[] values) {

  /** The type byte of unsigned bytes. */
  static final int UNSIGNED_BYTE = 0x08;

  /** The number of items: the size of the first dimension. */
  int items() {
    return dimensions[0];
  }

  /**
   * Reads {@code file}, checking that it holds {@code expectedDimensions} dimensions of unsigned
   * bytes (3 for images, 1 for labels) and every value its header announces.
   *
   * @throws IdxException naming the file and what is wrong with it
   */
  static IdxFile read(Path file, int expectedDimensions) throws IdxException {
    try (DataInputStream in = new DataInputStream(open(file))) {
      int magic;
      try {
        magic = in.readInt();
      } catch (EOFException e) {
        throw new IdxException(file, "truncated: shorter than the 4-byte IDX header");
      }
      int expectedMagic = UNSIGNED_BYTE << 8 | expectedDimensions;
      if (magic != expectedMagic) {
        throw new IdxException(file, String.format("bad magic number 0x%08x: an IDX file of %d dimension(s) of"
            + " unsigned bytes starts with 0x%08x", magic, expectedDimensions, expectedMagic));
      }
      int[] dimensions = new int[expectedDimensions];
      long total = 1;
      for (int d = 0; d < expectedDimensions; d++) {
        try {
          dimensions[d] = in.readInt();
        } catch (EOFException e) {
          throw new IdxException(file, "truncated in the header, at the size of dimension " + (d + 1));
        }
        if (dimensions[d] < 0) {
          throw new IdxException(file, "dimension " + (d + 1) + " has a negative size " + dimensions[d]);
        }
        total *= dimensions[d];
      }
      if (total > Integer.MAX_VALUE - 8) {
        throw new IdxException(file, "announces " + total + " values, more than one array can hold");
      }
      byte[] values = new byte[(int) total];
      int read = in.readNBytes(values, 0, values.length);
      if (read < values.length) {
        throw new IdxException(file, "truncated: the header announces " + Arrays.toString(dimensions) + " = " + total
            + " values but the file holds " + read);
      }
      if (in.read() != -1) {
        throw new IdxException(file, "holds more bytes than the header's " + Arrays.toString(dimensions) + " announce");
      }
      return new IdxFile(dimensions, values);
    } catch (IdxException e) {
      throw e;
    } catch (IOException e) {
      throw new IdxException(file, "cannot be read: " + e.getMessage());
    }
  }

  /** The file's bytes, through gzip when it starts with gzip's magic. */
  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzipped ? new GZIPInputStream(in, 1 << 16) : in;
  }
}
