package org.ccsim.api;

/**
 * An episode with given inputs and targets scored by the squared error of ALGORITHMS §1,
 * {@code l_t = m_t * 0.5 * ||y*_t - y_t||^2}, where {@code m_t = 1} exactly on the steps whose target
 * is not null. Treat the arrays as immutable.
 *
 * @param inputs {@code x_t}, t = 0..T-1
 * @param targets {@code y*_t}, null on steps without a target
 */
public record SquaredErrorEpisode(double[][] inputs, double[][] targets) implements Episode {

  public SquaredErrorEpisode {
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException(inputs.length + " inputs but " + targets.length + " targets");
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
      double e = targets[t][o] - y[o];
      sum += e * e;
    }
    return 0.5 * sum;
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    for (int o = 0; o < y.length; o++) {
      out[o] = hasTarget(t) ? y[o] - targets[t][o] : 0;
    }
  }
}
