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
 * keeps it), open after its header: two zero bytes, a type byte ({@code 0x08}: unsigned bytes, the
 * only type these datasets use) and the number of dimensions, then each dimension's size as a
 * big-endian 32-bit integer, then the values in row-major order. A file whose first two bytes are
 * gzip's magic ({@code 1f 8b}) is read through gzip, whatever its name.
 *
 * <p>Opening reads the header only, so that a caller can declare the memory of the values before
 * {@link #readFirst} allocates them.
 */
final class IdxFile implements AutoCloseable {

  /** The type byte of unsigned bytes. */
  static final int UNSIGNED_BYTE = 0x08;

  /** The most values a file may hold: the most a Java array can. */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private final Path file;
  private final DataInputStream in;
  private final int[] dimensions;

  private IdxFile(Path file, DataInputStream in, int[] dimensions) {
    this.file = file;
    this.in = in;
    this.dimensions = dimensions;
  }

  /**
   * Opens {@code file} and reads its header, checking that it announces {@code expectedDimensions}
   * dimensions of unsigned bytes (3 for images, 1 for labels).
   *
   * @throws IdxException naming the file and what is wrong with its header
   */
  static IdxFile open(Path file, int expectedDimensions) throws IdxException {
    DataInputStream in;
    try {
      in = new DataInputStream(stream(file));
    } catch (IOException e) {
      throw new IdxException(file, "cannot be read: " + e.getMessage());
    }
    try {
      return new IdxFile(file, in, header(file, in, expectedDimensions));
    } catch (IdxException e) {
      close(file, in);
      throw e;
    }
  }

  /** The size of each dimension, the first being the number of items. */
  int[] dimensions() {
    return dimensions.clone();
  }

  /** The number of items: the size of the first dimension. */
  int items() {
    return dimensions[0];
  }

  /** The values per item: the product of the other dimensions' sizes. */
  long itemSize() {
    long size = 1;
    for (int d = 1; d < dimensions.length; d++) {
      size *= dimensions[d];
    }
    return size;
  }

  /**
   * The values of the first {@code count} items ({@code 0 <= count <= items()}), unsigned bytes as
   * stored; the rest of the file is read through to check that it holds exactly the values its header
   * announces. Call once.
   *
   * @throws IdxException naming the file: truncated (with the values missing) or longer than announced
   */
  byte[] readFirst(int count) throws IdxException {
    long total = items() * itemSize();
    byte[] values = new byte[Math.toIntExact(count * itemSize())];
    try {
      long present = in.readNBytes(values, 0, values.length);
      byte[] rest = new byte[1 << 16];
      for (int read = 0; read >= 0 && present <= total; read = in.read(rest)) {
        present += read;
      }
      if (present < total) {
        throw new IdxException(file, "truncated: the header announces " + Arrays.toString(dimensions) + " = " + total
            + " values but the file holds " + present);
      }
      if (present > total) {
        throw new IdxException(file, "holds more bytes than the header's " + Arrays.toString(dimensions) + " announce");
      }
      return values;
    } catch (IOException e) {
      throw new IdxException(file, "cannot be read: " + e.getMessage());
    }
  }

  @Override
  public void close() throws IdxException {
    close(file, in);
  }

  private static void close(Path file, InputStream in) throws IdxException {
    try {
      in.close();
    } catch (IOException e) {
      throw new IdxException(file, "cannot be closed: " + e.getMessage());
    }
  }

  private static int[] header(Path file, DataInputStream in, int expectedDimensions) throws IdxException {
    try {
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
        total = Math.min(total * dimensions[d], MAX_VALUES + 1); // < 2^62: no overflow
      }
      if (total > MAX_VALUES) {
        throw new IdxException(file, "announces " + Arrays.toString(dimensions) + " values, more than an array can hold");
      }
      return dimensions;
    } catch (IOException e) {
      throw new IdxException(file, "cannot be read: " + e.getMessage());
    }
  }

  /** The file's bytes, through gzip when it starts with gzip's magic. */
  private static InputStream stream(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzipped ? new GZIPInputStream(in, 1 << 16) : in;
  }
}
