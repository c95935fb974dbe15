package org.ccsim.plugins.online;

import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.compute.Compute;

/**
 * Real-time recurrent learning (Williams &amp; Zipser 1989; ALGORITHMS §8): the exact influence matrix,
 * {@code M_t = J_t M_{t-1} + I_t}, and the estimate {@code c_t M_t}. With frozen weights the sum over
 * an episode is BPTT's gradient (ALGORITHMS §6 identity 7). The product {@code J_t M_{t-1}} (n x n
 * times n x |Psi|, {@code 2 n^2 |Psi|} flops) has the shape of the BP(lambda) trace update and runs
 * through the scenario's {@link Compute}, as does the estimate's {@code M_t^T c_t^T}.
 */
final class FullInfluence implements Influence {

  private final Network network;
  private final Compute compute;
  private final ImmediateJacobian immediate;
  private final int n;
  private final int size;
  private final double[] product;
  private final double[] jacobian;
  private double[][] influence = new double[0][];

  FullInfluence(Network network, Compute compute, ParameterLayout layout, ParameterSet shapes) {
    this.network = network;
    this.compute = compute;
    this.immediate = new ImmediateJacobian(network, layout, shapes);
    this.n = network.hiddenSize();
    this.size = layout.size();
    this.product = new double[n * size];
    this.jacobian = new double[n * n];
  }

  /** The doubles this rule holds for a batch of {@code examples}, with its work space. */
  static double memory(int examples, int n, int size) {
    return (examples + 1.0) * n * size + (double) n * n;
  }

  @Override
  public void start(int examples, ParameterSet params) {
    influence = Buffers.zeroed(influence, examples, n * size);
  }

  @Override
  public void advance(int b, ParameterSet params, Step step) {
    double[] m = influence[b];
    network.stateJacobian(params, step, jacobian);
    compute.gemm(false, false, n, size, n, 1.0, jacobian, 0, n, m, 0, size, 0.0, product, 0, size);
    immediate.write(params, step, m);
    for (int i = 0; i < product.length; i++) {
      m[i] += product[i];
    }
  }

  @Override
  public void addEstimate(int b, double[] c, double[] dLdy, double[] flat) {
    compute.gemv(true, n, size, 1.0, influence[b], 0, size, c, 0, 1.0, flat, 0);
  }
}
