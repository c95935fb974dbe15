package org.ccsim.api.compute;

/**
 * The dense linear algebra of the hot loops of cortices, synthesisers and learning rules, so that
 * one scenario line ({@code "compute": { "type": ... }}) moves a run onto another backend.
 * Matrices are row-major flat {@code double} arrays addressed by an offset and a leading dimension
 * (the distance between the starts of two rows), as in CBLAS with {@code CblasRowMajor}.
 *
 * <p>Contract: a call gives the same bits every time, whatever the number of threads of the
 * backend or of its callers, so that runs are bit-identical whatever the thread count (callers
 * split work into calls of fixed shapes, e.g. one product per example); with {@code beta == 0} the
 * old value is ignored, NaN included; an empty inner dimension gives {@code C = beta C}. Backends agree to rounding (tested to 1e-12 relative).
 * Implementations are thread-safe: jobs running in parallel share one instance.
 */
public interface Compute {

  /** The backend's id as a scenario names it, e.g. {@code java}. */
  String id();

  /**
   * {@code C = alpha op(A) op(B) + beta C}, where {@code op(A)} is m x k, {@code op(B)} is k x n and
   * C is m x n; {@code op(X)} is X or its transpose.
   */
  void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
      double beta, double[] c, int cOffset, int ldc);

  /**
   * {@code A += alpha x y^T}, the rank-one update of BLAS's {@code dger}: x of length m, y of length
   * n, A m x n with row stride {@code lda}; the outer product of a gradient. By default the
   * {@link #gemm} of inner dimension 1.
   */
  default void ger(int m, int n, double alpha, double[] x, int xOffset, double[] y, int yOffset,
      double[] a, int aOffset, int lda) {
    gemm(false, false, m, n, 1, alpha, x, xOffset, 1, y, yOffset, n, 1.0, a, aOffset, lda);
  }

  /** {@code y = alpha op(A) x + beta y}, where A is m x n as stored and {@code op(A)} is A or its transpose. */
  void gemv(boolean transposeA, int m, int n, double alpha, double[] a, int aOffset, int lda,
      double[] x, int xOffset, double beta, double[] y, int yOffset);
}
