package org.ccsim.plugins.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One split of an image-classification dataset in IDX files, {@code <prefix>-images-idx3-ubyte} and
 * {@code <prefix>-labels-idx1-ubyte}, either possibly gzipped ({@code .gz}): the layout of MNIST and
 * Fashion-MNIST, whose splits are {@code train} (60000 images) and {@code t10k} (10000), each image
 * 28 x 28 pixels of 0..255 and each label a class 0..9. Pixels stay bytes (a quarter of the memory of
 * floats) and become {@code pixel / 255} when an episode reads them.
 *
 * @param pixels {@code count x rows x columns} bytes, image by image, row by row
 * @param labels one class per image
 */
record ImageSplit(byte[] pixels, byte[] labels, int count, int rows, int columns) {

  /** The number of classes of MNIST and Fashion-MNIST. */
  static final int CLASSES = 10;

  /** Pixels per image. */
  int size() {
    return rows * columns;
  }

  /** Pixel {@code p} (row-major) of image {@code image}, in [0, 1]. */
  double pixel(int image, int p) {
    return (pixels[image * size() + p] & 0xff) / 255.0;
  }

  /** The class of image {@code image}. */
  int label(int image) {
    return labels[image];
  }

  /**
   * Reads split {@code prefix} from {@code folder}, keeping its first {@code limit} images (all when
   * it has fewer).
   *
   * @throws IdxException naming the file at fault: missing, not IDX, truncated, image and label counts
   *     that disagree, or a label outside 0..9
   */
  static ImageSplit read(Path folder, String prefix, int limit) throws IdxException {
    Path imagesFile = find(folder, prefix + "-images-idx3-ubyte");
    Path labelsFile = find(folder, prefix + "-labels-idx1-ubyte");
    IdxFile images = IdxFile.read(imagesFile, 3);
    IdxFile labels = IdxFile.read(labelsFile, 1);
    if (images.items() != labels.items()) {
      throw new IdxException(labelsFile, labels.items() + " labels for the " + images.items() + " images of "
          + imagesFile.getFileName() + "; a split has one label per image");
    }
    int rows = images.dimensions()[1];
    int columns = images.dimensions()[2];
    if (rows == 0 || columns == 0 || images.items() == 0) {
      throw new IdxException(imagesFile, "holds no pixels (" + images.items() + " images of " + rows + " x " + columns + ")");
    }
    int count = Math.min(limit, images.items());
    byte[] kept = labels.values().length == count ? labels.values() : java.util.Arrays.copyOf(labels.values(), count);
    for (int i = 0; i < count; i++) {
      if (kept[i] < 0 || kept[i] >= CLASSES) {
        throw new IdxException(labelsFile, "label " + (kept[i] & 0xff) + " of image " + i + " is not a class 0.."
            + (CLASSES - 1));
      }
    }
    byte[] pixels = images.values().length == count * rows * columns ? images.values()
        : java.util.Arrays.copyOf(images.values(), count * rows * columns);
    return new ImageSplit(pixels, kept, count, rows, columns);
  }

  /** {@code name} or {@code name.gz} in {@code folder}, whichever exists. */
  private static Path find(Path folder, String name) throws IdxException {
    for (String candidate : new String[] {name, name + ".gz"}) {
      Path file = folder.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new IdxException(folder.resolve(name + ".gz"), "no such file (nor " + name + " without .gz) in the dataset folder");
  }
}
