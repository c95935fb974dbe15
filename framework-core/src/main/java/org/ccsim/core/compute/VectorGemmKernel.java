package org.ccsim.core.compute;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link GemmKernel} on the JDK's vector API (SIMD, e.g. 8 doubles with AVX-512): register
 * tiles of 4 rows by 2 vectors, each accumulator a chain of fused multiply-adds over the inner
 * index, the row's A value broadcast against a row of the panel. No vector is passed to or returned
 * from a method: a call C2 does not inline would box it and allocate. Loaded only when the module
 * {@code jdk.incubator.vector} is present (the launcher and the build add it).
 */
public final class VectorGemmKernel implements GemmKernel {

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
    if (j + 2 * LANES <= n && beta == 0) {
      c00.mul(alpha).intoArray(c, out);
      c01.mul(alpha).intoArray(c, out + LANES);
      c10.mul(alpha).intoArray(c, out + ldc);
      c11.mul(alpha).intoArray(c, out + ldc + LANES);
      c20.mul(alpha).intoArray(c, out + 2 * ldc);
      c21.mul(alpha).intoArray(c, out + 2 * ldc + LANES);
      c30.mul(alpha).intoArray(c, out + 3 * ldc);
      c31.mul(alpha).intoArray(c, out + 3 * ldc + LANES);
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
    if (j + LANES <= n && beta == 0) {
      c0.mul(alpha).intoArray(c, out);
      c1.mul(alpha).intoArray(c, out + ldc);
      c2.mul(alpha).intoArray(c, out + 2 * ldc);
      c3.mul(alpha).intoArray(c, out + 3 * ldc);
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
    if (j + LANES <= n && beta == 0) {
      acc.mul(alpha).intoArray(c, out);
    } else {
      acc.intoArray(spill, 0);
      finishFromSpill(spill, 1, LANES, n - j, alpha, beta, c, out, ldc);
    }
  }

  /**
   * The first {@code valid} of {@code width} spilled columns of each of {@code rows} rows, combined
   * one by one as {@link GemmKernel#combine} does: the right edge of C, and every tile when beta is
   * not zero (accumulating products are not this kernel's hot path).
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
