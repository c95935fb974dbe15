package org.ccsim.plugins.data;

/**
 * The images of one split of an image-classification dataset, as {@link SplitFiles} reads them (in
 * MNIST and Fashion-MNIST each image 28 x 28 pixels of 0..255, each label a class 0..9). Pixels stay
 * bytes, an eighth of the memory of doubles, and become {@code pixel / 255} when an episode reads
 * them.
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
}
