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
 * parameters, {@link #predict} and the derivative methods in any order. A synthesiser that can also
 * give its whole parameter Jacobian, as BP(lambda)'s eligibility traces need, is a
 * {@link JacobianSynthesiser}.
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
   * A workspace that predicts and trains on {@code size} states at once, with the same results as
   * the per-example methods up to rounding; by default it calls them example by example.
   */
  default SynthesiserBatch newBatch(int size) {
    return SynthesiserBatch.exampleByExample(this, size);
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
