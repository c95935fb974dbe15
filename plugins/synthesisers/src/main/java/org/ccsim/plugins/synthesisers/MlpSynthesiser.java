package org.ccsim.plugins.synthesisers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.SynthesiserBatch;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;

/**
 * A multilayer-perceptron synthesiser (Jaderberg et al. 2017): L hidden layers of ReLU units,
 * {@code z_0 = h}, {@code z_l = relu(W_l z_{l-1} + b_l)}, and a linear output layer
 * {@code g = W_o z_L + b_o}. The output layer starts at zero, so g = 0 at the start. Hidden layers
 * are drawn He-normal, {@code N(0, 2 / fan-in)} with biases 0, or as PyTorch's {@code nn.Linear},
 * weights and biases {@code U(-1/sqrt(fan-in), 1/sqrt(fan-in))} (ccDNI's synthesiser, Boven et al.
 * 2023); {@code zeroInputLayer} then sets {@code W_1 = 0} at the start, as ccDNI's line-drawing
 * script does with its default {@code --nfibres -1}.
 *
 * <p>Derivatives by backpropagation: for a row vector v,
 * {@code d(v g)/dW_o = v^T z_L^T}, {@code d(v g)/db_o = v}, and with
 * {@code delta_L = (W_o^T v) * relu'(W_L z_{L-1} + b_L)},
 * {@code delta_{l-1} = (W_l^T delta_l) * relu'(...)}: {@code d(v g)/dW_l = delta_l z_{l-1}^T},
 * {@code d(v g)/db_l = delta_l}. The Jacobian {@code dg/dtheta} takes one backward pass per output
 * unit for the hidden layers; its output-layer part touches only diagonal blocks of the trace.
 *
 * <p>With {@code trainOutputOnly} the hidden layers are in the group {@link #FIXED} (a fixed random
 * feature map) and only {@code W_o, b_o} are trained. Products run on the scenario's {@link Compute};
 * a {@link #newBatch batch} does each layer of all its examples as one matrix product ({@link MlpBatch}).
 */
public final class MlpSynthesiser implements JacobianSynthesiser {

  /** The group of hidden layers that stay as initialised. */
  static final String FIXED = "synthesiser-fixed";

  /**
   * How the hidden layers start.
   *
   * @param pytorch PyTorch's {@code nn.Linear} default rather than He-normal with zero biases
   * @param zeroInputLayer {@code W_1 = 0} at the start
   */
  public record Init(boolean pytorch, boolean zeroInputLayer) {
    /** He-normal hidden weights, zero biases. */
    public static final Init HE = new Init(false, false);
  }

  private final int n;
  private final int width;
  private final int layers;
  private final boolean trainOutputOnly;
  private final Init init;
  private final Compute compute;

  public MlpSynthesiser(int n, int width, int layers, boolean trainOutputOnly, Init init, Compute compute) {
    this.n = n;
    this.width = width;
    this.layers = layers;
    this.trainOutputOnly = trainOutputOnly;
    this.init = init;
    this.compute = compute;
  }

  @Override
  public int size() {
    return n;
  }

  /** With only the output layer trained, {@code dg/dtheta = I (x) [z_L; 1]^T} does not depend on theta. */
  @Override
  public boolean linearInTrainedWeights() {
    return trainOutputOnly;
  }

  /** With only the output layer trained: m = the width of the last hidden layer. */
  @Override
  public int readoutInputs() {
    requireLinear();
    return width;
  }

  /** With only the output layer trained: the last hidden layer's activations {@code z_L}. */
  @Override
  public void readoutInput(ParameterSet theta, double[] h, double[] z) {
    requireLinear();
    System.arraycopy(forward(theta, h)[layers], 0, z, 0, width);
  }

  private void requireLinear() {
    if (!trainOutputOnly) {
      throw new UnsupportedOperationException("an mlp whose hidden layers learn is not linear in its trained weights");
    }
  }

  @Override
  public ParameterSet initialParameters(RandomGenerator random) {
    String hiddenGroup = trainOutputOnly ? FIXED : TRAINED;
    List<Tensor> tensors = new ArrayList<>();
    for (int l = 1; l <= layers; l++) {
      int fanIn = l == 1 ? n : width;
      double bound = 1 / Math.sqrt(fanIn);
      Tensor w = init.pytorch() ? Tensor.uniform(weight(l), hiddenGroup, width, fanIn, bound, random)
          : heNormal(weight(l), hiddenGroup, width, fanIn, random);
      if (l == 1 && init.zeroInputLayer()) {
        Arrays.fill(w.data(), 0);
      }
      tensors.add(w);
      tensors.add(init.pytorch() ? Tensor.uniform(bias(l), hiddenGroup, width, 1, bound, random)
          : Tensor.zeros(bias(l), hiddenGroup, width, 1));
    }
    tensors.add(Tensor.zeros("W_o", TRAINED, n, width));
    tensors.add(Tensor.zeros("b_o", TRAINED, n, 1));
    return new ParameterSet(tensors);
  }

  private static Tensor heNormal(String name, String group, int rows, int fanIn, RandomGenerator random) {
    Tensor w = Tensor.zeros(name, group, rows, fanIn);
    double sd = Math.sqrt(2.0 / fanIn);
    double[] data = w.data();
    for (int i = 0; i < data.length; i++) {
      data[i] = sd * random.nextGaussian();
    }
    return w;
  }

  @Override
  public SynthesiserBatch newBatch(int size) {
    return new MlpBatch(size, n, width, layers, trainOutputOnly, compute);
  }

  @Override
  public void predict(ParameterSet theta, double[] h, double[] g) {
    double[][] z = forward(theta, h);
    affine(theta.get("W_o"), theta.get("b_o"), z[layers], g);
  }

  @Override
  public void accumulateParameterGradient(ParameterSet theta, double[] h, double[] v, ParameterSet grad) {
    double[][] z = forward(theta, h);
    addOuter(grad.get("W_o").data(), v, z[layers]);
    addTo(grad.get("b_o").data(), v);
    if (!trainOutputOnly) {
      backward(theta, z, v, (l, delta) -> {
        addOuter(grad.get(weight(l)).data(), delta, z[l - 1]);
        addTo(grad.get(bias(l)).data(), delta);
      });
    }
  }

  @Override
  public void addParameterJacobian(ParameterSet theta, double[] h, double[] traceT) {
    double[][] z = forward(theta, h);
    int weights = offset(theta, "W_o");
    int biases = offset(theta, "b_o");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        traceT[(weights + i * width + j) * n + i] += z[layers][j];
      }
      traceT[(biases + i) * n + i] += 1;
    }
    if (trainOutputOnly) {
      return;
    }
    double[] unit = new double[n];
    for (int i = 0; i < n; i++) {
      int output = i;
      unit[i] = 1;
      backward(theta, z, unit, (l, delta) -> {
        int w = offset(theta, weight(l));
        int b = offset(theta, bias(l));
        double[] input = z[l - 1];
        for (int a = 0; a < delta.length; a++) {
          for (int j = 0; j < input.length; j++) {
            traceT[(w + a * input.length + j) * n + output] += delta[a] * input[j];
          }
          traceT[(b + a) * n + output] += delta[a];
        }
      });
      unit[i] = 0;
    }
  }

  /** The fraction of hidden ReLU units, over all L layers, that are active at h. */
  @Override
  public double activeFraction(ParameterSet theta, double[] h) {
    double[][] z = forward(theta, h);
    int active = 0;
    for (int l = 1; l <= layers; l++) {
      for (double unit : z[l]) {
        if (unit > 0) {
          active++;
        }
      }
    }
    return (double) active / (layers * width);
  }

  /** The activations {@code z_0 = h, z_1, ..., z_L}. */
  private double[][] forward(ParameterSet theta, double[] h) {
    double[][] z = new double[layers + 1][];
    z[0] = h;
    for (int l = 1; l <= layers; l++) {
      z[l] = new double[width];
      affine(theta.get(weight(l)), theta.get(bias(l)), z[l - 1], z[l]);
      for (int a = 0; a < width; a++) {
        z[l][a] = Math.max(0, z[l][a]);
      }
    }
    return z;
  }

  /** What {@link #backward} hands each hidden layer l: {@code delta_l = d(v g)/d(W_l z_{l-1} + b_l)}. */
  private interface LayerDelta {
    void accept(int layer, double[] delta);
  }

  /** Backpropagates v from the output through the hidden layers L..1; relu'(pre) = 1 where z > 0. */
  private void backward(ParameterSet theta, double[][] z, double[] v, LayerDelta sink) {
    double[] delta = transposedTimes(theta.get("W_o"), v);
    for (int l = layers; l >= 1; l--) {
      for (int a = 0; a < width; a++) {
        if (z[l][a] <= 0) {
          delta[a] = 0;
        }
      }
      sink.accept(l, delta);
      if (l > 1) {
        delta = transposedTimes(theta.get(weight(l)), delta);
      }
    }
  }

  /** {@code out = W x + b}. */
  private void affine(Tensor w, Tensor b, double[] x, double[] out) {
    System.arraycopy(b.data(), 0, out, 0, w.rows());
    compute.gemv(false, w.rows(), w.cols(), 1.0, w.data(), 0, w.cols(), x, 0, 1.0, out, 0);
  }

  /** {@code W^T u}. */
  private double[] transposedTimes(Tensor w, double[] u) {
    double[] out = new double[w.cols()];
    compute.gemv(true, w.rows(), w.cols(), 1.0, w.data(), 0, w.cols(), u, 0, 0.0, out, 0);
    return out;
  }

  /** {@code target += u x^T}, target rows x cols row-major. */
  private void addOuter(double[] target, double[] u, double[] x) {
    compute.ger(u.length, x.length, 1.0, u, 0, x, 0, target, 0, x.length);
  }

  private static void addTo(double[] target, double[] u) {
    for (int i = 0; i < u.length; i++) {
      target[i] += u[i];
    }
  }

  /** Where the trained tensor {@code name} starts in the flat trained vector. */
  private static int offset(ParameterSet theta, String name) {
    int offset = 0;
    for (Tensor t : theta.group(TRAINED)) {
      if (t.name().equals(name)) {
        return offset;
      }
      offset += t.data().length;
    }
    throw new IllegalArgumentException(name + " is not trained");
  }

  static String weight(int layer) {
    return "W_" + layer;
  }

  static String bias(int layer) {
    return "b_" + layer;
  }
}
