package org.ccsim.plugins.cerebellum;

import org.ccsim.api.ParameterSet;
import org.ccsim.api.SynthesiserBatch;
import org.ccsim.api.compute.Compute;

/**
 * {@link CerebellumSynthesiser} on B states at once (rows are examples, row-major): each example's
 * granule layer is gathered over its fibres as before, then the Purkinje layer of the whole batch is
 * one product, {@code G = Z W_pc^T + 1 b_pc^T}; backward from the rows {@code V},
 * {@code dW_pc += V^T Z}, {@code db_pc +=} the column sums of V, and with a plastic granule layer
 * {@code U = (V W_pc) * phi'(A)} gathered back onto each cell's fibres. Its buffers are allocated
 * once; the gradient reuses the granule activity of the last prediction.
 */
final class CerebellumBatch implements SynthesiserBatch {

  private final CerebellumSynthesiser synthesiser;
  private final MossyFibres fibres;
  private final boolean allPlastic;
  private final Compute compute;
  private final int size;
  private final int n;
  private final int cells;
  /** Granule inputs A and outputs Z (B x cells) at the last prediction's states. */
  private final double[] a;
  private final double[] z;
  private final double[] rows;
  private final double[] u;
  private double[][] predicted;

  CerebellumBatch(CerebellumSynthesiser synthesiser, MossyFibres fibres, boolean allPlastic, Compute compute, int size) {
    this.synthesiser = synthesiser;
    this.fibres = fibres;
    this.allPlastic = allPlastic;
    this.compute = compute;
    this.size = size;
    this.n = fibres.fibres();
    this.cells = fibres.cells();
    this.a = new double[size * cells];
    this.z = new double[size * cells];
    this.rows = new double[size * n];
    this.u = allPlastic ? new double[size * cells] : null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void predict(ParameterSet theta, double[][] h, double[][] g) {
    granules(theta, h);
    double[] bias = theta.get(CerebellumSynthesiser.B_PC).data();
    for (int b = 0; b < size; b++) {
      System.arraycopy(bias, 0, rows, b * n, n);
    }
    compute.gemm(false, true, size, n, cells, 1.0, z, 0, cells, theta.get(CerebellumSynthesiser.W_PC).data(), 0,
        cells, 1.0, rows, 0, n);
    for (int b = 0; b < size; b++) {
      System.arraycopy(rows, b * n, g[b], 0, n);
    }
  }

  @Override
  public void accumulateParameterGradient(ParameterSet theta, double[][] v, ParameterSet grad) {
    for (int b = 0; b < size; b++) {
      System.arraycopy(v[b], 0, rows, b * n, n);
    }
    compute.gemm(true, false, n, cells, size, 1.0, rows, 0, n, z, 0, cells, 1.0,
        grad.get(CerebellumSynthesiser.W_PC).data(), 0, cells);
    double[] gb = grad.get(CerebellumSynthesiser.B_PC).data();
    for (double[] example : v) {
      for (int i = 0; i < n; i++) {
        gb[i] += example[i];
      }
    }
    if (!allPlastic) {
      return;
    }
    compute.gemm(false, false, size, cells, n, 1.0, rows, 0, n, theta.get(CerebellumSynthesiser.W_PC).data(), 0,
        cells, 0.0, u, 0, cells);
    double[] gw = grad.get(CerebellumSynthesiser.W_MG).data();
    double[] gbg = grad.get(CerebellumSynthesiser.B_G).data();
    for (int b = 0; b < size; b++) {
      double[] h = predicted[b];
      for (int c = 0; c < cells; c++) {
        int cell = b * cells + c;
        if (a[cell] <= 0) {
          continue;
        }
        for (int j : fibres.of(c)) {
          gw[c * n + j] += u[cell] * h[j];
        }
        gbg[c] += u[cell];
      }
    }
  }

  /** The fraction of granule cells firing, over every example. */
  @Override
  public double activeFraction(ParameterSet theta, double[][] h) {
    granules(theta, h);
    long active = 0;
    for (double cell : z) {
      if (cell > 0) {
        active++;
      }
    }
    return (double) active / ((long) size * cells);
  }

  private void granules(ParameterSet theta, double[][] h) {
    for (int b = 0; b < size; b++) {
      synthesiser.granules(theta, h[b], a, z, b * cells);
    }
    predicted = h;
  }
}
