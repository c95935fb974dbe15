package org.ccsim.plugins.synthetic.bplambda;

import java.util.Arrays;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.compute.Compute;
import org.ccsim.plugins.synthetic.StateJacobian;
import org.ccsim.plugins.synthetic.TrainedVector;

/**
 * The trace form of accumulate BP(lambda) (ALGORITHMS §3b), the online mechanism the theory
 * models: each example keeps {@code e_t} (n x P), stored transposed (P x n, row-major) in a
 * preallocated flat array, and a step is
 * <pre>  e_t^T = e_{t-1}^T (gamma lambda J_t)^T,   then   e_t += dg_t/dtheta</pre>
 * The first part is one matrix product of the P x n trace with the n x n Jacobian per example
 * ({@code J_t = diag(phi'(a_t)) W_rec} for a tanh cortex: the row scaling is folded into the small
 * factor instead of being a second pass over the trace), through the scenario's {@link Compute};
 * the synthesiser then adds its Jacobian, which for synthesisers linear in their weights touches
 * diagonal blocks only. Cost: {@code 2 n^2 P} flops per step and example; memory {@code 2 n P}
 * values per example (the product cannot run in place).
 *
 * <p>Public, like {@link StateJacobian}, only so that the JMH benchmark of the trace update can
 * call it; rules reach it through {@link TraceForm}.
 */
public final class EligibilityTrace implements Eligibility {

  private final JacobianSynthesiser synthesiser;
  private final ParameterSet theta;
  private final Compute compute;
  private final double decay;
  private final int n;
  private final int size;
  private final double[][] traces;
  private final double[][] spare;
  private final double[][] jacobians;

  /**
   * @param theta the synthesiser's parameters (the Jacobian may depend on them)
   * @param decay gamma lambda
   */
  public EligibilityTrace(JacobianSynthesiser synthesiser, ParameterSet theta, Compute compute, int batch, double decay) {
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.compute = compute;
    this.decay = decay;
    this.n = synthesiser.size();
    this.size = TrainedVector.size(theta);
    this.traces = new double[batch][size * n];
    this.spare = new double[batch][size * n];
    this.jacobians = new double[batch][n * n];
  }

  @Override
  public void reset() {
    for (double[] trace : traces) {
      Arrays.fill(trace, 0.0);
    }
  }

  @Override
  public void advance(int b, double[] h, StateJacobian jacobian) {
    if (decay == 0) {
      Arrays.fill(traces[b], 0.0);
    } else {
      jacobian.dense(jacobians[b]);
      compute.gemm(false, true, size, n, n, decay, traces[b], 0, n, jacobians[b], 0, n, 0.0, spare[b], 0, n);
      double[] decayed = spare[b];
      spare[b] = traces[b];
      traces[b] = decayed;
    }
    synthesiser.addParameterJacobian(theta, h, traces[b]);
  }

  @Override
  public void contract(int b, double[] delta, double scale, double[] update) {
    compute.gemv(false, size, n, scale, traces[b], 0, n, delta, 0, 1.0, update, 0);
  }

  /** The trace {@code e_t} of example b, transposed (P x n), after the latest {@link #advance}. */
  public double[] transposed(int b) {
    return traces[b];
  }
}
