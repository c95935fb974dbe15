package org.ccsim.api;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * A recurrent cortical network with a readout, and the analytic derivatives learning rules need
 * (ALGORITHMS §1). A network holds no mutable state: parameters and per-step records are passed in,
 * so one instance serves every rule and replicate, and paired comparison is a matter of handing each
 * rule a copy of the same {@link ParameterSet}.
 *
 * <p>Call order for one episode of T steps: {@link #initialState} once, then for t = 1..T
 * {@link #forward} with the state of the previous step. The derivative methods may then be called
 * on any recorded {@link Step} in any order, with the parameters the step was computed with.
 * Row vectors {@code v} are 1 x n gradients with respect to a state.
 */
public interface Network {

  /** m: size of the input {@code x_t}. */
  int inputSize();

  /** n: size of the state {@code h_t}. */
  int hiddenSize();

  /** k: size of the output {@code y_t}. */
  int outputSize();

  /**
   * The parameter groups of the readout, whose gradient every rule takes from the immediate loss
   * alone: the host's {@code update-alignment} compares the other groups. None by default.
   */
  default java.util.Set<String> readoutGroups() {
    return java.util.Set.of();
  }

  /**
   * The fraction of its own previous state a unit keeps when every synaptic input is cut: {@code 1 -
   * alpha} for a leaky rate RNN (ALGORITHMS §7). e-prop's and RFLO's eligibility traces decay by it
   * (§8). Empty (the default) for a network whose units have no such single factor, such as the LSTM.
   */
  default OptionalDouble selfRetention() {
    return OptionalDouble.empty();
  }

  /** Fresh parameters drawn from {@code random}; equal streams give equal parameters. */
  ParameterSet initialParameters(RandomGenerator random);

  /** The state {@code h_0} before the first step (n values). */
  double[] initialState();

  /** A zeroed step record sized for this network. */
  default Step newStep() {
    return new Step(inputSize(), hiddenSize(), outputSize());
  }

  /**
   * One step: copies {@code x} and {@code hPrev} into {@code step}, computes {@code a_t},
   * {@code h_t} and {@code y_t} there.
   */
  void forward(ParameterSet params, double[] hPrev, double[] x, Step step);

  /**
   * Readout backward pass: given {@code dl/dy_t}, adds the readout parameter gradients to
   * {@code grad} and writes {@code c_t = dl/dh_t = (dl/dy_t) W_out} into {@code dLdh}.
   */
  void readoutBackward(ParameterSet params, Step step, double[] dLdy, ParameterSet grad, double[] dLdh);

  /** Vector-Jacobian product {@code out = v J_t}, with {@code J_t = dh_t/dh_{t-1}}. */
  void stateVjp(ParameterSet params, Step step, double[] v, double[] out);

  /** Jacobian-vector product {@code out = J_t u} (u an n x 1 column). */
  void stateJvp(ParameterSet params, Step step, double[] u, double[] out);

  /** The dense {@code J_t} (n x n, row-major) into {@code out}; for tests and diagnostics. */
  void stateJacobian(ParameterSet params, Step step, double[] out);

  /**
   * Adds {@code v dh_t/dPsi} to {@code grad}: the immediate parameter Jacobian of step t applied to
   * the row vector v, for every recurrent-layer parameter Psi (W_in, W_rec, b).
   */
  void accumulateParameterGradient(ParameterSet params, Step step, double[] v, ParameterSet grad);
}
