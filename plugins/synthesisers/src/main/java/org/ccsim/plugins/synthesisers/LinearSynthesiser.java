package org.ccsim.plugins.synthesisers;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;

/**
 * The linear synthesiser {@code g(h) = W_s h + b_s}, zero at the start. It is linear in its trained
 * weights, {@code dg/dtheta = I (x) [h; 1]^T}, so its Jacobian touches only the diagonal blocks of a
 * trace: {@code dg_i/dW_s[a, j] = delta_ia h_j}, {@code dg_i/db_s[a] = delta_ia}. Its products run
 * on the scenario's {@link Compute}.
 */
public final class LinearSynthesiser implements JacobianSynthesiser {

  private final int n;
  private final Compute compute;

  public LinearSynthesiser(int n, Compute compute) {
    this.n = n;
    this.compute = compute;
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public ParameterSet initialParameters(RandomGenerator random) {
    return new ParameterSet(List.of(Tensor.zeros("W_s", TRAINED, n, n), Tensor.zeros("b_s", TRAINED, n, 1)));
  }

  @Override
  public void predict(ParameterSet theta, double[] h, double[] g) {
    System.arraycopy(theta.get("b_s").data(), 0, g, 0, n);
    compute.gemv(false, n, n, 1.0, theta.get("W_s").data(), 0, n, h, 0, 1.0, g, 0);
  }

  @Override
  public void accumulateParameterGradient(ParameterSet theta, double[] h, double[] v, ParameterSet grad) {
    double[] gb = grad.get("b_s").data();
    for (int i = 0; i < n; i++) {
      gb[i] += v[i];
    }
    compute.ger(n, n, 1.0, v, 0, h, 0, grad.get("W_s").data(), 0, n);
  }

  @Override
  public boolean linearInTrainedWeights() {
    return true;
  }

  /** m = n: the trained layer reads h itself. */
  @Override
  public int readoutInputs() {
    return n;
  }

  @Override
  public void readoutInput(ParameterSet theta, double[] h, double[] z) {
    System.arraycopy(h, 0, z, 0, n);
  }

  @Override
  public void addParameterJacobian(ParameterSet theta, double[] h, double[] traceT) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        traceT[(i * n + j) * n + i] += h[j];
      }
      traceT[(n * n + i) * n + i] += 1;
    }
  }
}
