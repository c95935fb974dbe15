package org.ccsim.api;

/**
 * One sampled episode of a {@link Task}: inputs and targets for steps {@code t = 0..length()-1}
 * (step {@code t + 1} in ALGORITHMS' 1-based notation) and the per-step loss
 * {@code l_t = m_t * 0.5 * ||y*_t - y_t||^2}. Immutable.
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
}
