package org.ccsim.plugins.online;

import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.ReplayableRandom;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Step;

/**
 * Unbiased online recurrent optimisation (Tallec &amp; Ollivier 2018; ALGORITHMS §8): each example
 * carries a rank-one estimate {@code M_t ~ s_t theta_t} (n x 1 times 1 x |Psi|). Every step draws signs
 * {@code nu} uniformly from {@code {-1, +1}^n} and sets
 * {@code s_t = rho_0 J_t s_{t-1} + rho_1 nu} and {@code theta_t = theta_{t-1} / rho_0 + (nu^T I_t) / rho_1},
 * with {@code rho_0 = sqrt(||theta_{t-1}|| / ||J_t s_{t-1}||)} and
 * {@code rho_1 = sqrt(||nu^T I_t|| / ||nu||)}; the estimate is {@code (c_t s_t) theta_t}. Since
 * {@code E[nu nu^T] = I} and the cross terms are odd in {@code nu}, {@code E[s_t theta_t] = M_t} for any
 * positive rho (ALGORITHMS §6 identity 8); the rho balance the two factors' norms to keep the variance
 * low. A rho whose ratio is 0 or undefined (at the first step, where {@code s_0 = theta_0 = 0}, or when a
 * step has no immediate influence) is taken as 1, which keeps the estimate unbiased.
 *
 * <p>{@code J_t s} is the network's {@link Network#stateJvp} and {@code nu^T I_t} one
 * {@link Network#accumulateParameterGradient}: {@code O(n^2 + |Psi|)} per step, with no dense Jacobian.
 * The signs come from the rule's own {@link ReplayableRandom}, saved in checkpoints by its draw count.
 */
final class RankOneInfluence implements Influence {

  private static final String SIGN_DRAWS = "uoro-sign-draws";

  private final Network network;
  private final ParameterLayout layout;
  private final ReplayableRandom signs;
  private final int n;
  private final double[] nu;
  private final double[] forward;
  private final double[] projected;
  private final ParameterSet scratch;
  private double[][] state = new double[0][];
  private double[][] weights = new double[0][];

  RankOneInfluence(Network network, ParameterLayout layout, ParameterSet shapes, long seed) {
    this.network = network;
    this.layout = layout;
    this.signs = new ReplayableRandom(seed);
    this.n = network.hiddenSize();
    this.nu = new double[n];
    this.forward = new double[n];
    this.projected = new double[layout.size()];
    this.scratch = shapes.zerosLike();
  }

  /** The doubles this rule holds for a batch of {@code examples}, with its work space. */
  static double memory(int examples, int n, int size) {
    return (examples + 1.0) * (n + size) + n;
  }

  @Override
  public void start(int examples, ParameterSet params) {
    state = Buffers.zeroed(state, examples, n);
    weights = Buffers.zeroed(weights, examples, layout.size());
  }

  @Override
  public void advance(int b, ParameterSet params, Step step) {
    double[] s = state[b];
    double[] theta = weights[b];
    network.stateJvp(params, step, s, forward);
    drawSigns();
    scratch.clear();
    network.accumulateParameterGradient(params, step, nu, scratch);
    layout.flatten(scratch, projected, 0);
    double rho0 = balance(norm(theta), norm(forward));
    double rho1 = balance(norm(projected), Math.sqrt(n));
    for (int i = 0; i < n; i++) {
      s[i] = rho0 * forward[i] + rho1 * nu[i];
    }
    for (int p = 0; p < theta.length; p++) {
      theta[p] = theta[p] / rho0 + projected[p] / rho1;
    }
  }

  @Override
  public void addEstimate(int b, double[] c, double[] dLdy, double[] flat) {
    double[] s = state[b];
    double signal = 0;
    for (int i = 0; i < n; i++) {
      signal += c[i] * s[i];
    }
    double[] theta = weights[b];
    for (int p = 0; p < theta.length; p++) {
      flat[p] += signal * theta[p];
    }
  }

  /** Fills {@code nu} with independent fair signs, one bit of the stream each. */
  private void drawSigns() {
    long bits = 0;
    for (int i = 0; i < n; i++) {
      if (i % Long.SIZE == 0) {
        bits = signs.nextLong();
      }
      nu[i] = (bits & 1L) == 0 ? 1.0 : -1.0;
      bits >>>= 1;
    }
  }

  /** {@code sqrt(numerator / denominator)}, or 1 when that is 0 or undefined. */
  private static double balance(double numerator, double denominator) {
    double rho = Math.sqrt(numerator / denominator);
    return rho > 0 && Double.isFinite(rho) ? rho : 1.0;
  }

  private static double norm(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  @Override
  public void saveState(Snapshot into) {
    into.putLongs(SIGN_DRAWS, signs.draws());
  }

  @Override
  public void restoreState(Snapshot from) {
    signs.advanceTo(from.longValue(SIGN_DRAWS));
  }
}
