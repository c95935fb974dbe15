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
 * reads or writes; measured against JavaCPP's {@code double[]} and heap-buffer overloads, which copy
 * whole arrays in and out again, this was as fast or faster at every size tried and never hit their
 * occasional tens-of-milliseconds stalls on the trace-sized (4160 x 64) operands. With
 * {@code beta == 0} the output is not copied in, so its old value (NaN included) is ignored.
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
    NativeOperands operands = OPERANDS.get();
    Stretch sa = new Stretch(m, n, lda);
    Stretch sy = new Stretch(1, rows, rows);
    cblas_dgemv(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, m, n, alpha,
        operands.first(a, aOffset, sa.length()), sa.stride(),
        operands.second(x, xOffset, transposeA ? m : n), 1,
        beta, operands.output(y, yOffset, rows, beta != 0), 1);
    operands.copyOutput(y, yOffset, sy);
  }
}
