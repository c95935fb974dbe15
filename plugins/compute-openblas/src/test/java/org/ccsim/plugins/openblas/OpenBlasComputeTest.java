package org.ccsim.plugins.openblas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.compute.JavaCompute;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code openblas} backend against the pure-Java one, on random shapes, strides and offsets. */
class OpenBlasComputeTest {

  private static final double RELATIVE = 1e-12;

  private final Compute blas = create();
  private final Compute java = new JavaCompute();

  static Compute create() {
    OpenBlasComputeType type = new OpenBlasComputeType();
    return type.create(TestConfigs.of(type), new TestBuildContext(1));
  }

  @Test
  void theTypeBuildsTheOpenBlasBackend() {
    assertEquals("openblas", blas.id());
    assertTrue(blas instanceof OpenBlasCompute);
  }

  /** Eight random cases for each of the four transpose combinations. */
  static Stream<Arguments> gemmCases() {
    Random random = new Random(20240);
    return IntStream.range(0, 32).mapToObj(i -> Arguments.of(i % 2 == 1, i / 2 % 2 == 1, random.nextLong()));
  }

  @ParameterizedTest(name = "transposeA={0} transposeB={1} seed={2}")
  @MethodSource("gemmCases")
  void gemmAgreesWithTheJavaBackend(boolean ta, boolean tb, long seed) {
    Random random = new Random(seed);
    int m = 1 + random.nextInt(70);
    int n = 1 + random.nextInt(70);
    int k = 1 + random.nextInt(70);
    double alpha = random.nextBoolean() ? 1.0 : random.nextGaussian();
    double beta = switch (random.nextInt(3)) {
      case 0 -> 0.0;
      case 1 -> 1.0;
      default -> random.nextGaussian();
    };
    int lda = (ta ? m : k) + random.nextInt(4);
    int ldb = (tb ? k : n) + random.nextInt(4);
    int ldc = n + random.nextInt(4);
    int aOffset = random.nextInt(5);
    int bOffset = random.nextInt(5);
    int cOffset = random.nextInt(5);
    double[] a = gaussian(random, aOffset + (ta ? k : m) * lda);
    double[] b = gaussian(random, bOffset + (tb ? n : k) * ldb);
    double[] c = gaussian(random, cOffset + m * ldc + 3);
    double[] expected = c.clone();
    double[] actual = c.clone();
    java.gemm(ta, tb, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, expected, cOffset, ldc);
    blas.gemm(ta, tb, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, actual, cOffset, ldc);
    for (int i = 0; i < c.length; i++) {
      int row = (i - cOffset) / ldc;
      int column = (i - cOffset) % ldc;
      boolean inside = i >= cOffset && row < m && column < n;
      if (!inside) {
        assertEquals(c[i], actual[i], "element " + i + " lies outside C and must not change");
        continue;
      }
      double scale = Math.abs(beta * c[i]);
      for (int p = 0; p < k; p++) {
        double x = ta ? a[aOffset + p * lda + row] : a[aOffset + row * lda + p];
        double y = tb ? b[bOffset + column * ldb + p] : b[bOffset + p * ldb + column];
        scale += Math.abs(alpha * x * y);
      }
      assertEquals(expected[i], actual[i], RELATIVE * scale, "C[" + row + "][" + column + "]");
    }
  }

  static Stream<Arguments> gemvCases() {
    Random random = new Random(77);
    return IntStream.range(0, 16).mapToObj(i -> Arguments.of(i % 2 == 1, random.nextLong()));
  }

  @ParameterizedTest(name = "transposeA={0} seed={1}")
  @MethodSource("gemvCases")
  void gemvAgreesWithTheJavaBackend(boolean ta, long seed) {
    Random random = new Random(seed);
    int m = 1 + random.nextInt(300);
    int n = 1 + random.nextInt(70);
    double alpha = random.nextGaussian();
    double beta = random.nextBoolean() ? 0.0 : random.nextGaussian();
    int lda = n + random.nextInt(4);
    int aOffset = random.nextInt(5);
    int xOffset = random.nextInt(5);
    int yOffset = random.nextInt(5);
    int rows = ta ? n : m;
    double[] a = gaussian(random, aOffset + m * lda);
    double[] x = gaussian(random, xOffset + (ta ? m : n));
    double[] y = gaussian(random, yOffset + rows + 2);
    double[] expected = y.clone();
    double[] actual = y.clone();
    java.gemv(ta, m, n, alpha, a, aOffset, lda, x, xOffset, beta, expected, yOffset);
    blas.gemv(ta, m, n, alpha, a, aOffset, lda, x, xOffset, beta, actual, yOffset);
    for (int i = 0; i < y.length; i++) {
      int r = i - yOffset;
      if (r < 0 || r >= rows) {
        assertEquals(y[i], actual[i], "element " + i + " lies outside y and must not change");
        continue;
      }
      double scale = Math.abs(beta * y[i]);
      for (int p = 0; p < (ta ? m : n); p++) {
        scale += Math.abs(alpha * x[xOffset + p] * (ta ? a[aOffset + p * lda + r] : a[aOffset + r * lda + p]));
      }
      assertEquals(expected[i], actual[i], RELATIVE * scale, "y[" + r + "]");
    }
  }

  @Test
  void betaZeroIgnoresTheOldOutputAndWhatEarlierCallsLeftBehind() {
    double[] nan = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    blas.gemm(false, false, 2, 2, 1, 1.0, new double[] {Double.NaN, 1}, 0, 1, new double[] {1, 1}, 0, 2, 0.0,
        nan.clone(), 0, 2);
    blas.gemv(false, 2, 1, 1.0, new double[] {Double.NaN, 1}, 0, 1, new double[] {1}, 0, 0.0, nan.clone(), 0);

    double[] c = nan.clone();
    blas.gemm(false, false, 2, 2, 1, 1.0, new double[] {2, 3}, 0, 1, new double[] {4, 5}, 0, 2, 0.0, c, 0, 2);
    assertArrayEquals(new double[] {8, 10, 12, 15}, c);
    double[] y = nan.clone();
    blas.gemv(true, 1, 2, 2.0, new double[] {3, 4}, 0, 2, new double[] {1}, 0, 0.0, y, 1);
    assertArrayEquals(new double[] {Double.NaN, 6, 8, Double.NaN}, y);
  }

  private static double[] gaussian(Random random, int size) {
    double[] values = new double[size];
    Arrays.setAll(values, i -> random.nextGaussian());
    return values;
  }
}
