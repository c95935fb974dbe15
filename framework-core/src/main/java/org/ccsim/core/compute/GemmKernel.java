package org.ccsim.core.compute;

/**
 * The inner loop of {@link JavaCompute#gemm}: rows of {@code C = alpha A P + beta C} for a packed
 * panel P (k x width, row-major, columns from n to width zero). Every implementation computes each
 * element as {@code alpha * acc + beta * c} with {@code acc} the fused multiply-add chain over the
 * inner index in increasing order from zero, so all of them give the same bits.
 */
public interface GemmKernel {

  /** The panel width for n columns: n rounded up to the kernel's vector length. */
  int width(int n);

  /**
   * Computes m rows of C.
   *
   * @param spill scratch of at least {@code 4 * width} values
   */
  void rows(int m, int n, int k, double alpha, double[] a, int aOffset, int lda, double[] panel, int width,
      double beta, double[] c, int cOffset, int ldc, double[] spill);

  /** {@code c = alpha * acc + beta * c}, or {@code alpha * acc} when beta is zero (old value ignored). */
  static double combine(double alpha, double acc, double beta, double old) {
    return beta == 0 ? alpha * acc : alpha * acc + beta * old;
  }
}
