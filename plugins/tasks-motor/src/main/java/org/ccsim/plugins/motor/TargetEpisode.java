package org.ccsim.plugins.motor;

import org.ccsim.api.Episode;

/**
 * An episode with given inputs, 2-D (or k-D) targets and a target mask, scored by
 * {@code l_t = m_t * 0.5 * ||y*_t - y_t||^2} (ALGORITHMS §1).
 */
final class TargetEpisode implements Episode {

  private final double[][] inputs;
  private final double[][] targets;
  private final boolean[] mask;

  TargetEpisode(double[][] inputs, double[][] targets, boolean[] mask) {
    this.inputs = inputs;
    this.targets = targets;
    this.mask = mask;
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
    return mask[t];
  }

  /** The target {@code y*_t}, defined on every step (the mask says whether it is scored). */
  double[] target(int t) {
    return targets[t];
  }

  @Override
  public double loss(int t, double[] y) {
    if (!mask[t]) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double e = targets[t][i] - y[i];
      sum += e * e;
    }
    return 0.5 * sum;
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    for (int i = 0; i < y.length; i++) {
      out[i] = mask[t] ? y[i] - targets[t][i] : 0;
    }
  }
}
