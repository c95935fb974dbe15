package org.ccsim.plugins.online;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Random e-prop's and RFLO's learning signal (ALGORITHMS §8): the output error sent back through a
 * fixed random matrix, {@code L_t = (dl_t/dy_t) B}, in place of {@code c_t = (dl_t/dy_t) W_out}. The
 * entries of B (k x n) are drawn once, {@code N(0, scale^2 / k)}, as vanilla-rtrl draws its feedback
 * weights ({@code N(0, 1 / k)} at scale 1).
 */
final class RandomFeedback implements LocalInfluence.LearningSignal {

  private final int n;
  private final int k;
  private final double[] weights;
  private final double[] signal;

  RandomFeedback(int outputs, int hidden, double scale, RandomGenerator random) {
    this.n = hidden;
    this.k = outputs;
    this.weights = new double[outputs * hidden];
    double sd = scale / Math.sqrt(outputs);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = sd * random.nextGaussian();
    }
    this.signal = new double[hidden];
  }

  @Override
  public double[] of(double[] c, double[] dLdy) {
    Arrays.fill(signal, 0.0);
    for (int o = 0; o < k; o++) {
      double error = dLdy[o];
      for (int i = 0; i < n; i++) {
        signal[i] += error * weights[o * n + i];
      }
    }
    return signal;
  }
}
