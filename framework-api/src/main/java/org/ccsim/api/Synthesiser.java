package org.ccsim.api;

import java.util.random.RandomGenerator;

/**
 * A synthetic-gradient model {@code g(h; theta)}: predicts the future gradient
 * {@code G*_t = dL_future/dh_t} (1 x n) from the cortical state {@code h_t} alone (ALGORITHMS §3;
 * Jaderberg et al. 2017). Like a {@link Network} it holds no mutable state: parameters are passed
 * in.
 *
 * <p>Parameters in the group {@link #TRAINED} are the ones learning rules train (and the only ones
 * the eligibility trace of BP(lambda) covers); any other group (e.g. fixed random expansion weights)
 * stays as initialised. The output layer starts at zero, so a synthetic-gradient learner starts as
 * truncated BPTT.
 *
 * <p>Call order: {@link #initialParameters} once per (rule, replicate); then, with those
 * parameters, {@link #predict} and the derivative methods in any order.
 */
public interface Synthesiser {

  /** The parameter group learning rules train. */
  String TRAINED = "synthesiser";

  /** n: the size of its input {@code h} and of its output {@code g}. */
  int size();

  /** Fresh parameters, output layer zero; equal streams give equal parameters. */
  ParameterSet initialParameters(RandomGenerator random);

  /** Writes {@code g(h; theta)} (n values) into {@code g}. */
  void predict(ParameterSet theta, double[] h, double[] g);

  /**
   * Adds {@code v dg/dtheta} (v a 1 x n row vector) to {@code grad}, for the tensors of group
   * {@link #TRAINED}: the gradient of {@code v . g(h; theta)}.
   */
  void accumulateParameterGradient(ParameterSet theta, double[] h, double[] v, ParameterSet grad);

  /**
   * Adds the Jacobian {@code dg/dtheta} (n x P over the trained parameters) to a trace stored
   * transposed: {@code traceT[p * n + i] += dg_i/dtheta_p}, with p running over the values of the
   * {@link #TRAINED} tensors in their order in the parameter set.
   */
  void addParameterJacobian(ParameterSet theta, double[] h, double[] traceT);

  /**
   * Whether {@code dg/dtheta} over the {@link #TRAINED} tensors is independent of theta ({@code g}
   * linear in its trained weights, {@code dg/dtheta = I (x) z(h)^T}); then a parameter gradient at
   * an earlier state can be recomputed later with the current theta, which the exact history form
   * of BP(lambda) relies on. False unless a synthesiser declares it.
   */
  default boolean linearInTrainedWeights() {
    return false;
  }

  /**
   * For diagnostics only: the fraction of its hidden units active at state {@code h} (for a
   * cerebellum, the granule cells firing: the granule layer's sparsity, ALGORITHMS §4), or NaN for a
   * synthesiser without hidden units, which is the default. Rules record it as
   * {@code synth-active-fraction} when a synthesiser gives a number.
   */
  default double activeFraction(ParameterSet theta, double[] h) {
    return Double.NaN;
  }
}
