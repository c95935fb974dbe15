package org.ccsim.plugins.synthetic;

/**
 * The Jacobian {@code J_t = dh_t/dh_{t-1}} of one example at one step, as products, so that learners
 * can run on a live network or on recorded matrices alike.
 */
public interface StateJacobian {

  /** {@code out = v J_t} for a 1 x n row vector v. */
  void vjp(double[] v, double[] out);

  /** {@code out = J_t u} for an n x 1 column u. */
  void jvp(double[] u, double[] out);

  /**
   * The dense {@code J_t} (n x n, row-major) into {@code out}; by default one {@link #jvp} per
   * column.
   */
  default void dense(double[] out) {
    int n = (int) Math.round(Math.sqrt(out.length));
    double[] unit = new double[n];
    double[] column = new double[n];
    for (int j = 0; j < n; j++) {
      unit[j] = 1;
      jvp(unit, column);
      unit[j] = 0;
      for (int i = 0; i < n; i++) {
        out[i * n + j] = column[i];
      }
    }
  }
}
