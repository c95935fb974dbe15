package org.ccsim.plugins.openblas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.bytedeco.openblas.presets.openblas_nolapack;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.compute.WorkSharing;
import org.junit.jupiter.api.Test;

/**
 * The BP(lambda) trace product ({@code P x n} trace times the transposed {@code n x n} Jacobian,
 * P = n^2 + n, here n = 32) gives the same bits every time: twice in a row, with OpenBLAS on one
 * thread or several, and with the examples of a batch spread over Java threads.
 */
class OpenBlasDeterminismTest {

  private static final int N = 32;
  private static final int P = N * N + N;
  private static final int BATCH = 6;

  private final Compute blas = OpenBlasComputeTest.create();
  private final double[][] traces = new double[BATCH][];
  private final double[][] jacobians = new double[BATCH][];

  OpenBlasDeterminismTest() {
    Random random = new Random(5);
    for (int b = 0; b < BATCH; b++) {
      traces[b] = gaussian(random, P * N);
      jacobians[b] = gaussian(random, N * N);
    }
  }

  private double[] product(int b) {
    double[] out = new double[P * N];
    blas.gemm(false, true, P, N, N, 0.9, traces[b], 0, N, jacobians[b], 0, N, 0.0, out, 0, N);
    return out;
  }

  @Test
  void theOpenBlasThreadPoolIsSetToOneThread() {
    assertEquals(1, openblas_nolapack.blas_get_num_threads());
  }

  @Test
  void theSameCallTwiceGivesTheSameBits() {
    assertArrayEquals(product(0), product(0));
  }

  @Test
  void moreOpenBlasThreadsGiveTheSameBits() {
    double[] single = product(1);
    try {
      openblas_nolapack.blas_set_num_threads(2);
      assertEquals(2, openblas_nolapack.blas_get_num_threads());
      assertArrayEquals(single, product(1));
    } finally {
      openblas_nolapack.blas_set_num_threads(1);
    }
  }

  @Test
  void examplesSpreadOverJavaThreadsGiveTheSameBitsAsOneAfterTheOther() {
    double[][] serial = new double[BATCH][];
    for (int b = 0; b < BATCH; b++) {
      serial[b] = product(b);
    }
    double[][] parallel = new double[BATCH][];
    WorkSharing.COMMON.forEach(BATCH, b -> parallel[b] = product(b));
    for (int b = 0; b < BATCH; b++) {
      assertArrayEquals(serial[b], parallel[b], "example " + b);
    }
  }

  private static double[] gaussian(Random random, int size) {
    double[] values = new double[size];
    Arrays.setAll(values, i -> random.nextGaussian());
    return values;
  }
}
