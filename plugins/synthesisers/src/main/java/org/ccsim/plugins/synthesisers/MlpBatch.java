package org.ccsim.plugins.synthesisers;

import org.ccsim.api.ParameterSet;
import org.ccsim.api.SynthesiserBatch;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;

/**
 * {@link MlpSynthesiser} on B states at once, each layer one matrix product over the batch (rows
 * are examples, row-major): forward {@code Z_l = relu(Z_{l-1} W_l^T + 1 b_l^T)} with {@code Z_0 = H},
 * {@code G = Z_L W_o^T + 1 b_o^T}; backward from the rows {@code V}:
 * {@code dW_o += V^T Z_L}, {@code D_L = (V W_o) * [Z_L > 0]}, {@code dW_l += D_l^T Z_{l-1}},
 * {@code D_{l-1} = (D_l W_l) * [Z_{l-1} > 0]}, biases the column sums. Its buffers are allocated once,
 * so a rule that trains batch after batch allocates nothing here; the gradient reuses the activations
 * of the last prediction.
 */
final class MlpBatch implements SynthesiserBatch {

  private final int size;
  private final int n;
  private final int width;
  private final int layers;
  private final boolean trainOutputOnly;
  private final Compute compute;
  /** {@code Z_0 = H} (B x n) and {@code Z_1..Z_L} (B x width). */
  private final double[][] z;
  private final double[] rows;
  private final double[] delta;
  private final double[] previousDelta;

  MlpBatch(int size, int n, int width, int layers, boolean trainOutputOnly, Compute compute) {
    this.size = size;
    this.n = n;
    this.width = width;
    this.layers = layers;
    this.trainOutputOnly = trainOutputOnly;
    this.compute = compute;
    z = new double[layers + 1][];
    z[0] = new double[size * n];
    for (int l = 1; l <= layers; l++) {
      z[l] = new double[size * width];
    }
    rows = new double[size * n];
    delta = new double[size * width];
    previousDelta = new double[size * width];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void predict(ParameterSet theta, double[][] h, double[][] g) {
    forward(theta, h);
    affine(theta.get("W_o"), theta.get("b_o"), z[layers], rows);
    unpack(rows, g);
  }

  @Override
  public void accumulateParameterGradient(ParameterSet theta, double[][] v, ParameterSet grad) {
    pack(v, rows);
    addWeightGradient(grad.get("W_o"), grad.get("b_o"), rows, z[layers]);
    if (trainOutputOnly) {
      return;
    }
    Tensor wOut = theta.get("W_o");
    compute.gemm(false, false, size, width, n, 1.0, rows, 0, n, wOut.data(), 0, width, 0.0, delta, 0, width);
    double[] current = delta;
    double[] next = previousDelta;
    for (int l = layers; l >= 1; l--) {
      mask(current, z[l]);
      addWeightGradient(grad.get(MlpSynthesiser.weight(l)), grad.get(MlpSynthesiser.bias(l)), current, z[l - 1]);
      if (l > 1) {
        compute.gemm(false, false, size, width, width, 1.0, current, 0, width, theta.get(MlpSynthesiser.weight(l)).data(),
            0, width, 0.0, next, 0, width);
        double[] swap = current;
        current = next;
        next = swap;
      }
    }
  }

  /** The fraction of the hidden units, over every layer and example, that the forward pass at {@code h} leaves positive. */
  @Override
  public double activeFraction(ParameterSet theta, double[][] h) {
    forward(theta, h);
    long active = 0;
    for (int l = 1; l <= layers; l++) {
      for (double unit : z[l]) {
        if (unit > 0) {
          active++;
        }
      }
    }
    return (double) active / ((long) size * layers * width);
  }

  /** {@code Z_0 = H}, then every hidden layer. */
  private void forward(ParameterSet theta, double[][] h) {
    pack(h, z[0]);
    for (int l = 1; l <= layers; l++) {
      double[] out = z[l];
      affine(theta.get(MlpSynthesiser.weight(l)), theta.get(MlpSynthesiser.bias(l)), z[l - 1], out);
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.max(0, out[i]);
      }
    }
  }

  /** {@code out = in W^T + 1 b^T}, in B x cols(W), out B x rows(W). */
  private void affine(Tensor w, Tensor b, double[] in, double[] out) {
    int outputs = w.rows();
    for (int e = 0; e < size; e++) {
      System.arraycopy(b.data(), 0, out, e * outputs, outputs);
    }
    compute.gemm(false, true, size, outputs, w.cols(), 1.0, in, 0, w.cols(), w.data(), 0, w.cols(), 1.0, out, 0, outputs);
  }

  /** {@code dW += D^T in}, {@code db +=} the column sums of D (B x rows(W)). */
  private void addWeightGradient(Tensor dw, Tensor db, double[] d, double[] in) {
    int outputs = dw.rows();
    compute.gemm(true, false, outputs, dw.cols(), size, 1.0, d, 0, outputs, in, 0, dw.cols(), 1.0, dw.data(), 0, dw.cols());
    double[] bias = db.data();
    for (int e = 0; e < size; e++) {
      for (int i = 0; i < outputs; i++) {
        bias[i] += d[e * outputs + i];
      }
    }
  }

  /** relu'(pre) = 1 where the layer's output is positive. */
  private static void mask(double[] d, double[] activation) {
    for (int i = 0; i < d.length; i++) {
      if (activation[i] <= 0) {
        d[i] = 0;
      }
    }
  }

  private void pack(double[][] perExample, double[] into) {
    for (int e = 0; e < size; e++) {
      System.arraycopy(perExample[e], 0, into, e * n, n);
    }
  }

  private void unpack(double[] from, double[][] perExample) {
    for (int e = 0; e < size; e++) {
      System.arraycopy(from, e * n, perExample[e], 0, n);
    }
  }
}
