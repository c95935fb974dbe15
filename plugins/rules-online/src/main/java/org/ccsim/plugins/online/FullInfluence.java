package org.ccsim.plugins.online;

import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.compute.Compute;

/**
 * Real-time recurrent learning (Williams &amp; Zipser 1989; ALGORITHMS §8): the exact influence matrix,
 * {@code M_t = J_t M_{t-1} + I_t}, and the estimate {@code c_t M_t}. With frozen weights the sum over
 * an episode is BPTT's gradient (ALGORITHMS §6 identity 7). Each example keeps {@code M_t^T}
 * (|Psi| x n, row-major), so that the product {@code M_{t-1}^T J_t^T} ({@code 2 n^2 |Psi|} flops) has
 * the shape of the BP(lambda) trace update, tall and narrow, and runs through the scenario's
 * {@link Compute}, as does the estimate's {@code M_t^T c_t^T}. {@code I_t} is added on its
 * {@link ImmediatePattern} only ({@code O(|Psi|)} a step on the tanh RNN and the LSTM), into the
 * buffer the product was written to, which then becomes {@code M_t^T}.
 */
final class FullInfluence implements Influence {

  private final Network network;
  private final Compute compute;
  private final ImmediatePattern pattern;
  private final int n;
  private final int size;
  private final double[] immediate;
  private final double[] jacobian;
  private double[] next;
  private double[][] influence = new double[0][];

  FullInfluence(Network network, Compute compute, ImmediatePattern pattern) {
    this.network = network;
    this.compute = compute;
    this.pattern = pattern;
    this.n = network.hiddenSize();
    this.size = pattern.parameters();
    this.immediate = new double[pattern.entries()];
    this.jacobian = new double[n * n];
    this.next = new double[n * size];
  }

  /**
   * The doubles this rule holds for a batch of {@code examples}, with its work space, when {@code I_t}
   * has {@code entries} entries on its pattern.
   */
  static double memory(int examples, int n, int size, int entries) {
    return (examples + 1.0) * n * size + (double) n * n + entries;
  }

  @Override
  public void start(int examples, ParameterSet params) {
    influence = Buffers.zeroed(influence, examples, n * size);
  }

  @Override
  public void advance(int b, ParameterSet params, Step step) {
    network.stateJacobian(params, step, jacobian);
    compute.gemm(false, true, size, n, n, 1.0, influence[b], 0, n, jacobian, 0, n, 0.0, next, 0, n);
    pattern.write(params, step, immediate);
    for (int p = 0; p < size; p++) {
      for (int e = pattern.start(p); e < pattern.start(p + 1); e++) {
        next[p * n + pattern.row(e)] += immediate[e];
      }
    }
    double[] previous = influence[b];
    influence[b] = next;
    next = previous;
  }

  @Override
  public void addEstimate(int b, double[] c, double[] dLdy, double[] flat) {
    compute.gemv(false, size, n, 1.0, influence[b], 0, n, c, 0, 1.0, flat, 0);
  }
}
