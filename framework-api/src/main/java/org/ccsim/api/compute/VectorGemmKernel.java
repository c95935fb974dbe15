package org.ccsim.api.compute;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link GemmKernel} on the JDK's vector API (SIMD, e.g. 8 doubles with AVX-512): register
 * tiles of 4 rows by 2 vectors, each accumulator a chain of fused multiply-adds over the inner
 * index, the row's A value broadcast against a row of the panel. Loaded only when the module
 * {@code jdk.incubator.vector} is present (the launcher and the build add it).
 */
final class VectorGemmKernel implements GemmKernel {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  @Override
  public int width(int n) {
    return (n + LANES - 1) / LANES * LANES;
  }

  @Override
  public void rows(int m, int n, int k, double alpha, double[] a, int aOffset, int lda, double[] panel, int width,
      double beta, double[] c, int cOffset, int ldc, double[] spill) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      int j = 0;
      for (; j + 2 * LANES <= width; j += 2 * LANES) {
        fourRowsTwoVectors(i, j, n, k, alpha, a, aOffset, lda, panel, width, beta, c, cOffset, ldc, spill);
      }
      if (j < width) {
        fourRowsOneVector(i, j, n, k, alpha, a, aOffset, lda, panel, width, beta, c, cOffset, ldc, spill);
      }
    }
    for (; i < m; i++) {
      for (int j = 0; j < width; j += LANES) {
        oneRowOneVector(i, j, n, k, alpha, a, aOffset, lda, panel, width, beta, c, cOffset, ldc, spill);
      }
    }
  }

  private static void fourRowsTwoVectors(int i, int j, int n, int k, double alpha, double[] a, int aOffset, int lda,
      double[] panel, int width, double beta, double[] c, int cOffset, int ldc, double[] spill) {
    int a0 = aOffset + i * lda;
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    DoubleVector c00 = DoubleVector.zero(SPECIES);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    for (int p = 0, row = j; p < k; p++, row += width) {
      DoubleVector w0 = DoubleVector.fromArray(SPECIES, panel, row);
      DoubleVector w1 = DoubleVector.fromArray(SPECIES, panel, row + LANES);
      DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + p]);
      c00 = w0.fma(x, c00);
      c01 = w1.fma(x, c01);
      x = DoubleVector.broadcast(SPECIES, a[a1 + p]);
      c10 = w0.fma(x, c10);
      c11 = w1.fma(x, c11);
      x = DoubleVector.broadcast(SPECIES, a[a2 + p]);
      c20 = w0.fma(x, c20);
      c21 = w1.fma(x, c21);
      x = DoubleVector.broadcast(SPECIES, a[a3 + p]);
      c30 = w0.fma(x, c30);
      c31 = w1.fma(x, c31);
    }
    int out = cOffset + i * ldc + j;
    if (j + 2 * LANES <= n) {
      finish(c00, alpha, beta, c, out);
      finish(c01, alpha, beta, c, out + LANES);
      finish(c10, alpha, beta, c, out + ldc);
      finish(c11, alpha, beta, c, out + ldc + LANES);
      finish(c20, alpha, beta, c, out + 2 * ldc);
      finish(c21, alpha, beta, c, out + 2 * ldc + LANES);
      finish(c30, alpha, beta, c, out + 3 * ldc);
      finish(c31, alpha, beta, c, out + 3 * ldc + LANES);
    } else {
      c00.intoArray(spill, 0);
      c01.intoArray(spill, LANES);
      c10.intoArray(spill, 2 * LANES);
      c11.intoArray(spill, 3 * LANES);
      c20.intoArray(spill, 4 * LANES);
      c21.intoArray(spill, 5 * LANES);
      c30.intoArray(spill, 6 * LANES);
      c31.intoArray(spill, 7 * LANES);
      finishFromSpill(spill, 4, 2 * LANES, n - j, alpha, beta, c, out, ldc);
    }
  }

  private static void fourRowsOneVector(int i, int j, int n, int k, double alpha, double[] a, int aOffset, int lda,
      double[] panel, int width, double beta, double[] c, int cOffset, int ldc, double[] spill) {
    int a0 = aOffset + i * lda;
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    DoubleVector c0 = DoubleVector.zero(SPECIES);
    DoubleVector c1 = c0;
    DoubleVector c2 = c0;
    DoubleVector c3 = c0;
    for (int p = 0, row = j; p < k; p++, row += width) {
      DoubleVector w = DoubleVector.fromArray(SPECIES, panel, row);
      c0 = w.fma(DoubleVector.broadcast(SPECIES, a[a0 + p]), c0);
      c1 = w.fma(DoubleVector.broadcast(SPECIES, a[a1 + p]), c1);
      c2 = w.fma(DoubleVector.broadcast(SPECIES, a[a2 + p]), c2);
      c3 = w.fma(DoubleVector.broadcast(SPECIES, a[a3 + p]), c3);
    }
    int out = cOffset + i * ldc + j;
    if (j + LANES <= n) {
      finish(c0, alpha, beta, c, out);
      finish(c1, alpha, beta, c, out + ldc);
      finish(c2, alpha, beta, c, out + 2 * ldc);
      finish(c3, alpha, beta, c, out + 3 * ldc);
    } else {
      c0.intoArray(spill, 0);
      c1.intoArray(spill, LANES);
      c2.intoArray(spill, 2 * LANES);
      c3.intoArray(spill, 3 * LANES);
      finishFromSpill(spill, 4, LANES, n - j, alpha, beta, c, out, ldc);
    }
  }

  private static void oneRowOneVector(int i, int j, int n, int k, double alpha, double[] a, int aOffset, int lda,
      double[] panel, int width, double beta, double[] c, int cOffset, int ldc, double[] spill) {
    int a0 = aOffset + i * lda;
    DoubleVector acc = DoubleVector.zero(SPECIES);
    for (int p = 0, row = j; p < k; p++, row += width) {
      acc = DoubleVector.fromArray(SPECIES, panel, row).fma(DoubleVector.broadcast(SPECIES, a[a0 + p]), acc);
    }
    int out = cOffset + i * ldc + j;
    if (j + LANES <= n) {
      finish(acc, alpha, beta, c, out);
    } else {
      acc.intoArray(spill, 0);
      finishFromSpill(spill, 1, LANES, n - j, alpha, beta, c, out, ldc);
    }
  }

  /** {@code c[out..] = alpha acc + beta c[out..]} for one full vector. */
  private static void finish(DoubleVector acc, double alpha, double beta, double[] c, int out) {
    DoubleVector scaled = acc.mul(alpha);
    if (beta != 0) {
      scaled = scaled.add(DoubleVector.fromArray(SPECIES, c, out).mul(beta));
    }
    scaled.intoArray(c, out);
  }

  /**
   * The right edge of C: the first {@code valid} of {@code width} spilled columns of each of
   * {@code rows} rows, combined one by one as {@link GemmKernel#combine} does.
   */
  private static void finishFromSpill(double[] spill, int rows, int width, int valid, double alpha, double beta,
      double[] c, int out, int ldc) {
    for (int r = 0; r < rows; r++) {
      for (int lane = 0; lane < Math.min(valid, width); lane++) {
        c[out + r * ldc + lane] = GemmKernel.combine(alpha, spill[r * width + lane], beta, c[out + r * ldc + lane]);
      }
    }
  }
}
