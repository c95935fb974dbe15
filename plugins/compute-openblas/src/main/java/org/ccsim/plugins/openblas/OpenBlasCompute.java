package org.ccsim.plugins.openblas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;

import org.ccsim.api.compute.Compute;

/**
 * The {@link Compute} backend on OpenBLAS: {@code cblas_dgemm} and {@code cblas_dgemv} with
 * {@code CblasRowMajor}, one OpenBLAS thread per call ({@link OpenBlasNatives}). The operands are
 * copied to and from per-thread native buffers ({@link NativeOperands}), only the stretch each call
 * reads or writes. Timed against JavaCPP's {@code double[]} and heap-buffer overloads (which copy
 * whole arrays in and back out), this was as fast or faster for 256 x 256 x 256 and for the
 * BP(lambda) trace product (4160 x 64 x 64), and never showed their occasional stalls of tens of
 * milliseconds on the trace-sized arrays. With {@code beta == 0} the output is not copied in, and
 * OpenBLAS ignores the buffer's old values.
 *
 * <p>Determinism: a call gives the same bits every time and whatever OpenBLAS's or the caller's
 * thread count. Unlike {@link org.ccsim.core.compute.JavaCompute}, an element's bits may depend on the
 * size of the call (OpenBLAS picks kernels by size; seen for the trace product with fewer than 16
 * rows), so callers that split one product's rows over threads would not be bit-identical across
 * thread counts; BP(lambda) spreads whole per-example products, whose shape is fixed.
 */
public final class OpenBlasCompute implements Compute {

  /** The id scenarios use. */
  public static final String ID = "openblas";

  private static final ThreadLocal<NativeOperands> OPERANDS = ThreadLocal.withInitial(NativeOperands::new);

  /** Only {@link OpenBlasComputeType} creates it, once the natives have loaded. */
  OpenBlasCompute() {
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
      double beta, double[] c, int cOffset, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      scale(beta, c, cOffset, m, n, ldc);
      return;
    }
    NativeOperands operands = OPERANDS.get();
    Stretch sa = transposeA ? new Stretch(k, m, lda) : new Stretch(m, k, lda);
    Stretch sb = transposeB ? new Stretch(n, k, ldb) : new Stretch(k, n, ldb);
    Stretch sc = new Stretch(m, n, ldc);
    cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        m, n, k, alpha, operands.first(a, aOffset, sa.length()), sa.stride(),
        operands.second(b, bOffset, sb.length()), sb.stride(),
        beta, operands.output(c, cOffset, sc.length(), beta != 0), sc.stride());
    operands.copyOutput(c, cOffset, sc);
  }

  @Override
  public void gemv(boolean transposeA, int m, int n, double alpha, double[] a, int aOffset, int lda,
      double[] x, int xOffset, double beta, double[] y, int yOffset) {
    int rows = transposeA ? n : m;
    if (rows == 0) {
      return;
    }
    if ((transposeA ? m : n) == 0) {
      scale(beta, y, yOffset, 1, rows, rows);
      return;
    }
    NativeOperands operands = OPERANDS.get();
    Stretch sa = new Stretch(m, n, lda);
    Stretch sy = new Stretch(1, rows, rows);
    cblas_dgemv(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, m, n, alpha,
        operands.first(a, aOffset, sa.length()), sa.stride(),
        operands.second(x, xOffset, transposeA ? m : n), 1,
        beta, operands.output(y, yOffset, rows, beta != 0), 1);
    operands.copyOutput(y, yOffset, sy);
  }

  /** {@code C = beta C} (0 when beta is 0) for an empty inner dimension, which CBLAS leaves to the caller. */
  private static void scale(double beta, double[] c, int offset, int rows, int cols, int ld) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int at = offset + i * ld + j;
        c[at] = beta == 0 ? 0 : beta * c[at];
      }
    }
  }
}
