package org.ccsim.api;

/**
 * A body a network drives: a deterministic dynamical system {@code p_t = F(p_{t-1}, u_t)} whose
 * command {@code u_t} is the network's readout (forces, torques or motor commands), with an
 * observation {@code o_t = G(p_t)} (hand position and velocity, joint angles) for scoring and for
 * feedback. The Jacobians are analytic, so that gradients reach through the body to the network
 * exactly: every rule's credit assignment through a plant is that of ALGORITHMS §1's recurrence
 * extended by {@code p}. Vectors are flat arrays; matrices are row-major. Implementations hold no
 * state between calls: everything that changes is in {@code p}.
 */
public interface Plant {

  /** The size of the plant's state p. */
  int stateSize();

  /** The size of a command u. */
  int commandSize();

  /** The size of an observation o. */
  int observationSize();

  /** The state at the start of an episode. */
  double[] initialState();

  /** Writes {@code p_t = F(p_{t-1}, u_t)} into {@code next} (not aliased with the inputs). */
  void step(double[] state, double[] command, double[] next);

  /** Writes {@code dF/dp} at {@code (p_{t-1}, u_t)}, {@link #stateSize()} squared, into {@code out}. */
  void stateJacobian(double[] state, double[] command, double[] out);

  /** Writes {@code dF/du} at {@code (p_{t-1}, u_t)}, {@link #stateSize()} x {@link #commandSize()}, into {@code out}. */
  void commandJacobian(double[] state, double[] command, double[] out);

  /** Writes {@code o = G(p)} into {@code out}. */
  void observe(double[] state, double[] out);

  /** Writes {@code dG/dp}, {@link #observationSize()} x {@link #stateSize()}, into {@code out}. */
  void observationJacobian(double[] state, double[] out);
}
