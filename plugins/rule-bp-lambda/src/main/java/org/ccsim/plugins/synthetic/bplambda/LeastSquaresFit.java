package org.ccsim.plugins.synthetic.bplambda;

import java.util.Arrays;
import java.util.List;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Stateful;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;
import org.ccsim.plugins.synthetic.StateJacobian;
import org.ccsim.plugins.synthetic.TrainedVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Least-squares BP(lambda) (docs/ALGORITHMS.md §9b): LSTD(lambda) (Boyan
 * 2002) carried over to the vector-valued TD error of accumulate BP(lambda). For a synthesiser
 * linear in its trained weights, {@code g_t = Z_t theta} with {@code Z_t = dg_t/dtheta} independent
 * of theta, so the summed update of the episodes seen is affine in theta:
 * <pre>  sum_t delta_t e_t = b - A theta
 *   A = sum_t e_t^T (Z_t - gamma J_{t+1}^T Z_{t+1}),   b = sum_t e_t^T J_{t+1}^T c_{t+1}^T</pre>
 * ({@code Z_{t+1} = 0} at the final step, where {@code g = 0}). The fit accumulates A and b over
 * every batch, first scaled by the memory beta (1: every episode since the start, as LSTD; below 1:
 * a cortex that changes is forgotten), and every k batches solves the proximal ridge system
 * <pre>  (A / w + eps I) theta* = b / w + eps theta</pre>
 * (w the episodes counted, decayed alike): at {@code theta*} the summed update is
 * {@code eps w (theta* - theta)}, zero at a fixed point. The step it hands the host is
 * {@code theta - theta*}, so that plain SGD with rate alpha moves theta the fraction alpha of the way.
 *
 * <p>Per step and example it costs one {@code P x n x n} product ({@code e_t J_{t+1}^T}) and, for the
 * batch, one product adding {@code 2 B P^2} to A; a solve is one LU factorisation of order
 * {@code P = n (m + 1)}. A is stored with rows in the trained values' order and columns in the order
 * {@code (i, j)} of {@code Theta = [W | b]} (i an output, j an input of {@code [z; 1]}), which makes the
 * batch's update of A one matrix product.
 */
final class LeastSquaresFit implements Stateful {

  private final JacobianSynthesiser synthesiser;
  private final ParameterSet theta;
  private final Compute compute;
  private final double gamma;
  private final double ridge;
  private final double memory;
  private final int solveEvery;
  private final int n;
  private final int m;
  private final int order;
  private final int size;
  private final double[] a;
  private final double[] b;
  private double weight;
  private long batches;
  private final DMatrixRMaj system;
  private final DMatrixRMaj rhs;
  private final DMatrixRMaj solution;
  private final LinearSolverDense<DMatrixRMaj> lu;
  private Buffers buffers;

  /**
   * @param synthesiser linear in its trained weights ({@link JacobianSynthesiser#readoutInputs})
   * @param gamma the discount of the bootstrapped term
   * @param ridge eps &gt; 0
   * @param memory beta in [0, 1]
   * @param solveEvery k, batches between solves
   */
  LeastSquaresFit(JacobianSynthesiser synthesiser, ParameterSet theta, Compute compute, double gamma, double ridge,
      double memory, int solveEvery) {
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.compute = compute;
    this.gamma = gamma;
    this.ridge = ridge;
    this.memory = memory;
    this.solveEvery = solveEvery;
    this.n = synthesiser.size();
    this.m = synthesiser.readoutInputs();
    this.order = m + 1;
    this.size = n * order;
    this.a = new double[size * size];
    this.b = new double[size];
    this.system = new DMatrixRMaj(size, size);
    this.rhs = new DMatrixRMaj(size, 1);
    this.solution = new DMatrixRMaj(size, 1);
    this.lu = LinearSolverFactory_DDRM.lu(size);
  }

  /**
   * The bytes the fit holds: A, the system and its factorisation (P x P each), and per example a
   * trace-sized stack of two, {@code J_t} and a copy of b.
   */
  static double bytes(int n, int m, int batch) {
    double p = (double) n * (m + 1);
    return Double.BYTES * (3 * p * p + 4 * p + batch * (2 * p * n + p + (double) n * n + n + 3 * (m + 1.0)));
  }

  /** Starts a batch of {@code examples} episodes: what was accumulated fades by the memory beta. */
  void startBatch(int examples) {
    if (buffers == null || buffers.examples != examples) {
      buffers = new Buffers(examples);
    }
    if (memory != 1) {
      for (int k = 0; k < a.length; k++) {
        a[k] *= memory;
      }
      for (int k = 0; k < b.length; k++) {
        b[k] *= memory;
      }
      weight *= memory;
    }
    weight += examples;
  }

  /** Takes in the state {@code h_t} of example e whose prediction the next step corrects. */
  void observe(int e, double[] h) {
    readoutInput(h, buffers.previous[e], 0, 1);
  }

  /**
   * Prepares example e's share of step t (called at t+1, before the trace advances; examples may run
   * in parallel): {@code e_t}, {@code e_t J_{t+1}^T}, {@code e_t^T J_{t+1}^T c_{t+1}^T} and the
   * inputs {@code [z_t; 1]} and {@code -gamma [z_{t+1}; 1]}.
   *
   * @param traceT {@code e_t} transposed (P x n), as {@link EligibilityTrace} keeps it
   * @param h {@code h_{t+1}}
   * @param c {@code c_{t+1}}
   * @param last whether t+1 is the final step ({@code g_{t+1} = 0})
   */
  void prepare(int e, double[] traceT, StateJacobian jacobian, double[] h, double[] c, boolean last) {
    Buffers s = buffers;
    int stride = size * n;
    System.arraycopy(traceT, 0, s.stack, e * stride, stride);
    jacobian.dense(s.jacobians[e]);
    compute.gemm(false, true, size, n, n, 1.0, traceT, 0, n, s.jacobians[e], 0, n, 0.0, s.stack,
        (s.examples + e) * stride, n);
    jacobian.vjp(c, s.pulled[e]);
    compute.gemv(false, size, n, 1.0, traceT, 0, n, s.pulled[e], 0, 0.0, s.targets[e], 0);
    System.arraycopy(s.previous[e], 0, s.inputs, e * order, order);
    int next = (s.examples + e) * order;
    if (last) {
      Arrays.fill(s.inputs, next, next + order, 0.0);
    } else {
      readoutInput(h, s.inputs, next, -gamma);
    }
  }

  /** Adds the prepared step of every example to A and b, in a fixed order. */
  void accumulate() {
    Buffers s = buffers;
    compute.gemm(true, false, size * n, order, 2 * s.examples, 1.0, s.stack, 0, size * n, s.inputs, 0, order, 1.0, a,
        0, order);
    for (double[] target : s.targets) {
      for (int q = 0; q < size; q++) {
        b[q] += target[q];
      }
    }
  }

  /**
   * Ends a batch: every k-th batch solves for {@code theta*} and writes {@code theta - theta*} into
   * {@code step} (the trained tensors, W then b); otherwise {@code step} is left as it is (zero) and
   * theta stays. A singular system gives non-finite steps, which the host reports as a divergence.
   */
  void endBatch(List<Tensor> step) {
    batches++;
    if (batches % solveEvery != 0) {
      return;
    }
    double[] w = TrainedVector.trained(theta).get(0).data();
    double[] bias = TrainedVector.trained(theta).get(1).data();
    for (int r = 0; r < size; r++) {
      int q = trainedIndex(r);
      int row = q * size;
      for (int col = 0; col < size; col++) {
        system.unsafe_set(r, col, a[row + col] / weight);
      }
      system.unsafe_set(r, r, system.unsafe_get(r, r) + ridge);
      rhs.unsafe_set(r, 0, b[q] / weight + ridge * (q < n * m ? w[q] : bias[q - n * m]));
    }
    lu.setA(system);
    lu.solve(rhs, solution);
    double[] stepW = step.get(0).data();
    double[] stepB = step.get(1).data();
    for (int r = 0; r < size; r++) {
      int q = trainedIndex(r);
      if (q < n * m) {
        stepW[q] = w[q] - solution.unsafe_get(r, 0);
      } else {
        stepB[q - n * m] = bias[q - n * m] - solution.unsafe_get(r, 0);
      }
    }
  }

  /** The position among the trained values (W row-major, then b) of entry r = i (m+1) + j of {@code Theta = [W | b]}. */
  private int trainedIndex(int r) {
    int i = r / order;
    int j = r % order;
    return j < m ? i * m + j : n * m + i;
  }

  /** Writes {@code scale [z(h); 1]} into {@code out} from {@code offset}. */
  private void readoutInput(double[] h, double[] out, int offset, double scale) {
    double[] z = buffers.features.get();
    synthesiser.readoutInput(theta, h, z);
    for (int j = 0; j < m; j++) {
      out[offset + j] = scale * z[j];
    }
    out[offset + m] = scale;
  }

  @Override
  public void saveState(Snapshot into) {
    into.putDoubles("A", a);
    into.putDoubles("b", b);
    into.putDoubles("weight", weight);
    into.putLongs("batches", batches);
  }

  @Override
  public void restoreState(Snapshot from) {
    from.copyInto("A", a);
    from.copyInto("b", b);
    weight = from.doubles("weight")[0];
    batches = from.longValue("batches");
  }

  /** What one step of a batch of {@code examples} is prepared in, kept from batch to batch. */
  private final class Buffers {
    final int examples;
    /** Rows 0..B-1: {@code e_t} of each example (P x n, flat); rows B..2B-1: {@code e_t J_{t+1}^T}. */
    final double[] stack;
    /** Rows 0..B-1: {@code [z_t; 1]}; rows B..2B-1: {@code -gamma [z_{t+1}; 1]}. */
    final double[] inputs;
    final double[][] previous;
    final double[][] jacobians;
    final double[][] pulled;
    final double[][] targets;
    final ThreadLocal<double[]> features = ThreadLocal.withInitial(() -> new double[m]);

    Buffers(int examples) {
      this.examples = examples;
      this.stack = new double[2 * examples * size * n];
      this.inputs = new double[2 * examples * order];
      this.previous = new double[examples][order];
      this.jacobians = new double[examples][n * n];
      this.pulled = new double[examples][n];
      this.targets = new double[examples][size];
    }
  }
}
