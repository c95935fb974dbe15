package org.ccsim.plugins.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small IDX files written by tests. */
final class IdxFiles {

  private IdxFiles() {
  }

  /** The bytes of an IDX file of unsigned bytes with these dimensions and values. */
  static byte[] idx(int[] dimensions, byte[] values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(IdxFile.UNSIGNED_BYTE << 8 | dimensions.length);
      for (int d : dimensions) {
        out.writeInt(d);
      }
      out.write(values);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] bytes) throws IOException {
    return Files.write(file, bytes);
  }

  static Path writeGzipped(Path file, byte[] bytes) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
    return file;
  }

  /**
   * A split {@code prefix} of {@code count} 2 x 3 images in {@code folder}, gzipped: image i has pixel
   * p = 10 i + p, label i % 10.
   */
  static void split(Path folder, String prefix, int count) throws IOException {
    split(folder, prefix, count, 0);
  }

  /**
   * A split {@code prefix} of {@code count} 2 x 3 images in {@code folder}, gzipped: image i has pixel
   * p = 10 (i + first) + p, label (i + first) % 10, so that splits of different {@code first} differ.
   */
  static void split(Path folder, String prefix, int count, int first) throws IOException {
    byte[] pixels = new byte[count * 6];
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < 6; p++) {
        pixels[i * 6 + p] = (byte) (10 * (i + first) + p);
      }
      labels[i] = (byte) ((i + first) % 10);
    }
    writeGzipped(folder.resolve(prefix + "-images-idx3-ubyte.gz"), idx(new int[] {count, 2, 3}, pixels));
    writeGzipped(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), idx(new int[] {count}, labels));
  }
}
