package org.ccsim.core.compute;

import java.util.Arrays;

/** The {@link GemmKernel} for a JVM without the incubating vector module: row by row, same bits. */
public final class ScalarGemmKernel implements GemmKernel {

  @Override
  public int width(int n) {
    return n;
  }

  @Override
  public void rows(int m, int n, int k, double alpha, double[] a, int aOffset, int lda, double[] panel, int width,
      double beta, double[] c, int cOffset, int ldc, double[] spill) {
    for (int i = 0; i < m; i++) {
      Arrays.fill(spill, 0, n, 0.0);
      int row = aOffset + i * lda;
      for (int p = 0; p < k; p++) {
        double s = a[row + p];
        int panelRow = p * width;
        for (int j = 0; j < n; j++) {
          spill[j] = Math.fma(panel[panelRow + j], s, spill[j]);
        }
      }
      int out = cOffset + i * ldc;
      for (int j = 0; j < n; j++) {
        c[out + j] = GemmKernel.combine(alpha, spill[j], beta, c[out + j]);
      }
    }
  }
}
