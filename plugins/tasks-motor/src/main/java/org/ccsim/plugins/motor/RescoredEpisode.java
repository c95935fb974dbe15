package org.ccsim.plugins.motor;

import org.ccsim.api.Episode;

/**
 * An episode that scores the output of step t with the base episode's loss of another step,
 * {@code l_t(y) = l_{s(t)}^base(y)}, or not at all: the timing of the error changes, not its form.
 *
 * @param base the episode rescored
 * @param source {@code s(t)} for every step, or -1 for a step without a target
 */
record RescoredEpisode(Episode base, int[] source) implements Episode {

  @Override
  public int length() {
    return base.length();
  }

  @Override
  public double[] input(int t) {
    return base.input(t);
  }

  @Override
  public boolean hasTarget(int t) {
    return source[t] >= 0 && base.hasTarget(source[t]);
  }

  @Override
  public double loss(int t, double[] y) {
    return hasTarget(t) ? base.loss(source[t], y) : 0;
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    if (hasTarget(t)) {
      base.lossGradient(source[t], y, out);
    } else {
      java.util.Arrays.fill(out, 0.0);
    }
  }
}
