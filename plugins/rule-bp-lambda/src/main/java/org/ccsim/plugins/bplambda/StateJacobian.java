package org.ccsim.plugins.bplambda;

/**
 * The Jacobian {@code J_t = dh_t/dh_{t-1}} of one example at one step, as products, so that learners
 * can run on a live network or on recorded matrices alike.
 */
interface StateJacobian {

  /** {@code out = v J_t} for a 1 x n row vector v. */
  void vjp(double[] v, double[] out);

  /** {@code out = J_t u} for an n x 1 column u. */
  void jvp(double[] u, double[] out);
}
