package org.ccsim.plugins.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDX reader on small files written here: plain and gzipped files read back exactly, the header
 * before any value, and every kind of broken file is refused with its name and what is wrong, also
 * when only the first items are kept.
 */
class IdxFileTest {

  @TempDir
  Path dir;

  private static final byte[] VALUES = {0, 1, 2, (byte) 200, (byte) 255, 7};

  /** Every value of {@code file}, an IDX file of {@code dimensions} dimensions. */
  private static byte[] values(Path file, int dimensions) throws IdxException {
    try (IdxFile idx = IdxFile.open(file, dimensions)) {
      return idx.readFirst(idx.items());
    }
  }

  @Test
  void aPlainFileReadsBackItsDimensionsAndValues() throws Exception {
    Path file = IdxFiles.write(dir.resolve("a-images-idx3-ubyte"), IdxFiles.idx(new int[] {1, 2, 3}, VALUES));
    try (IdxFile idx = IdxFile.open(file, 3)) {
      assertArrayEquals(new int[] {1, 2, 3}, idx.dimensions());
      assertEquals(1, idx.items());
      assertEquals(6, idx.itemSize());
      assertArrayEquals(VALUES, idx.readFirst(1));
    }
  }

  @Test
  void aGzippedFileIsRecognisedByItsMagicWhateverItsName() throws Exception {
    Path file = IdxFiles.writeGzipped(dir.resolve("no-gz-suffix"), IdxFiles.idx(new int[] {6}, VALUES));
    assertArrayEquals(VALUES, values(file, 1));
  }

  @Test
  void theFirstItemsAreKeptAndTheRestIsStillChecked() throws Exception {
    Path file = IdxFiles.writeGzipped(dir.resolve("three.gz"), IdxFiles.idx(new int[] {3, 2}, VALUES));
    try (IdxFile idx = IdxFile.open(file, 2)) {
      assertArrayEquals(new byte[] {0, 1, 2, (byte) 200}, idx.readFirst(2));
    }
    byte[] whole = IdxFiles.idx(new int[] {3, 2}, VALUES);
    Path cut = IdxFiles.write(dir.resolve("cut"), Arrays.copyOf(whole, whole.length - 1));
    try (IdxFile idx = IdxFile.open(cut, 2)) {
      assertEquals(cut + ": truncated: the header announces [3, 2] = 6 values but the file holds 5",
          assertThrows(IdxException.class, () -> idx.readFirst(1)).getMessage());
    }
  }

  @Test
  void aHeaderAnnouncingMoreThanAnArrayCanHoldIsRefusedBeforeAnyAllocation() throws IOException {
    Path file = IdxFiles.write(dir.resolve("huge"), IdxFiles.idx(new int[] {70_000, 100_000, 100_000}, new byte[0]));
    assertEquals(file + ": announces [70000, 100000, 100000] values, more than an array can hold",
        assertThrows(IdxException.class, () -> IdxFile.open(file, 3)).getMessage());
  }

  @Test
  void aWrongMagicNumberIsNamed() throws IOException {
    Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.idx(new int[] {6}, VALUES));
    IdxException e = assertThrows(IdxException.class, () -> IdxFile.open(file, 3));
    assertEquals(file + ": bad magic number 0x00000801: an IDX file of 3 dimension(s) of unsigned bytes starts with"
        + " 0x00000803", e.getMessage());
    Path text = Files.writeString(dir.resolve("text"), "not an IDX file at all");
    assertEquals(text + ": bad magic number 0x6e6f7420: an IDX file of 1 dimension(s) of unsigned bytes starts with"
        + " 0x00000801", assertThrows(IdxException.class, () -> IdxFile.open(text, 1)).getMessage());
  }

  @Test
  void aTruncatedFileSaysHowMuchIsMissing() throws IOException {
    byte[] whole = IdxFiles.idx(new int[] {1, 2, 3}, VALUES);
    Path short4 = IdxFiles.writeGzipped(dir.resolve("short.gz"), Arrays.copyOf(whole, whole.length - 2));
    IdxException e = assertThrows(IdxException.class, () -> values(short4, 3));
    assertEquals(short4 + ": truncated: the header announces [1, 2, 3] = 6 values but the file holds 4", e.getMessage());
    Path header = IdxFiles.write(dir.resolve("header"), Arrays.copyOf(whole, 9));
    assertEquals(header + ": truncated in the header, at the size of dimension 2",
        assertThrows(IdxException.class, () -> IdxFile.open(header, 3)).getMessage());
    Path empty = IdxFiles.write(dir.resolve("empty"), new byte[0]);
    assertEquals(empty + ": truncated: shorter than the 4-byte IDX header",
        assertThrows(IdxException.class, () -> IdxFile.open(empty, 3)).getMessage());
  }

  @Test
  void bytesBeyondWhatTheHeaderAnnouncesAreRefused() throws Exception {
    byte[] whole = IdxFiles.idx(new int[] {5}, Arrays.copyOf(VALUES, 5));
    Path longer = IdxFiles.write(dir.resolve("longer"), IdxFiles.idx(new int[] {5}, VALUES));
    assertEquals(longer + ": holds more bytes than the header's [5] announce",
        assertThrows(IdxException.class, () -> values(longer, 1)).getMessage());
    assertArrayEquals(Arrays.copyOf(VALUES, 5), values(IdxFiles.write(dir.resolve("exact"), whole), 1));
  }

  /** The first {@code count} images of split {@code prefix} of {@link #dir}. */
  private ImageSplit read(String prefix, int count) throws IdxException {
    try (SplitFiles files = SplitFiles.open(dir, prefix)) {
      return files.read(count);
    }
  }

  @Test
  void aSplitReadsImagesAndLabelsAndKeepsItsFirstImagesWhenLimited() throws Exception {
    IdxFiles.split(dir, "train", 4);
    try (SplitFiles files = SplitFiles.open(dir, "train")) {
      assertEquals(4, files.count());
      assertEquals(6, files.pixels());
      assertEquals(3 * (6 + 1), files.bytes(3), "a byte per pixel and per label");
    }
    ImageSplit split = read("train", 3);
    assertEquals(3, split.count());
    assertEquals(2, split.rows());
    assertEquals(3, split.columns());
    assertEquals(3 * 6, split.pixels().length, "only the images kept are held");
    assertEquals(2, split.label(2));
    assertEquals(25 / 255.0, split.pixel(2, 5), 0);
    assertEquals(4, read("train", 4).count());
  }

  @Test
  void imageAndLabelCountsMustAgree() throws IOException {
    IdxFiles.split(dir, "train", 4);
    Path labels = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.idx(new int[] {3}, new byte[3]));
    IdxException e = assertThrows(IdxException.class, () -> SplitFiles.open(dir, "train"));
    assertEquals(labels + ": 3 labels for the 4 images of train-images-idx3-ubyte.gz; a split has one label per image",
        e.getMessage());
  }

  @Test
  void aLabelOutsideTheTenClassesIsRefused() throws IOException {
    IdxFiles.split(dir, "train", 2);
    Path labels = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.idx(new int[] {2}, new byte[] {3, 12}));
    assertEquals(labels + ": label 12 of image 1 is not a class 0..9",
        assertThrows(IdxException.class, () -> read("train", 2)).getMessage());
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    IdxFiles.split(dir, "train", 2);
    Files.delete(dir.resolve("train-labels-idx1-ubyte.gz"));
    IdxException e = assertThrows(IdxException.class, () -> SplitFiles.open(dir, "train"));
    assertEquals(dir.resolve("train-labels-idx1-ubyte.gz") + ": no such file (nor train-labels-idx1-ubyte without .gz)"
        + " in the dataset folder", e.getMessage());
  }
}
