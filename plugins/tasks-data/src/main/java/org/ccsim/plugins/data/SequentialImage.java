package org.ccsim.plugins.data;

import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.SoftmaxCrossEntropyEpisode;
import org.ccsim.api.Task;

/**
 * Sequential image classification (Le, Jaitly & Hinton 2015's sequential MNIST; row by row, T = 28,
 * as in Pemberton & Costa 2024): an image's pixels in row-major order, {@code perStep} at a time, one
 * chunk per step, and its class as the softmax cross-entropy target of the last step alone
 * (ALGORITHMS §1). A finite dataset: the host trains on the examples of {@code train} in shuffled
 * passes, and {@link #heldOut} gives the {@code test} split (or the training split) for evaluation.
 *
 * @param perStep pixels per step; divides the image's size
 */
record SequentialImage(ImageSplit train, ImageSplit test, int perStep) implements Task {

  @Override
  public int inputSize() {
    return perStep;
  }

  @Override
  public int outputSize() {
    return ImageSplit.CLASSES;
  }

  @Override
  public int examples() {
    return train.count();
  }

  @Override
  public Episode example(int index) {
    return episode(train, index);
  }

  /** A training example drawn uniformly. */
  @Override
  public Episode sample(RandomGenerator random) {
    return example(random.nextInt(train.count()));
  }

  @Override
  public Task heldOut(String split) {
    return split.equals(Task.TEST) ? new SequentialImage(test, test, perStep) : this;
  }

  private Episode episode(ImageSplit split, int image) {
    int steps = split.size() / perStep;
    double[][] inputs = new double[steps][perStep];
    int[] classes = new int[steps];
    for (int t = 0; t < steps; t++) {
      for (int p = 0; p < perStep; p++) {
        inputs[t][p] = split.pixel(image, t * perStep + p);
      }
      classes[t] = SoftmaxCrossEntropyEpisode.NO_TARGET;
    }
    classes[steps - 1] = split.label(image);
    return new SoftmaxCrossEntropyEpisode(inputs, classes);
  }
}
