package org.ccsim.plugins.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST files of Debian's package {@code dataset-fashion-mnist} (which the README's
 * prerequisites and {@code .ci/run} install): 60000 training and 10000 test images of 28 x 28, and the
 * dataset's published balance, 6000 training and 1000 test images of each of the ten classes (Xiao,
 * Rasul & Vollgraf 2017). Not skipped when the package is missing: it fails, saying to install it.
 */
class FashionMnistTest {

  static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

  @BeforeAll
  static void theDebianPackageIsInstalled() {
    assertTrue(Files.isDirectory(FOLDER), FOLDER + " is missing: install Debian's package dataset-fashion-mnist"
        + " (apt-get install dataset-fashion-mnist), as .ci/run does");
  }

  @Test
  void theTrainingSplitHoldsSixtyThousandImagesSixThousandPerClass() throws Exception {
    assertSplit(read("train"), 60_000, 6_000);
  }

  @Test
  void theTestSplitHoldsTenThousandImagesAThousandPerClass() throws Exception {
    assertSplit(read("t10k"), 10_000, 1_000);
  }

  private static ImageSplit read(String prefix) throws IdxException {
    try (SplitFiles files = SplitFiles.open(FOLDER, prefix)) {
      return files.read(files.count());
    }
  }

  private static void assertSplit(ImageSplit split, int count, int perClass) {
    assertEquals(count, split.count());
    assertEquals(28, split.rows());
    assertEquals(28, split.columns());
    int[] counts = new int[ImageSplit.CLASSES];
    for (int i = 0; i < split.count(); i++) {
      counts[split.label(i)]++;
    }
    int[] expected = new int[ImageSplit.CLASSES];
    java.util.Arrays.fill(expected, perClass);
    assertArrayEquals(expected, counts, "images per class");
    double max = 0;
    for (int p = 0; p < split.size(); p++) {
      max = Math.max(max, split.pixel(0, p));
    }
    assertTrue(max > 0.5 && max <= 1, "the first image has bright pixels, scaled to at most 1: " + max);
  }
}
