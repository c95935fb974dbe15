package org.ccsim.plugins.lstm;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;

/**
 * The LSTM cortex of ALGORITHMS §7, in PyTorch's gate order i, f, g, o with one bias of 4n:
 * {@code z_t = W_x x_t + W_h h_{t-1} + b}, {@code i = sigma(z_i)}, {@code f = sigma(z_f)},
 * {@code g = tanh(z_g)}, {@code o = sigma(z_o)}, {@code c_t = f c_{t-1} + i g}, {@code h_t = o tanh(c_t)},
 * {@code y_t = W_out h_t + b_out}.
 *
 * <p>The state the rules see is {@code s_t = [h_t; c_t]} (2n values): {@code J_t = ds_t/ds_{t-1}} is the
 * exact Jacobian of §7 (with the output-gate term the BP(lambda) reference drops), applied as products
 * through the gate pre-activations, so that {@code v J_t} and {@code J_t u} cost one product with
 * {@code W_h} each; the readout reads {@code h_t}, so {@code dl/ds_t = [c_t^h, 0]}. A step keeps
 * {@code i, f, g, o} and {@code tanh c_t} in {@link Step#a} (5n values).
 *
 * <p>Parameter groups: {@code cortex} ({@code W_x} 4n x m, {@code W_h} 4n x n, {@code b} 4n) and
 * {@code readout} ({@code W_out} k x n, {@code b_out} k).
 */
final class Lstm implements Network {

  /**
   * Initial weights. PyTorch ({@code torch.nn.LSTM} and {@code nn.Linear}): every weight and bias
   * ~ U(-1/sqrt(n), 1/sqrt(n)), {@code b = b_ih + b_hh} the sum of two draws. Gaussian: W_x ~ N(0, 1/m),
   * W_h and W_out ~ N(0, 1/n), biases 0. Either way {@code forgetBias} is then added to the forget
   * gate's bias (a positive value keeps memories at the start of training).
   */
  record Init(boolean pytorch, double forgetBias) {
  }

  static final String CORTEX = "cortex";
  static final String READOUT = "readout";

  private final int m;
  private final int n;
  private final int k;
  private final Init init;
  private final Compute compute;
  /** Gradients (or tangents) of the 4n gate pre-activations, per thread (units run in parallel). */
  private final ThreadLocal<double[]> gates;

  Lstm(int inputs, int units, int outputs, Init init, Compute compute) {
    this.m = inputs;
    this.n = units;
    this.k = outputs;
    this.init = init;
    this.compute = compute;
    this.gates = ThreadLocal.withInitial(() -> new double[4 * units]);
  }

  @Override
  public int inputSize() {
    return m;
  }

  /** The state {@code [h; c]}: 2n values. */
  @Override
  public int hiddenSize() {
    return 2 * n;
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
  public Step newStep() {
    return new Step(m, 2 * n, k, 5 * n);
  }

  @Override
  public ParameterSet initialParameters(RandomGenerator random) {
    Tensor wX;
    Tensor wH;
    Tensor b;
    Tensor wOut;
    Tensor bOut;
    if (init.pytorch()) {
      double bound = 1 / Math.sqrt(n);
      wX = Tensor.uniform("W_x", CORTEX, 4 * n, m, bound, random);
      wH = Tensor.uniform("W_h", CORTEX, 4 * n, n, bound, random);
      b = Tensor.uniform("b", CORTEX, 4 * n, 1, bound, random);
      Tensor second = Tensor.uniform("b", CORTEX, 4 * n, 1, bound, random);
      for (int i = 0; i < 4 * n; i++) {
        b.data()[i] += second.data()[i];
      }
      wOut = Tensor.uniform("W_out", READOUT, k, n, bound, random);
      bOut = Tensor.uniform("b_out", READOUT, k, 1, bound, random);
    } else {
      wX = Tensor.gaussian("W_x", CORTEX, 4 * n, m, 1 / Math.sqrt(m), random);
      wH = Tensor.gaussian("W_h", CORTEX, 4 * n, n, 1 / Math.sqrt(n), random);
      b = Tensor.zeros("b", CORTEX, 4 * n, 1);
      wOut = Tensor.gaussian("W_out", READOUT, k, n, 1 / Math.sqrt(n), random);
      bOut = Tensor.zeros("b_out", READOUT, k, 1);
    }
    for (int i = n; i < 2 * n; i++) {
      b.data()[i] += init.forgetBias();
    }
    return new ParameterSet(List.of(wX, wH, b, wOut, bOut));
  }

  @Override
  public double[] initialState() {
    return new double[2 * n];
  }

  @Override
  public void forward(ParameterSet params, double[] sPrev, double[] x, Step step) {
    System.arraycopy(x, 0, step.x, 0, m);
    System.arraycopy(sPrev, 0, step.hPrev, 0, 2 * n);
    double[] z = step.a;
    System.arraycopy(params.get("b").data(), 0, z, 0, 4 * n);
    compute.gemv(false, 4 * n, m, 1.0, params.get("W_x").data(), 0, m, x, 0, 1.0, z, 0);
    compute.gemv(false, 4 * n, n, 1.0, params.get("W_h").data(), 0, n, sPrev, 0, 1.0, z, 0);
    for (int j = 0; j < n; j++) {
      double i = sigmoid(z[j]);
      double f = sigmoid(z[n + j]);
      double g = Math.tanh(z[2 * n + j]);
      double o = sigmoid(z[3 * n + j]);
      double c = f * sPrev[n + j] + i * g;
      double tc = Math.tanh(c);
      z[j] = i;
      z[n + j] = f;
      z[2 * n + j] = g;
      z[3 * n + j] = o;
      z[4 * n + j] = tc;
      step.h[j] = o * tc;
      step.h[n + j] = c;
    }
    System.arraycopy(params.get("b_out").data(), 0, step.y, 0, k);
    compute.gemv(false, k, n, 1.0, params.get("W_out").data(), 0, n, step.h, 0, 1.0, step.y, 0);
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Override
  public void readoutBackward(ParameterSet params, Step step, double[] dLdy, ParameterSet grad, double[] dLdh) {
    double[] gBOut = grad.get("b_out").data();
    for (int o = 0; o < k; o++) {
      gBOut[o] += dLdy[o];
    }
    compute.ger(k, n, 1.0, dLdy, 0, step.h, 0, grad.get("W_out").data(), 0, n);
    compute.gemv(true, k, n, 1.0, params.get("W_out").data(), 0, n, dLdy, 0, 0.0, dLdh, 0);
    Arrays.fill(dLdh, n, 2 * n, 0.0);
  }

  /**
   * The gradient that the row vector {@code v} over {@code s_t = [h_t; c_t]} puts on the gate
   * pre-activations {@code z_t}, into {@code dz} (4n): {@code v ds_t/dz_t}.
   */
  private void gateGradient(Step step, double[] v, double[] dz) {
    double[] a = step.a;
    for (int j = 0; j < n; j++) {
      double i = a[j];
      double f = a[n + j];
      double g = a[2 * n + j];
      double o = a[3 * n + j];
      double tc = a[4 * n + j];
      double toC = v[n + j] + v[j] * o * (1 - tc * tc);
      dz[j] = toC * g * i * (1 - i);
      dz[n + j] = toC * step.hPrev[n + j] * f * (1 - f);
      dz[2 * n + j] = toC * i * (1 - g * g);
      dz[3 * n + j] = v[j] * tc * o * (1 - o);
    }
  }

  @Override
  public void stateVjp(ParameterSet params, Step step, double[] v, double[] out) {
    double[] dz = gates.get();
    gateGradient(step, v, dz);
    double[] a = step.a;
    for (int j = 0; j < n; j++) {
      double tc = a[4 * n + j];
      out[n + j] = (v[n + j] + v[j] * a[3 * n + j] * (1 - tc * tc)) * a[n + j];
    }
    compute.gemv(true, 4 * n, n, 1.0, params.get("W_h").data(), 0, n, dz, 0, 0.0, out, 0);
  }

  @Override
  public void stateJvp(ParameterSet params, Step step, double[] u, double[] out) {
    double[] dz = gates.get();
    compute.gemv(false, 4 * n, n, 1.0, params.get("W_h").data(), 0, n, u, 0, 0.0, dz, 0);
    double[] a = step.a;
    for (int j = 0; j < n; j++) {
      double i = a[j];
      double f = a[n + j];
      double g = a[2 * n + j];
      double o = a[3 * n + j];
      double tc = a[4 * n + j];
      double dc = f * (1 - f) * dz[n + j] * step.hPrev[n + j] + f * u[n + j] + i * (1 - i) * dz[j] * g
          + i * (1 - g * g) * dz[2 * n + j];
      out[j] = o * (1 - o) * dz[3 * n + j] * tc + o * (1 - tc * tc) * dc;
      out[n + j] = dc;
    }
  }

  /**
   * The dense J_t of §7, row by row: {@code dc/dh_{t-1} = C_t}, {@code dh/dh_{t-1} = diag(tanh c_t) D_o W_h^o
   * + diag(u) C_t}, and the diagonal blocks {@code dc/dc_{t-1} = diag(f)}, {@code dh/dc_{t-1} = diag(u f)}.
   */
  @Override
  public void stateJacobian(ParameterSet params, Step step, double[] out) {
    double[] wH = params.get("W_h").data();
    double[] a = step.a;
    int size = 2 * n;
    Arrays.fill(out, 0, size * size, 0.0);
    for (int r = 0; r < n; r++) {
      double i = a[r];
      double f = a[n + r];
      double g = a[2 * n + r];
      double o = a[3 * n + r];
      double tc = a[4 * n + r];
      double u = o * (1 - tc * tc);
      double viaI = g * i * (1 - i);
      double viaF = step.hPrev[n + r] * f * (1 - f);
      double viaG = i * (1 - g * g);
      double viaO = tc * o * (1 - o);
      int rowI = r * n;
      int rowF = (n + r) * n;
      int rowG = (2 * n + r) * n;
      int rowO = (3 * n + r) * n;
      for (int c = 0; c < n; c++) {
        double toC = viaI * wH[rowI + c] + viaF * wH[rowF + c] + viaG * wH[rowG + c];
        out[r * size + c] = viaO * wH[rowO + c] + u * toC;
        out[(n + r) * size + c] = toC;
      }
      out[r * size + n + r] = u * f;
      out[(n + r) * size + n + r] = f;
    }
  }

  @Override
  public void accumulateParameterGradient(ParameterSet params, Step step, double[] v, ParameterSet grad) {
    double[] dz = gates.get();
    gateGradient(step, v, dz);
    double[] gB = grad.get("b").data();
    for (int i = 0; i < 4 * n; i++) {
      gB[i] += dz[i];
    }
    compute.ger(4 * n, m, 1.0, dz, 0, step.x, 0, grad.get("W_x").data(), 0, m);
    compute.ger(4 * n, n, 1.0, dz, 0, step.hPrev, 0, grad.get("W_h").data(), 0, n);
  }
}
