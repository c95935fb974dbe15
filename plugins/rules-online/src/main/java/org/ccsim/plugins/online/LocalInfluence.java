package org.ccsim.plugins.online;

import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;

/**
 * The influence matrix kept only on the pattern of the immediate Jacobian ({@link ImmediatePattern}):
 * for each parameter p, {@code M_t[R(p), p] = D_t[R(p), R(p)] M_{t-1}[R(p), p] + I_t[R(p), p]}, and the
 * estimate {@code sum_p L_t[R(p)] M_t[R(p), p]}. Two rules of ALGORITHMS §8 are this recursion:
 * <ul>
 *   <li>SnAp-1 (Menick et al., ICLR 2021): {@code D_t = J_t} on each parameter's rows, {@code L_t = c_t};
 *       exactly RTRL when {@code J_t} never leaves the pattern (a diagonal {@code W_rec}, identity 8);
 *   <li>e-prop (Bellec et al., Nat Commun 2020) and RFLO (Murray, eLife 2019): {@code D_t = (1 - alpha) I},
 *       the leak alone, so {@code M} is the local eligibility trace
 *       {@code p_t[i,j] = (1 - alpha) p_{t-1}[i,j] + alpha phi'(a_t)_i xh_{t,j}}, and {@code L_t} the error
 *       fed back through {@code W_out} (symmetric, where {@code L_t = c_t}) or a fixed random matrix; exactly
 *       RTRL when {@code W_rec = 0}.
 * </ul>
 * A step costs {@code O(|Psi|)} beyond what {@link Decay} and {@link LearningSignal} ask for.
 */
final class LocalInfluence implements Influence {

  /** {@code D_t}: how the kept entries of {@code M_{t-1}} carry into {@code M_t}. */
  interface Decay {
    /** Prepares {@code D_t} for {@code step}. */
    void prepare(ParameterSet params, Step step);

    /** {@code D_t[r, q]}, for rows r and q fed by one parameter. */
    double at(int r, int q);
  }

  /** {@code L_t}, the row vector that takes the place of {@code c_t} in the estimate. */
  interface LearningSignal {
    /** {@code L_t} given {@code c_t} and {@code dl_t/dy_t}; may return {@code c} itself. */
    double[] of(double[] c, double[] dLdy);
  }

  /** {@code L_t = c_t = (dl_t/dy_t) W_out}: the error fed back through the readout itself. */
  static final LearningSignal THROUGH_READOUT = (c, dLdy) -> c;

  /** SnAp-1's {@code D_t}: the network's own {@code J_t}, read on the rows each parameter feeds. */
  static Decay stateJacobian(Network network) {
    int n = network.hiddenSize();
    double[] jacobian = new double[n * n];
    return new Decay() {
      @Override
      public void prepare(ParameterSet params, Step step) {
        network.stateJacobian(params, step, jacobian);
      }

      @Override
      public double at(int r, int q) {
        return jacobian[r * n + q];
      }
    };
  }

  /** e-prop's {@code D_t}: a unit keeps {@code retention = 1 - alpha} of its own trace, with no synaptic path. */
  static Decay leak(double retention) {
    return new Decay() {
      @Override
      public void prepare(ParameterSet params, Step step) {
      }

      @Override
      public double at(int r, int q) {
        return r == q ? retention : 0.0;
      }
    };
  }

  private final ImmediatePattern pattern;
  private final Decay decay;
  private final LearningSignal signal;
  private final double[] immediate;
  private final double[] carried;
  private double[][] influence = new double[0][];

  LocalInfluence(ImmediatePattern pattern, Decay decay, LearningSignal signal) {
    this.pattern = pattern;
    this.decay = decay;
    this.signal = signal;
    this.immediate = new double[pattern.entries()];
    this.carried = new double[pattern.widestParameter()];
  }

  /** The doubles this rule holds for a batch of {@code examples} over {@code entries} kept entries. */
  static double memory(int examples, int entries) {
    return (examples + 1.0) * entries;
  }

  @Override
  public void start(int examples, ParameterSet params) {
    influence = Buffers.zeroed(influence, examples, pattern.entries());
  }

  @Override
  public void advance(int b, ParameterSet params, Step step) {
    double[] m = influence[b];
    decay.prepare(params, step);
    pattern.write(params, step, immediate);
    int parameters = pattern.parameters();
    for (int p = 0; p < parameters; p++) {
      int first = pattern.start(p);
      int end = pattern.start(p + 1);
      for (int e = first; e < end; e++) {
        double sum = 0;
        for (int f = first; f < end; f++) {
          sum += decay.at(pattern.row(e), pattern.row(f)) * m[f];
        }
        carried[e - first] = sum;
      }
      for (int e = first; e < end; e++) {
        m[e] = carried[e - first] + immediate[e];
      }
    }
  }

  @Override
  public void addEstimate(int b, double[] c, double[] dLdy, double[] flat) {
    double[] l = signal.of(c, dLdy);
    double[] m = influence[b];
    int parameters = pattern.parameters();
    for (int p = 0; p < parameters; p++) {
      double sum = 0;
      for (int e = pattern.start(p); e < pattern.start(p + 1); e++) {
        sum += l[pattern.row(e)] * m[e];
      }
      flat[p] += sum;
    }
  }
}
