package org.ccsim.api;

import java.util.Arrays;

/**
 * An episode with class targets scored by the softmax cross-entropy of ALGORITHMS §1: the k outputs
 * are class scores (logits), {@code l_t = m_t * (log sum_j exp y_j - y_c)} for the target class c of
 * step t, whose gradient is {@code softmax(y) - onehot(c)}; {@code m_t = 1} exactly on the steps with
 * a class. Its accuracy at a target step is 1 when the largest score is the target's (the first
 * largest, on ties), else 0. Treat the arrays as immutable.
 *
 * @param inputs {@code x_t}, t = 0..T-1
 * @param classes the target class of each step, in {@code 0..k-1}, or {@link #NO_TARGET}
 */
public record SoftmaxCrossEntropyEpisode(double[][] inputs, int[] classes) implements Episode {

  /** The class of a step without a target. */
  public static final int NO_TARGET = -1;

  public SoftmaxCrossEntropyEpisode {
    if (inputs.length != classes.length) {
      throw new IllegalArgumentException(inputs.length + " inputs but " + classes.length + " classes");
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
    return classes[t] != NO_TARGET;
  }

  @Override
  public double loss(int t, double[] y) {
    return hasTarget(t) ? logSumExp(y) - y[target(t, y)] : 0;
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    if (!hasTarget(t)) {
      Arrays.fill(out, 0.0);
      return;
    }
    double logSum = logSumExp(y);
    for (int j = 0; j < y.length; j++) {
      out[j] = Math.exp(y[j] - logSum);
    }
    out[target(t, y)] -= 1;
  }

  @Override
  public boolean scoresAccuracy() {
    return true;
  }

  @Override
  public double accuracy(int t, double[] y) {
    int best = 0;
    for (int j = 1; j < y.length; j++) {
      if (y[j] > y[best]) {
        best = j;
      }
    }
    return best == target(t, y) ? 1 : 0;
  }

  private int target(int t, double[] y) {
    int c = classes[t];
    if (c < 0 || c >= y.length) {
      throw new IllegalArgumentException("step " + t + ": class " + c + " of " + y.length + " outputs");
    }
    return c;
  }

  /** {@code log sum_j exp y_j}, shifted by the largest score so that no exponential overflows. */
  private static double logSumExp(double[] y) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : y) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }
}
