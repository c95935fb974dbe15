package org.ccsim.plugins.synthetic.bplambda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;
import org.ccsim.plugins.synthetic.StateJacobian;
import org.ccsim.plugins.synthetic.TrainedVector;

/**
 * The history form of accumulate BP(lambda): the same update as {@link EligibilityTrace}, computed
 * from the episode's record instead of a carried trace. Unrolling the trace gives
 * <pre>  delta e_{t-1} = sum_{s <= t-1} (gamma lambda)^{t-1-s} (delta J_{t-1} ... J_{s+1}) dg_s/dtheta</pre>
 * so, keeping every step's {@code h_s} and dense {@code J_s}, the vectors
 * {@code v_s = delta J_{t-1} ... J_{s+1}} follow from one vector-Jacobian product each, and each
 * term is the synthesiser's parameter gradient of {@code v_s . g(h_s)}. That is exact only when
 * {@code dg/dtheta} does not depend on theta ({@link JacobianSynthesiser#linearInTrainedWeights}: the
 * linear synthesiser, a cerebellum whose Purkinje layer alone learns), since theta may have moved
 * since step s. Cost per step and example: {@code t (2 n^2 + cost of one parameter gradient)},
 * against {@code 2 n^2 P} for the trace; memory grows with the episode, {@code t (n^2 + n)}.
 *
 * <p>It gives the trace form's numbers (to rounding) but is not the mechanism the theory models:
 * it looks back over the episode, which the online trace exists to avoid. With {@code tolerance}
 * above 0 the sum stops at the first term whose weight {@code (gamma lambda)^{t-1-s}} falls below
 * it, which is then no longer exact.
 */
public final class EligibilityHistory implements Eligibility {

  private final JacobianSynthesiser synthesiser;
  private final ParameterSet theta;
  private final Compute compute;
  private final double decay;
  private final double tolerance;
  private final int n;
  private final int[] steps;
  private final double[][][] states;
  private final double[][][] jacobians;
  private final double[][] v;
  private final double[][] next;
  private final ParameterSet[] gradients;
  private final List<List<Tensor>> trainedGradients;

  /**
   * @param decay gamma lambda
   * @param tolerance the smallest term weight summed; 0 sums every term
   */
  EligibilityHistory(JacobianSynthesiser synthesiser, ParameterSet theta, Compute compute, int batch, double decay,
      double tolerance) {
    if (!synthesiser.linearInTrainedWeights()) {
      throw new IllegalArgumentException("the history form needs a synthesiser linear in its trained weights");
    }
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.compute = compute;
    this.decay = decay;
    this.tolerance = tolerance;
    this.n = synthesiser.size();
    this.steps = new int[batch];
    this.states = new double[batch][0][];
    this.jacobians = new double[batch][0][];
    this.v = new double[batch][n];
    this.next = new double[batch][n];
    this.gradients = new ParameterSet[batch];
    this.trainedGradients = new ArrayList<>();
    for (int b = 0; b < batch; b++) {
      gradients[b] = theta.zerosLike();
      trainedGradients.add(TrainedVector.trained(gradients[b]));
    }
  }

  /** The steps an example's record has room for once it holds {@code steps}: 8, doubled as needed. */
  static int capacity(int steps) {
    int capacity = 8;
    while (capacity < steps) {
      capacity = capacity > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * capacity;
    }
    return capacity;
  }

  @Override
  public void reset() {
    Arrays.fill(steps, 0);
  }

  @Override
  public void advance(int b, double[] h, StateJacobian jacobian) {
    int s = steps[b];
    if (s == states[b].length) {
      int capacity = capacity(s + 1);
      states[b] = Arrays.copyOf(states[b], capacity);
      jacobians[b] = Arrays.copyOf(jacobians[b], capacity);
      for (int i = s; i < capacity; i++) {
        states[b][i] = new double[n];
        jacobians[b][i] = new double[n * n];
      }
    }
    System.arraycopy(h, 0, states[b][s], 0, n);
    jacobian.dense(jacobians[b][s]);
    steps[b] = s + 1;
  }

  @Override
  public void contract(int b, double[] delta, double scale, double[] update) {
    double[] vs = v[b];
    ParameterSet gradient = gradients[b];
    gradient.clear();
    for (int i = 0; i < n; i++) {
      vs[i] = scale * delta[i];
    }
    double weight = 1;
    for (int s = steps[b] - 1; ; s--) {
      synthesiser.accumulateParameterGradient(theta, states[b][s], vs, gradient);
      weight *= decay;
      if (s == 0 || weight == 0 || weight < tolerance) {
        break;
      }
      // v_{s-1} = gamma lambda v_s J_s
      compute.gemv(true, n, n, decay, jacobians[b][s], 0, n, vs, 0, 0.0, next[b], 0);
      System.arraycopy(next[b], 0, vs, 0, n);
    }
    int offset = 0;
    List<Tensor> tensors = trainedGradients.get(b);
    for (int k = 0; k < tensors.size(); k++) {
      double[] data = tensors.get(k).data();
      for (int i = 0; i < data.length; i++) {
        update[offset + i] += data[i];
      }
      offset += data.length;
    }
  }
}
