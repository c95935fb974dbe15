package org.ccsim.plugins.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two IDX files of one split of an image-classification dataset, {@code <prefix>-images-idx3-ubyte}
 * and {@code <prefix>-labels-idx1-ubyte}, either possibly gzipped ({@code .gz}): the layout of MNIST
 * and Fashion-MNIST, whose splits are {@code train} (60000 images) and {@code t10k} (10000). Opening
 * reads and checks both headers against each other, so that the sizes are known, and can be declared,
 * before {@link #read} allocates the pixels.
 */
final class SplitFiles implements AutoCloseable {

  private final Path imagesFile;
  private final Path labelsFile;
  private final IdxFile images;
  private final IdxFile labels;

  private SplitFiles(Path imagesFile, Path labelsFile, IdxFile images, IdxFile labels) {
    this.imagesFile = imagesFile;
    this.labelsFile = labelsFile;
    this.images = images;
    this.labels = labels;
  }

  /**
   * Opens split {@code prefix} of {@code folder}.
   *
   * @throws IdxException naming the file at fault: missing, not IDX, holding no pixels, or with a
   *     label count that disagrees with the image count
   */
  static SplitFiles open(Path folder, String prefix) throws IdxException {
    Path imagesFile = find(folder, prefix + "-images-idx3-ubyte");
    Path labelsFile = find(folder, prefix + "-labels-idx1-ubyte");
    IdxFile images = IdxFile.open(imagesFile, 3);
    IdxFile labels;
    try {
      labels = IdxFile.open(labelsFile, 1);
    } catch (IdxException e) {
      images.close();
      throw e;
    }
    SplitFiles split = new SplitFiles(imagesFile, labelsFile, images, labels);
    try {
      split.check();
      return split;
    } catch (IdxException e) {
      split.close();
      throw e;
    }
  }

  /** The number of images (and labels) the files hold. */
  int count() {
    return images.items();
  }

  /** Pixels per image. */
  int pixels() {
    return rows() * columns();
  }

  int rows() {
    return images.dimensions()[1];
  }

  int columns() {
    return images.dimensions()[2];
  }

  /** The bytes {@link #read read(count)} holds: one per pixel and one per label. */
  double bytes(int count) {
    return (double) count * (images.itemSize() + 1);
  }

  /**
   * The first {@code count} images and their labels ({@code 0 < count <= count()}), reading both
   * files to their ends to check their lengths. Call once.
   *
   * @throws IdxException naming the file: truncated, longer than announced, or a label outside 0..9
   */
  ImageSplit read(int count) throws IdxException {
    byte[] pixels = images.readFirst(count);
    byte[] kept = labels.readFirst(count);
    for (int i = 0; i < count; i++) {
      if (kept[i] < 0 || kept[i] >= ImageSplit.CLASSES) {
        throw new IdxException(labelsFile, "label " + (kept[i] & 0xff) + " of image " + i + " is not a class 0.."
            + (ImageSplit.CLASSES - 1));
      }
    }
    return new ImageSplit(pixels, kept, count, rows(), columns());
  }

  @Override
  public void close() throws IdxException {
    try {
      images.close();
    } finally {
      labels.close();
    }
  }

  private void check() throws IdxException {
    if (images.items() != labels.items()) {
      throw new IdxException(labelsFile, labels.items() + " labels for the " + images.items() + " images of "
          + imagesFile.getFileName() + "; a split has one label per image");
    }
    if (images.itemSize() == 0 || images.items() == 0) {
      throw new IdxException(imagesFile, "holds no pixels (" + images.items() + " images of " + rows() + " x "
          + columns() + ")");
    }
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
