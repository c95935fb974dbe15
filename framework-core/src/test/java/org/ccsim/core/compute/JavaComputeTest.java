package org.ccsim.core.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JavaComputeTest {

  private final JavaCompute compute = new JavaCompute();

  @Test
  void theBuildRunsTheSimdKernel() {
    assertTrue(JavaCompute.VECTORISED, "the JVM lacks --add-modules jdk.incubator.vector: the scalar kernel would run");
  }

  @ParameterizedTest
  @CsvSource({
      "false, false, 1, 1, 1, 1.0, 0.0",
      "false, false, 9, 30, 7, 1.0, 0.0",
      "false, true, 13, 17, 30, 0.5, 2.0",
      "true, false, 5, 64, 3, -1.0, 1.0",
      "true, true, 6, 33, 40, 2.0, -0.5",
      "false, true, 41, 16, 16, 1.0, 0.0"})
  void gemmMatchesTheTextbookTripleLoop(boolean ta, boolean tb, int m, int n, int k, double alpha, double beta) {
    Random random = new Random(m * 1000 + n * 10 + k);
    int lda = (ta ? m : k) + 2;
    int ldb = (tb ? k : n) + 1;
    int ldc = n + 3;
    double[] a = gaussian(random, 3 + (ta ? k : m) * lda);
    double[] b = gaussian(random, 1 + (tb ? n : k) * ldb);
    double[] c = gaussian(random, 2 + m * ldc);
    double[] expected = c.clone();
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          double x = ta ? a[3 + p * lda + i] : a[3 + i * lda + p];
          double y = tb ? b[1 + j * ldb + p] : b[1 + p * ldb + j];
          sum += x * y;
        }
        expected[2 + i * ldc + j] = alpha * sum + beta * c[2 + i * ldc + j];
      }
    }
    compute.gemm(ta, tb, m, n, k, alpha, a, 3, lda, b, 1, ldb, beta, c, 2, ldc);
    for (int i = 0; i < c.length; i++) {
      assertEquals(expected[i], c[i], 1e-12 * (1 + Math.abs(expected[i])), "element " + i);
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 2, 1", "16, 20, 16"})
  void betaZeroIgnoresWhatWasInTheOutput(int m, int n, int k) {
    double[] a = new double[m * k];
    double[] b = new double[k * n];
    java.util.Arrays.fill(a, 1.0);
    java.util.Arrays.fill(b, 2.0);
    double[] c = new double[m * n];
    java.util.Arrays.fill(c, Double.NaN);
    compute.gemm(false, false, m, n, k, 1.0, a, 0, k, b, 0, n, 0.0, c, 0, n);
    for (double value : c) {
      assertEquals(2.0 * k, value);
    }
  }

  @Test
  void anEmptyInnerDimensionScalesTheOutputByBeta() {
    double[] c = {1, 2, 3, 4};
    compute.gemm(false, false, 2, 2, 0, 1.0, new double[0], 0, 0, new double[0], 0, 2, 0.5, c, 0, 2);
    assertArrayEquals(new double[] {0.5, 1, 1.5, 2}, c);
    double[] y = {Double.NaN, 4};
    compute.gemv(false, 2, 0, 1.0, new double[0], 0, 0, new double[0], 0, 0.0, y, 0);
    assertArrayEquals(new double[] {0, 0}, y);
  }

  @ParameterizedTest
  @CsvSource({"7, 30, 0.5, 1.5", "64, 64, 1.0, 0.0", "3, 9, -2.0, 0.0"})
  void simdAndScalarKernelsGiveTheSameBits(int m, int n, double alpha, double beta) {
    Random random = new Random(7);
    int k = 29;
    GemmKernel simd = new VectorGemmKernel();
    GemmKernel scalar = new ScalarGemmKernel();
    double[] a = gaussian(random, m * k);
    double[] b = gaussian(random, k * n);
    double[] c = gaussian(random, m * n);
    double[] viaSimd = c.clone();
    double[] viaScalar = c.clone();
    simd.rows(m, n, k, alpha, a, 0, k, panel(b, k, n, simd.width(n)), simd.width(n), beta, viaSimd, 0, n,
        new double[4 * simd.width(n)]);
    scalar.rows(m, n, k, alpha, a, 0, k, panel(b, k, n, scalar.width(n)), scalar.width(n), beta, viaScalar, 0, n,
        new double[4 * n]);
    assertArrayEquals(viaScalar, viaSimd);
  }

  @ParameterizedTest
  @CsvSource({"false, 9, 30, 1.0, 0.0", "true, 9, 30, 0.5, 2.0", "false, 4, 4, -1.0, 1.0"})
  void gemvMatchesGemmWithOneColumn(boolean ta, int m, int n, double alpha, double beta) {
    Random random = new Random(3);
    double[] a = gaussian(random, m * n);
    double[] x = gaussian(random, ta ? m : n);
    double[] y = gaussian(random, ta ? n : m);
    double[] viaGemm = y.clone();
    compute.gemv(ta, m, n, alpha, a, 0, n, x, 0, beta, y, 0);
    compute.gemm(ta, false, ta ? n : m, 1, ta ? m : n, alpha, a, 0, n, x, 0, 1, beta, viaGemm, 0, 1);
    assertArrayEquals(viaGemm, y);
  }

  /**
   * The rank-one update gives the bits of the product of inner dimension 1 it replaces, into a
   * sub-block of a wider matrix (offsets, a row stride beyond n), on values of every sign and scale,
   * zeros included, repeated on the same output; and it is the outer product it names.
   */
  @ParameterizedTest
  @CsvSource({"1, 1, 1.0", "7, 33, 1.0", "40, 200, -0.5", "3, 5, 3.0"})
  void gerGivesTheBitsOfGemmWithInnerDimensionOne(int m, int n, double alpha) {
    Random random = new Random(11);
    double[] x = gaussian(random, m + 2);
    double[] y = gaussian(random, n + 3);
    x[1] = 0;
    y[3 % (n + 3)] = -0.0;
    y[n] = 1e-300;
    int lda = n + 4;
    double[] a = gaussian(random, 2 + m * lda);
    for (int i = 0; i < a.length; i += 5) {
      a[i] *= 1e8;
    }
    double[] viaGemm = a.clone();
    double[] viaGer = a.clone();
    double[] expected = a.clone();
    for (int round = 0; round < 3; round++) {
      compute.gemm(false, false, m, n, 1, alpha, x, 1, 1, y, 2, n, 1.0, viaGemm, 2, lda);
      compute.ger(m, n, alpha, x, 1, y, 2, viaGer, 2, lda);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          expected[2 + i * lda + j] += alpha * x[1 + i] * y[2 + j];
        }
      }
    }
    assertArrayEquals(viaGemm, viaGer);
    for (int i = 0; i < a.length; i++) {
      assertEquals(expected[i], viaGer[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "entry " + i);
    }
  }

  private static double[] panel(double[] b, int k, int n, int width) {
    double[] panel = new double[k * width];
    for (int p = 0; p < k; p++) {
      System.arraycopy(b, p * n, panel, p * width, n);
    }
    return panel;
  }

  private static double[] gaussian(Random random, int size) {
    double[] values = new double[size];
    Arrays.setAll(values, i -> random.nextGaussian());
    return values;
  }
}
