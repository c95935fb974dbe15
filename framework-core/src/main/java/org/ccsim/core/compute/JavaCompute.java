package org.ccsim.core.compute;

import java.util.Arrays;
import org.ccsim.api.compute.Compute;

/**
 * The pure-Java {@link Compute} backend, the default. {@link #gemm} packs {@code op(B)} into a
 * contiguous panel (and {@code op(A)} when transposed) in per-thread scratch that is reused, then
 * runs the {@link VectorGemmKernel} (SIMD register tiles; chosen over EJML and plain loops by the
 * JMH benchmarks in {@code benchmarks/}) when the JVM has the module {@code jdk.incubator.vector}
 * and the product is not tiny, or else the {@link ScalarGemmKernel}, which gives the same bits.
 * Nothing is allocated once the scratch has grown to a call's size.
 */
public final class JavaCompute implements Compute {

  /** The id scenarios use. */
  public static final String ID = "java";

  /** Whether this JVM runs the SIMD kernel. */
  public static final boolean VECTORISED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private static final GemmKernel SCALAR = new ScalarGemmKernel();
  private static final GemmKernel SIMD = VECTORISED ? new VectorGemmKernel() : SCALAR;
  /** Below this many multiply-adds the plain loops are as fast. */
  private static final long SIMD_WORK = 1 << 12;
  /** Below this inner dimension (e.g. the outer products of gradients, k = 1) the plain loops are as fast. */
  private static final int SIMD_DEPTH = 8;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  @Override
  public String id() {
    return ID;
  }

  /**
   * One pass over A, a loop the JIT vectorises, with the bits of {@link #gemm} of inner dimension 1
   * (its scalar kernel's {@code fma(y_j, x_i, 0)}, then {@code alpha acc + old}), so that an outer
   * product costs a third of that path and changes no result.
   */
  @Override
  public void ger(int m, int n, double alpha, double[] x, int xOffset, double[] y, int yOffset,
      double[] a, int aOffset, int lda) {
    for (int i = 0; i < m; i++) {
      double s = x[xOffset + i];
      int row = aOffset + i * lda;
      for (int j = 0; j < n; j++) {
        a[row + j] = alpha * (y[yOffset + j] * s + 0.0) + a[row + j];
      }
    }
  }

  @Override
  public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
      double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
      double beta, double[] c, int cOffset, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    Scratch scratch = SCRATCH.get();
    GemmKernel kernel = k >= SIMD_DEPTH && (long) m * n * k >= SIMD_WORK ? SIMD : SCALAR;
    int width = kernel.width(n);
    double[] panel = scratch.panel(k * width);
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        panel[p * width + j] = transposeB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
      }
      for (int j = n; j < width; j++) {
        panel[p * width + j] = 0;
      }
    }
    double[] rows = a;
    int rowsOffset = aOffset;
    int rowsStride = lda;
    if (transposeA) {
      rows = scratch.packedA(m * k);
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          rows[i * k + p] = a[aOffset + p * lda + i];
        }
      }
      rowsOffset = 0;
      rowsStride = k;
    }
    kernel.rows(m, n, k, alpha, rows, rowsOffset, rowsStride, panel, width, beta, c, cOffset, ldc,
        scratch.spill(4 * width));
  }

  /**
   * Each element of y is one fused multiply-add chain over the inner index in increasing order,
   * like {@link #gemm}; without transposition eight rows run side by side to hide the latency,
   * with it four rows are added to the running sums per pass.
   */
  @Override
  public void gemv(boolean transposeA, int m, int n, double alpha, double[] a, int aOffset, int lda,
      double[] x, int xOffset, double beta, double[] y, int yOffset) {
    if (transposeA) {
      double[] acc = SCRATCH.get().spill(n);
      Arrays.fill(acc, 0, n, 0.0);
      int i = 0;
      for (; i + 4 <= m; i += 4) {
        fourRowsTransposed(n, a, aOffset + i * lda, lda, x, xOffset + i, acc);
      }
      for (; i < m; i++) {
        double s = x[xOffset + i];
        int row = aOffset + i * lda;
        for (int j = 0; j < n; j++) {
          acc[j] = Math.fma(a[row + j], s, acc[j]);
        }
      }
      for (int j = 0; j < n; j++) {
        y[yOffset + j] = GemmKernel.combine(alpha, acc[j], beta, y[yOffset + j]);
      }
      return;
    }
    int i = 0;
    for (; i + 8 <= m; i += 8) {
      eightRows(n, alpha, a, aOffset + i * lda, lda, x, xOffset, beta, y, yOffset + i);
    }
    for (; i + 4 <= m; i += 4) {
      int r0 = aOffset + i * lda;
      int r1 = r0 + lda;
      int r2 = r1 + lda;
      int r3 = r2 + lda;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int j = 0; j < n; j++) {
        double v = x[xOffset + j];
        s0 = Math.fma(a[r0 + j], v, s0);
        s1 = Math.fma(a[r1 + j], v, s1);
        s2 = Math.fma(a[r2 + j], v, s2);
        s3 = Math.fma(a[r3 + j], v, s3);
      }
      y[yOffset + i] = GemmKernel.combine(alpha, s0, beta, y[yOffset + i]);
      y[yOffset + i + 1] = GemmKernel.combine(alpha, s1, beta, y[yOffset + i + 1]);
      y[yOffset + i + 2] = GemmKernel.combine(alpha, s2, beta, y[yOffset + i + 2]);
      y[yOffset + i + 3] = GemmKernel.combine(alpha, s3, beta, y[yOffset + i + 3]);
    }
    for (; i < m; i++) {
      int row = aOffset + i * lda;
      double s = 0;
      for (int j = 0; j < n; j++) {
        s = Math.fma(a[row + j], x[xOffset + j], s);
      }
      y[yOffset + i] = GemmKernel.combine(alpha, s, beta, y[yOffset + i]);
    }
  }

  /**
   * Eight rows of a non-transposed gemv at once: eight independent chains keep both FMA units busy
   * where four wait on the latency. Each row is still the one sequential {@code fma} chain over j of
   * the single-row loop, so the bits do not depend on how rows are grouped.
   */
  private static void eightRows(int n, double alpha, double[] a, int r0, int lda, double[] x, int xOffset,
      double beta, double[] y, int out) {
    int r1 = r0 + lda;
    int r2 = r1 + lda;
    int r3 = r2 + lda;
    int r4 = r3 + lda;
    int r5 = r4 + lda;
    int r6 = r5 + lda;
    int r7 = r6 + lda;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    for (int j = 0; j < n; j++) {
      double v = x[xOffset + j];
      s0 = Math.fma(a[r0 + j], v, s0);
      s1 = Math.fma(a[r1 + j], v, s1);
      s2 = Math.fma(a[r2 + j], v, s2);
      s3 = Math.fma(a[r3 + j], v, s3);
      s4 = Math.fma(a[r4 + j], v, s4);
      s5 = Math.fma(a[r5 + j], v, s5);
      s6 = Math.fma(a[r6 + j], v, s6);
      s7 = Math.fma(a[r7 + j], v, s7);
    }
    y[out] = GemmKernel.combine(alpha, s0, beta, y[out]);
    y[out + 1] = GemmKernel.combine(alpha, s1, beta, y[out + 1]);
    y[out + 2] = GemmKernel.combine(alpha, s2, beta, y[out + 2]);
    y[out + 3] = GemmKernel.combine(alpha, s3, beta, y[out + 3]);
    y[out + 4] = GemmKernel.combine(alpha, s4, beta, y[out + 4]);
    y[out + 5] = GemmKernel.combine(alpha, s5, beta, y[out + 5]);
    y[out + 6] = GemmKernel.combine(alpha, s6, beta, y[out + 6]);
    y[out + 7] = GemmKernel.combine(alpha, s7, beta, y[out + 7]);
  }

  /**
   * Four rows of a transposed gemv into the running sums {@code acc}: each element takes the four
   * rows' {@code fma}s in row order, the chain of the one-row loop, with a quarter of its loads and
   * stores of {@code acc}.
   */
  private static void fourRowsTransposed(int n, double[] a, int r0, int lda, double[] x, int xOffset,
      double[] acc) {
    int r1 = r0 + lda;
    int r2 = r1 + lda;
    int r3 = r2 + lda;
    double s0 = x[xOffset];
    double s1 = x[xOffset + 1];
    double s2 = x[xOffset + 2];
    double s3 = x[xOffset + 3];
    for (int j = 0; j < n; j++) {
      double sum = Math.fma(a[r0 + j], s0, acc[j]);
      sum = Math.fma(a[r1 + j], s1, sum);
      sum = Math.fma(a[r2 + j], s2, sum);
      acc[j] = Math.fma(a[r3 + j], s3, sum);
    }
  }

  /** Per-thread buffers, grown on demand and then reused. */
  private static final class Scratch {
    private double[] panel = new double[0];
    private double[] packedA = new double[0];
    private double[] spill = new double[0];

    double[] panel(int size) {
      if (panel.length < size) {
        panel = new double[size];
      }
      return panel;
    }

    double[] packedA(int size) {
      if (packedA.length < size) {
        packedA = new double[size];
      }
      return packedA;
    }

    double[] spill(int size) {
      if (spill.length < size) {
        spill = new double[size];
      }
      return spill;
    }
  }

}
