package org.ccsim.api;

import java.util.Arrays;

/**
 * An episode with binary targets scored bit by bit with the logistic cross-entropy of ALGORITHMS §1
 * (as in Graves et al. 2014's copy tasks): each output {@code y_o} is the logit of bit o,
 * {@code l_t = m_t * sum_o (log(1 + exp y_o) - b_o y_o)}, whose gradient is {@code sigmoid(y) - b};
 * {@code m_t = 1} exactly on the steps whose target is not null. Its accuracy at a target step is the
 * fraction of bits whose logit lies on the side of 0 the bit says. Treat the arrays as immutable.
 *
 * @param inputs {@code x_t}, t = 0..T-1
 * @param bits {@code b_t} (values 0 or 1), null on steps without a target
 */
public record BitwiseCrossEntropyEpisode(double[][] inputs, double[][] bits) implements Episode {

  public BitwiseCrossEntropyEpisode {
    if (inputs.length != bits.length) {
      throw new IllegalArgumentException(inputs.length + " inputs but " + bits.length + " targets");
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
    return bits[t] != null;
  }

  @Override
  public double loss(int t, double[] y) {
    if (!hasTarget(t)) {
      return 0;
    }
    double sum = 0;
    for (int o = 0; o < y.length; o++) {
      sum += softplus(y[o]) - bits[t][o] * y[o];
    }
    return sum;
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    if (!hasTarget(t)) {
      Arrays.fill(out, 0.0);
      return;
    }
    for (int o = 0; o < y.length; o++) {
      out[o] = 1 / (1 + Math.exp(-y[o])) - bits[t][o];
    }
  }

  @Override
  public boolean scoresAccuracy() {
    return true;
  }

  @Override
  public double accuracy(int t, double[] y) {
    int right = 0;
    for (int o = 0; o < y.length; o++) {
      right += (y[o] > 0) == (bits[t][o] > 0.5) ? 1 : 0;
    }
    return (double) right / y.length;
  }

  /** {@code log(1 + exp v)} without overflow. */
  private static double softplus(double v) {
    return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
  }
}
