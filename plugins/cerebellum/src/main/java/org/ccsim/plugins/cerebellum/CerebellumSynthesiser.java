package org.ccsim.plugins.cerebellum;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;

/**
 * The cerebellar synthesiser (ALGORITHMS §4; Pemberton et al., NeurIPS 2021; Boven et al., Nat
 * Commun 2023). Mossy fibres carry the cortical state h; each of the {@code N_gc} granule cells
 * sums the f fibres that reach it ({@link MossyFibres}) and fires
 * <pre>  z = phi(W_mg h + b_g)</pre>
 * and the Purkinje layer reads out the predicted future gradient
 * <pre>  g = W_pc z + b_pc,     W_pc, b_pc zero at the start.</pre>
 * {@code W_mg} is stored dense (N_gc x n) but only its f entries per row are ever read; they are
 * drawn {@code N(0, scale^2 / f)}, so that a granule input has the variance of
 * {@code scale^2} times a mossy fibre's mean square; {@code b_g} starts at a configured bias.
 *
 * <p>With Purkinje plasticity (Marr-Albus-Ito) only {@code W_pc, b_pc} learn and the granule
 * layer sits in the group {@link #FIXED}: then {@code dg/dtheta = I (x) [z; 1]^T}, whose Jacobian
 * touches only the diagonal blocks of a trace, P = n N_gc + n. With plasticity of all weights,
 * {@code W_mg} (its existing synapses only) and {@code b_g} learn too, by backpropagation through
 * the ReLU: for a row vector v, {@code u = (W_pc^T v) * phi'(a)},
 * {@code d(v g)/dW_mg[c, j] = u_c h_j} for the fibres j of cell c, {@code d(v g)/db_g = u}.
 *
 * <p>The granule input is a gather over f fibres per cell (N_gc f multiply-adds, where a dense
 * product would take N_gc n); the Purkinje products run on the scenario's {@link Compute}.
 * Nothing is kept between calls but per-thread scratch, so calls for different examples may run in
 * parallel, and none allocates once a thread's scratch exists.
 */
final class CerebellumSynthesiser implements JacobianSynthesiser {

  /** The group of the granule layer when it does not learn. */
  static final String FIXED = "granule-fixed";
  static final String W_MG = "W_mg";
  static final String B_G = "b_g";
  static final String W_PC = "W_pc";
  static final String B_PC = "b_pc";

  /**
   * @param weightScale scale of the mossy-fibre weights, {@code N(0, scale^2 / f)}
   * @param granuleBias the initial {@code b_g} of every granule cell
   * @param allPlastic whether the granule layer learns too (relu cells only: a threshold cell passes
   *     no gradient)
   */
  record Settings(double weightScale, double granuleBias, GranuleNonlinearity nonlinearity, boolean allPlastic) {
  }

  private final MossyFibres fibres;
  private final Settings settings;
  private final Compute compute;
  private final int n;
  private final int cells;
  /** Where each trained tensor starts in the flat trained vector, in the order of {@link #initialParameters}. */
  private final int mossyOffset;
  private final int granuleBiasOffset;
  private final int purkinjeOffset;
  private final int purkinjeBiasOffset;
  /** Per thread: granule inputs a, outputs z, and the backpropagated u. */
  private final ThreadLocal<double[][]> scratch;

  CerebellumSynthesiser(MossyFibres fibres, Settings settings, Compute compute) {
    this.fibres = fibres;
    this.settings = settings;
    this.compute = compute;
    this.n = fibres.fibres();
    this.cells = fibres.cells();
    int granuleValues = settings.allPlastic() ? cells * n + cells : 0;
    this.mossyOffset = 0;
    this.granuleBiasOffset = cells * n;
    this.purkinjeOffset = granuleValues;
    this.purkinjeBiasOffset = granuleValues + n * cells;
    this.scratch = ThreadLocal.withInitial(() -> new double[3][cells]);
  }

  @Override
  public int size() {
    return n;
  }

  /** With the Purkinje layer alone plastic, {@code dg/dtheta = I (x) [z; 1]^T} does not depend on theta. */
  @Override
  public boolean linearInTrainedWeights() {
    return !settings.allPlastic();
  }

  /** With the Purkinje layer alone plastic: m = N_gc, the granule cells. */
  @Override
  public int readoutInputs() {
    requireLinear();
    return cells;
  }

  /** With the Purkinje layer alone plastic: the granule cells' output {@code z = phi(W_mg h + b_g)}. */
  @Override
  public void readoutInput(ParameterSet theta, double[] h, double[] z) {
    requireLinear();
    granules(theta, h, scratch.get()[0], z);
  }

  private void requireLinear() {
    if (settings.allPlastic()) {
      throw new UnsupportedOperationException("a cerebellum whose granule layer learns is not linear in its trained weights");
    }
  }

  @Override
  public ParameterSet initialParameters(RandomGenerator random) {
    String granuleGroup = settings.allPlastic() ? TRAINED : FIXED;
    Tensor wmg = Tensor.zeros(W_MG, granuleGroup, cells, n);
    double sd = settings.weightScale() / Math.sqrt(fibres.of(0).length);
    for (int c = 0; c < cells; c++) {
      for (int j : fibres.of(c)) {
        wmg.data()[c * n + j] = sd * random.nextGaussian();
      }
    }
    Tensor bg = Tensor.zeros(B_G, granuleGroup, cells, 1);
    java.util.Arrays.fill(bg.data(), settings.granuleBias());
    List<Tensor> tensors = new ArrayList<>(List.of(wmg, bg));
    tensors.add(Tensor.zeros(W_PC, TRAINED, n, cells));
    tensors.add(Tensor.zeros(B_PC, TRAINED, n, 1));
    return new ParameterSet(tensors);
  }

  @Override
  public void predict(ParameterSet theta, double[] h, double[] g) {
    double[][] s = scratch.get();
    granules(theta, h, s[0], s[1]);
    purkinje(theta, s[1], g);
  }

  @Override
  public void accumulateParameterGradient(ParameterSet theta, double[] h, double[] v, ParameterSet grad) {
    double[][] s = scratch.get();
    double[] a = s[0];
    double[] z = s[1];
    granules(theta, h, a, z);
    compute.ger(n, cells, 1.0, v, 0, z, 0, grad.get(W_PC).data(), 0, cells);
    double[] gb = grad.get(B_PC).data();
    for (int i = 0; i < n; i++) {
      gb[i] += v[i];
    }
    if (!settings.allPlastic()) {
      return;
    }
    double[] u = s[2];
    compute.gemv(true, n, cells, 1.0, theta.get(W_PC).data(), 0, cells, v, 0, 0.0, u, 0);
    double[] gw = grad.get(W_MG).data();
    double[] gbg = grad.get(B_G).data();
    for (int c = 0; c < cells; c++) {
      if (a[c] <= 0) {
        continue;
      }
      for (int j : fibres.of(c)) {
        gw[c * n + j] += u[c] * h[j];
      }
      gbg[c] += u[c];
    }
  }

  @Override
  public void addParameterJacobian(ParameterSet theta, double[] h, double[] traceT) {
    double[][] s = scratch.get();
    double[] a = s[0];
    double[] z = s[1];
    granules(theta, h, a, z);
    int weights = purkinjeOffset;
    int biases = purkinjeBiasOffset;
    for (int i = 0; i < n; i++) {
      int row = weights + i * cells;
      for (int c = 0; c < cells; c++) {
        traceT[(row + c) * n + i] += z[c];
      }
      traceT[(biases + i) * n + i] += 1;
    }
    if (!settings.allPlastic()) {
      return;
    }
    int mossy = mossyOffset;
    int granuleBiases = granuleBiasOffset;
    double[] wpc = theta.get(W_PC).data();
    for (int c = 0; c < cells; c++) {
      if (a[c] <= 0) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        double slope = wpc[i * cells + c];
        for (int j : fibres.of(c)) {
          traceT[(mossy + c * n + j) * n + i] += slope * h[j];
        }
        traceT[(granuleBiases + c) * n + i] += slope;
      }
    }
  }

  @Override
  public double activeFraction(ParameterSet theta, double[] h) {
    double[][] s = scratch.get();
    double[] z = s[1];
    granules(theta, h, s[0], z);
    int active = 0;
    for (double cell : z) {
      if (cell > 0) {
        active++;
      }
    }
    return (double) active / cells;
  }

  /** The granule inputs {@code a = W_mg h + b_g}, read over each cell's fibres only, and {@code z = phi(a)}. */
  private void granules(ParameterSet theta, double[] h, double[] a, double[] z) {
    double[] w = theta.get(W_MG).data();
    double[] b = theta.get(B_G).data();
    for (int c = 0; c < cells; c++) {
      double sum = b[c];
      for (int j : fibres.of(c)) {
        sum += w[c * n + j] * h[j];
      }
      a[c] = sum;
      z[c] = settings.nonlinearity().apply(sum);
    }
  }

  /** {@code g = W_pc z + b_pc}. */
  private void purkinje(ParameterSet theta, double[] z, double[] g) {
    System.arraycopy(theta.get(B_PC).data(), 0, g, 0, n);
    compute.gemv(false, n, cells, 1.0, theta.get(W_PC).data(), 0, cells, z, 0, 1.0, g, 0);
  }
}
