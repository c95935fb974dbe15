package org.ccsim.plugins.bplambda;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;

/**
 * A random episode for identity tests: an input at every step, a squared-error target on some
 * steps (always on the last), {@code l_t = m_t 0.5 ||y*_t - y_t||^2}.
 */
final class RandomEpisode implements Episode {

  private final double[][] inputs;
  private final double[][] targets;

  RandomEpisode(int length, int inputs, int outputs, double targetProbability, RandomGenerator random) {
    this.inputs = new double[length][];
    this.targets = new double[length][];
    for (int t = 0; t < length; t++) {
      this.inputs[t] = Numerics.gaussian(inputs, 1, random);
      if (t == length - 1 || random.nextDouble() < targetProbability) {
        this.targets[t] = Numerics.gaussian(outputs, 1, random);
      }
    }
  }

  @Override
  public int length() {
    return inputs.length;
  }

  @Override
  public double[] input(int t) {
    return inputs[t];
  }

  @Override
  public boolean hasTarget(int t) {
    return targets[t] != null;
  }

  @Override
  public double loss(int t, double[] y) {
    if (!hasTarget(t)) {
      return 0;
    }
    double sum = 0;
    for (int o = 0; o < y.length; o++) {
      sum += 0.5 * (targets[t][o] - y[o]) * (targets[t][o] - y[o]);
    }
    return sum;
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    Arrays.fill(out, 0.0);
    if (hasTarget(t)) {
      for (int o = 0; o < y.length; o++) {
        out[o] = y[o] - targets[t][o];
      }
    }
  }
}
