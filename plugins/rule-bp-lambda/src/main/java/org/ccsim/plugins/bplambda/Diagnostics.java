package org.ccsim.plugins.bplambda;

import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;

/**
 * Gradient-alignment diagnostics (ALGORITHMS §5), from an offline BPTT pass over the batch just
 * trained, with the parameters it was run with; never fed back into learning. Computed only when the
 * scenario records them.
 * <ul>
 *   <li>{@code alignment}: cosine between the cortex's learning signal {@code c_t + s g_t} and the
 *       BPTT gradient {@code c_t + G*_t};</li>
 *   <li>{@code sg-alignment}: cosine between {@code g_t} and {@code G*_t};</li>
 * </ul>
 * each averaged over examples and the non-terminal steps {@code t <= T-2} (0-based); a cosine with a
 * zero vector counts as 0. And {@code update-alignment}: the cosine between the batch's cortex
 * weight update and the full-BPTT weight gradient of the same batch, over every parameter group but
 * {@code readout} (whose gradient is the immediate one for every rule); recorded by rules that apply
 * their update once per batch.
 */
final class Diagnostics {

  static final String ALIGNMENT = "alignment";
  static final String SG_ALIGNMENT = "sg-alignment";
  static final String TD_ERROR = "td-error";
  static final String UPDATE_ALIGNMENT = "update-alignment";
  static final String READOUT = "readout";

  private Diagnostics() {
  }

  /** Records the alignments of a batch, if asked for. */
  static void recordAlignment(TrainingContext context, LockstepBatch run, double[][][] g, double sgWeight) {
    if (!context.records(ALIGNMENT) && !context.records(SG_ALIGNMENT)) {
      return;
    }
    int steps = run.length();
    int batch = run.size();
    double signal = 0;
    double synthetic = 0;
    for (int b = 0; b < batch; b++) {
      double[][] c = run.immediateOf(b);
      double[][] gOfB = LockstepBatch.ofExample(g, b);
      double[][] future = LambdaTargets.of(c, gOfB, run.jacobiansOf(b), 1, 1);
      for (int t = 0; t < steps - 1; t++) {
        signal += cosine(c[t], sgWeight, gOfB[t], c[t], 1, future[t]);
        synthetic += cosine(null, 1, gOfB[t], null, 1, future[t]);
      }
    }
    int count = batch * Math.max(steps - 1, 1);
    context.record(ALIGNMENT, signal / count);
    context.record(SG_ALIGNMENT, synthetic / count);
  }

  /**
   * Records {@code update-alignment}, if asked for.
   *
   * @param update the batch's summed cortex gradient, before it is applied
   */
  static void recordUpdateAlignment(TrainingContext context, LockstepBatch run, ParameterSet params,
      ParameterSet update) {
    if (!context.records(UPDATE_ALIGNMENT)) {
      return;
    }
    int steps = run.length();
    int n = run.states(0)[0].length;
    double[][][] signal = new double[steps][run.size()][];
    for (int b = 0; b < run.size(); b++) {
      double[][] c = run.immediateOf(b);
      double[][] future = LambdaTargets.of(c, new double[steps][n], run.jacobiansOf(b), 1, 1);
      for (int t = 0; t < steps; t++) {
        signal[t][b] = future[t];
        for (int i = 0; i < n; i++) {
          signal[t][b][i] += c[t][i];
        }
      }
    }
    ParameterSet bptt = params.zerosLike();
    for (int t = 0; t < steps; t++) {
      run.accumulateCortex(t, params, signal[t], bptt);
    }
    double dot = 0;
    double left = 0;
    double right = 0;
    for (Tensor tensor : update.tensors()) {
      if (tensor.group().equals(READOUT)) {
        continue;
      }
      double[] u = tensor.data();
      double[] v = bptt.get(tensor.name()).data();
      for (int i = 0; i < u.length; i++) {
        dot += u[i] * v[i];
        left += u[i] * u[i];
        right += v[i] * v[i];
      }
    }
    context.record(UPDATE_ALIGNMENT, left == 0 || right == 0 ? 0 : dot / Math.sqrt(left * right));
  }

  /** The cosine between {@code a + sa * x} and {@code b + sb * y}; a null base counts as zero. */
  private static double cosine(double[] a, double sa, double[] x, double[] b, double sb, double[] y) {
    double dot = 0;
    double left = 0;
    double right = 0;
    for (int i = 0; i < x.length; i++) {
      double u = (a == null ? 0 : a[i]) + sa * x[i];
      double v = (b == null ? 0 : b[i]) + sb * y[i];
      dot += u * v;
      left += u * u;
      right += v * v;
    }
    return left == 0 || right == 0 ? 0 : dot / Math.sqrt(left * right);
  }

  /** The cortex's learning signal {@code c_t + s g_t} of every example into {@code out}. */
  static void learningSignal(double[][] c, double[][] g, double sgWeight, double[][] out) {
    for (int b = 0; b < c.length; b++) {
      for (int i = 0; i < c[b].length; i++) {
        out[b][i] = c[b][i] + sgWeight * g[b][i];
      }
    }
  }
}
