package org.ccsim.api;

/**
 * One sampled episode of a {@link Task}: inputs and targets for steps {@code t = 0..length()-1}
 * (step {@code t + 1} in ALGORITHMS' 1-based notation) and the per-step loss
 * {@code l_t = m_t * 0.5 * ||y*_t - y_t||^2} by default ({@link SquaredErrorEpisode}), or any other
 * loss of ALGORITHMS §1 such as a softmax cross-entropy over class scores
 * ({@link SoftmaxCrossEntropyEpisode}). Immutable.
 */
public interface Episode {

  /** T, the number of steps. */
  int length();

  /** The input {@code x_t} (m values); callers must not modify it. */
  double[] input(int t);

  /** Whether step t carries a target ({@code m_t = 1}). */
  boolean hasTarget(int t);

  /** The loss {@code l_t} of output y at step t; 0 on steps without a target. */
  double loss(int t, double[] y);

  /** Writes {@code dl_t/dy_t} into {@code out}; zeros on steps without a target. */
  void lossGradient(int t, double[] y, double[] out);

  /**
   * Whether the targets are classes or bits, so that the host records the metric {@code accuracy}
   * for the episode; false by default.
   */
  default boolean scoresAccuracy() {
    return false;
  }

  /**
   * The accuracy of output y at step t, a target step, as a fraction in [0, 1] (1 when the largest
   * class score is the target's; for bits, the fraction of bits on the right side of 0.5); only
   * called when {@link #scoresAccuracy()}.
   */
  default double accuracy(int t, double[] y) {
    throw new UnsupportedOperationException("this episode has no accuracy");
  }
}
