package org.ccsim.plugins.online;

import org.ccsim.api.ParameterSet;
import org.ccsim.api.Stateful;
import org.ccsim.api.Step;

/**
 * What distinguishes the online rules of ALGORITHMS §8: the estimate of the influence matrix
 * {@code M_t = ds_t/dPsi} each example carries forward through its episode, and the gradient estimate
 * of a step, {@code c_t M_t} (or a learning signal in place of {@code c_t}). {@link OnlineGradientRule}
 * runs the episodes and hands the estimates over.
 */
interface Influence extends Stateful {

  /** Starts a batch of {@code examples} episodes: every example's estimate is {@code M_0 = 0}. */
  void start(int examples, ParameterSet params);

  /** Carries example {@code b}'s estimate from {@code M_{t-1}} to {@code M_t} through {@code step}. */
  void advance(int b, ParameterSet params, Step step);

  /**
   * Adds example {@code b}'s gradient estimate of the current step over Psi to {@code flat}, given
   * {@code c = dl_t/ds_t} and {@code dLdy = dl_t/dy_t}.
   */
  void addEstimate(int b, double[] c, double[] dLdy, double[] flat);
}
