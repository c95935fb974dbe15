package org.ccsim.plugins.rnn;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;

/**
 * The cortex of ALGORITHMS §1, leaky as in §7: {@code a_t = W_in x_t + W_rec h_{t-1} + b},
 * {@code h_t = (1 - alpha) h_{t-1} + alpha phi(a_t)}, {@code y_t = W_out h_t + b_out}, with
 * {@code phi = tanh} or the identity, {@code h_0 = 0}, and the analytic derivatives
 * {@code J_t = (1 - alpha) I + alpha diag(phi'(a_t)) W_rec}, {@code dh_t/dW_rec[i,j] = alpha phi'(a_t)_i
 * h_{t-1,j}}, {@code dh_t/dW_in[i,j] = alpha phi'(a_t)_i x_{t,j}}, {@code dh_t/db[i] = alpha phi'(a_t)_i}.
 * With {@code alpha = 1} (the default) it is §1's network, computed with exactly the same operations,
 * so every result is bit for bit the same.
 *
 * <p>Parameter groups: {@code cortex} ({@code W_in} n x m, {@code W_rec} n x n, {@code b} n) and
 * {@code readout} ({@code W_out} k x n, {@code b_out} k). Matrix-vector products and outer products
 * run on the scenario's {@link Compute}.
 */
final class TanhRnn implements Network {

  /** The recurrent nonlinearity. */
  enum Nonlinearity { TANH, IDENTITY }

  /**
   * Initial weights. Gaussian: entries of W_in ~ N(0, inputScale^2 / m), W_rec ~ N(0,
   * recurrentGain^2 / n) (then rescaled to {@code spectralRadius} when that is positive), W_out ~
   * N(0, readoutScale^2 / n), biases 0. PyTorch ({@code torch.nn.RNN} and {@code nn.Linear} defaults,
   * as in the BP(lambda) reference): every weight and bias ~ U(-1/sqrt(n), 1/sqrt(n)), with
   * {@code b = b_ih + b_hh} the sum of two draws.
   */
  record Init(boolean pytorch, double inputScale, double recurrentGain, double spectralRadius, double readoutScale) {
  }

  static final String CORTEX = "cortex";
  static final String READOUT = "readout";

  private final int m;
  private final int n;
  private final int k;
  private final Nonlinearity phi;
  /** alpha = dt / tau, in (0, 1]. */
  private final double alpha;
  private final Init init;
  private final Compute compute;
  /** {@code v * alpha phi'(a_t)} for the derivative methods, per thread (units run in parallel). */
  private final ThreadLocal<double[]> scaled;

  TanhRnn(int inputs, int hidden, int outputs, Nonlinearity phi, double alpha, Init init, Compute compute) {
    this.m = inputs;
    this.n = hidden;
    this.k = outputs;
    this.phi = phi;
    this.alpha = alpha;
    this.init = init;
    this.compute = compute;
    this.scaled = ThreadLocal.withInitial(() -> new double[hidden]);
  }

  @Override
  public int inputSize() {
    return m;
  }

  @Override
  public int hiddenSize() {
    return n;
  }

  @Override
  public int outputSize() {
    return k;
  }

  @Override
  public Set<String> readoutGroups() {
    return Set.of(READOUT);
  }

  @Override
  public OptionalDouble selfRetention() {
    return OptionalDouble.of(1 - alpha);
  }

  @Override
  public ParameterSet initialParameters(RandomGenerator random) {
    return init.pytorch() ? pytorchParameters(random) : gaussianParameters(random);
  }

  private ParameterSet pytorchParameters(RandomGenerator random) {
    double bound = 1 / Math.sqrt(n);
    Tensor wIn = Tensor.uniform("W_in", CORTEX, n, m, bound, random);
    Tensor wRec = Tensor.uniform("W_rec", CORTEX, n, n, bound, random);
    Tensor b = Tensor.uniform("b", CORTEX, n, 1, bound, random);
    Tensor second = Tensor.uniform("b", CORTEX, n, 1, bound, random);
    for (int i = 0; i < n; i++) {
      b.data()[i] += second.data()[i];
    }
    Tensor wOut = Tensor.uniform("W_out", READOUT, k, n, bound, random);
    Tensor bOut = Tensor.uniform("b_out", READOUT, k, 1, bound, random);
    return new ParameterSet(List.of(wIn, wRec, b, wOut, bOut));
  }

  private ParameterSet gaussianParameters(RandomGenerator random) {
    Tensor wIn = Tensor.gaussian("W_in", CORTEX, n, m, init.inputScale() / Math.sqrt(m), random);
    Tensor wRec = Tensor.gaussian("W_rec", CORTEX, n, n, init.recurrentGain() / Math.sqrt(n), random);
    if (init.spectralRadius() > 0) {
      scaleToSpectralRadius(wRec, init.spectralRadius());
    }
    Tensor wOut = Tensor.gaussian("W_out", READOUT, k, n, init.readoutScale() / Math.sqrt(n), random);
    return new ParameterSet(List.of(wIn, wRec, Tensor.zeros("b", CORTEX, n, 1), wOut,
        Tensor.zeros("b_out", READOUT, k, 1)));
  }

  private static void scaleToSpectralRadius(Tensor w, double radius) {
    double[][] rows = new double[w.rows()][w.cols()];
    for (int i = 0; i < w.rows(); i++) {
      System.arraycopy(w.data(), i * w.cols(), rows[i], 0, w.cols());
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
    double current = 0;
    for (int i = 0; i < rows.length; i++) {
      current = Math.max(current, Math.hypot(eigen.getRealEigenvalue(i), eigen.getImagEigenvalue(i)));
    }
    if (current > 0) {
      double[] data = w.data();
      for (int i = 0; i < data.length; i++) {
        data[i] *= radius / current;
      }
    }
  }

  @Override
  public double[] initialState() {
    return new double[n];
  }

  @Override
  public void forward(ParameterSet params, double[] hPrev, double[] x, Step step) {
    System.arraycopy(x, 0, step.x, 0, m);
    System.arraycopy(hPrev, 0, step.hPrev, 0, n);
    System.arraycopy(params.get("b").data(), 0, step.a, 0, n);
    compute.gemv(false, n, m, 1.0, params.get("W_in").data(), 0, m, x, 0, 1.0, step.a, 0);
    compute.gemv(false, n, n, 1.0, params.get("W_rec").data(), 0, n, hPrev, 0, 1.0, step.a, 0);
    for (int i = 0; i < n; i++) {
      double rate = phi == Nonlinearity.TANH ? Math.tanh(step.a[i]) : step.a[i];
      step.h[i] = leaky() ? (1 - alpha) * hPrev[i] + alpha * rate : rate;
    }
    System.arraycopy(params.get("b_out").data(), 0, step.y, 0, k);
    compute.gemv(false, k, n, 1.0, params.get("W_out").data(), 0, n, step.h, 0, 1.0, step.y, 0);
  }

  private boolean leaky() {
    return alpha != 1;
  }

  /** {@code alpha phi'(a_t)_i}; for tanh without leak from h_t = tanh(a_t). */
  private double slope(Step step, int i) {
    if (phi == Nonlinearity.IDENTITY) {
      return alpha;
    }
    if (!leaky()) {
      return 1 - step.h[i] * step.h[i];
    }
    double rate = Math.tanh(step.a[i]);
    return alpha * (1 - rate * rate);
  }

  @Override
  public void readoutBackward(ParameterSet params, Step step, double[] dLdy, ParameterSet grad, double[] dLdh) {
    double[] gBOut = grad.get("b_out").data();
    for (int o = 0; o < k; o++) {
      gBOut[o] += dLdy[o];
    }
    compute.ger(k, n, 1.0, dLdy, 0, step.h, 0, grad.get("W_out").data(), 0, n);
    compute.gemv(true, k, n, 1.0, params.get("W_out").data(), 0, n, dLdy, 0, 0.0, dLdh, 0);
  }

  @Override
  public void stateVjp(ParameterSet params, Step step, double[] v, double[] out) {
    double[] u = scaledBySlope(step, v);
    compute.gemv(true, n, n, 1.0, params.get("W_rec").data(), 0, n, u, 0, 0.0, out, 0);
    if (leaky()) {
      for (int i = 0; i < n; i++) {
        out[i] += (1 - alpha) * v[i];
      }
    }
  }

  @Override
  public void stateJvp(ParameterSet params, Step step, double[] u, double[] out) {
    compute.gemv(false, n, n, 1.0, params.get("W_rec").data(), 0, n, u, 0, 0.0, out, 0);
    for (int i = 0; i < n; i++) {
      out[i] *= slope(step, i);
    }
    if (leaky()) {
      for (int i = 0; i < n; i++) {
        out[i] += (1 - alpha) * u[i];
      }
    }
  }

  @Override
  public void stateJacobian(ParameterSet params, Step step, double[] out) {
    double[] wRec = params.get("W_rec").data();
    for (int i = 0; i < n; i++) {
      double d = slope(step, i);
      for (int j = 0; j < n; j++) {
        out[i * n + j] = d * wRec[i * n + j];
      }
      if (leaky()) {
        out[i * n + i] += 1 - alpha;
      }
    }
  }

  @Override
  public void accumulateParameterGradient(ParameterSet params, Step step, double[] v, ParameterSet grad) {
    double[] u = scaledBySlope(step, v);
    double[] gB = grad.get("b").data();
    for (int i = 0; i < n; i++) {
      gB[i] += u[i];
    }
    compute.ger(n, m, 1.0, u, 0, step.x, 0, grad.get("W_in").data(), 0, m);
    compute.ger(n, n, 1.0, u, 0, step.hPrev, 0, grad.get("W_rec").data(), 0, n);
  }

  /** {@code v * alpha phi'(a_t)} elementwise, in this thread's scratch. */
  private double[] scaledBySlope(Step step, double[] v) {
    double[] u = scaled.get();
    for (int i = 0; i < n; i++) {
      u[i] = v[i] * slope(step, i);
    }
    return u;
  }
}
