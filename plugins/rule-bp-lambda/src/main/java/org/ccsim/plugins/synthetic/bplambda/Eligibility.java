package org.ccsim.plugins.synthetic.bplambda;

import org.ccsim.plugins.synthetic.StateJacobian;

/**
 * How accumulate BP(lambda) forms {@code delta_{t-1} e_{t-1}}, the synthesiser's update from the
 * eligibility trace {@code e_t = gamma lambda J_t e_{t-1} + dg_t/dtheta} (ALGORITHMS §3b), for a
 * batch of examples: {@link EligibilityTrace} carries the trace online, {@link EligibilityHistory}
 * sums the same terms from the episode's record. Examples are independent: calls for different
 * examples may run in parallel.
 */
public interface Eligibility {

  /** Starts an episode: no step seen yet. */
  void reset();

  /** Takes in step t of example b: its state {@code h_t} and {@code J_t}, the Jacobian into it. */
  void advance(int b, double[] h, StateJacobian jacobian);

  /**
   * Adds {@code scale delta e} of example b to {@code update}, e the trace after the latest
   * {@link #advance}, over the synthesiser's trained values in order.
   */
  void contract(int b, double[] delta, double scale, double[] update);
}
