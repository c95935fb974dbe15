package org.ccsim.api;

/**
 * A {@link Synthesiser} that also gives its whole parameter Jacobian {@code dg/dtheta}: the
 * capability the eligibility traces of accumulate BP(lambda) need (ALGORITHMS §3b, Pemberton &
 * Costa 2024: {@code e_t = gamma lambda J_t e_{t-1} + dg_t/dtheta}). Rules that only need
 * {@code v dg/dtheta} (DNI, lambda-SG) work with any synthesiser.
 */
public interface JacobianSynthesiser extends Synthesiser {

  /**
   * Adds the Jacobian {@code dg/dtheta} (n x P over the trained parameters) to a trace stored
   * transposed: {@code traceT[p * n + i] += dg_i/dtheta_p}, with p running over the values of the
   * {@link Synthesiser#TRAINED} tensors in their order in the parameter set.
   */
  void addParameterJacobian(ParameterSet theta, double[] h, double[] traceT);

  /**
   * Whether {@code dg/dtheta} over the {@link Synthesiser#TRAINED} tensors is independent of theta ({@code g}
   * linear in its trained weights, {@code dg/dtheta = I (x) z(h)^T}); then a parameter gradient at
   * an earlier state can be recomputed later with the current theta, which the exact history form
   * of BP(lambda) relies on. False unless a synthesiser declares it.
   */
  default boolean linearInTrainedWeights() {
    return false;
  }

  /**
   * For a synthesiser {@link #linearInTrainedWeights linear in its trained weights}: m, the size of
   * the input {@code z(h)} of its trained layer. Its {@link Synthesiser#TRAINED} tensors are then
   * exactly {@code W} (n x m) and {@code b} (n x 1), in that order, and {@code g = W z(h) + b}: the
   * layout the least-squares and preconditioned updates of BP(lambda) rely on.
   *
   * @throws UnsupportedOperationException if it is not linear in its trained weights
   */
  default int readoutInputs() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is not linear in its trained weights");
  }

  /**
   * Writes {@code z(h)} ({@link #readoutInputs} values), the input of the trained layer, into
   * {@code z}.
   *
   * @throws UnsupportedOperationException if it is not linear in its trained weights
   */
  default void readoutInput(ParameterSet theta, double[] h, double[] z) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is not linear in its trained weights");
  }
}
