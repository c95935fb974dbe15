package org.ccsim.plugins.synthetic.bplambda;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.compute.Parallel;
import org.ccsim.plugins.synthetic.StateJacobian;
import org.ccsim.plugins.synthetic.TrainedVector;

/**
 * The synthesiser side of accumulate BP(lambda) (ALGORITHMS §3b; Pemberton &amp; Costa, TMLR 2024),
 * online for a batch of episodes run in lockstep. At step t, once {@code h_t} and {@code c_t} are
 * known, {@link #correct} forms the TD-like error of the prediction made at step t-1,
 * <pre>  delta_{t-1} = (c_t + gamma g_t) J_t - g_{t-1}     (g_t = 0 at the final step)</pre>
 * and the update {@code u = mean over the batch of delta_{t-1} e_{t-1}}, per tensor optionally
 * clipped to a maximum norm; {@link #predict} then predicts {@code g_t} with the current weights and
 * advances the eligibility trace
 * <pre>  e_t = gamma lambda J_t e_{t-1} + dg_t/dtheta,      e_{-1} = 0,</pre>
 * decayed by J_t, the Jacobian INTO h_t. How e is carried is the {@link Eligibility}'s business:
 * online as a trace ({@link EligibilityTrace}) or summed from the episode ({@link EligibilityHistory}).
 * Examples are independent until their updates are summed, in a fixed order, so spreading them over
 * threads leaves every bit of the result as it is.
 *
 * <p>Call order per episode: {@link #reset}; at t = 0 {@link #predict}; at every later step
 * {@link #correct} then {@link #predict}. The learner never changes theta: the caller applies
 * {@code theta <- theta + alpha u} through an optimiser between the two calls, or sums u over the
 * episode.
 */
public final class BpLambdaLearner {

  private final Synthesiser synthesiser;
  private final ParameterSet theta;
  private final Eligibility eligibility;
  private final Compute compute;
  private final Parallel host;
  private final boolean parallel;
  private final double gamma;
  private final double maxUpdateNorm;
  private final int n;
  private final double[][] previous;
  private final double[][] deltas;
  private final double[][] bootstrap;
  private final double[][] partial;
  private final double[] deltaNorms;
  private final double[] flatUpdate;
  private final ParameterSet update;
  private final List<Tensor> updateTensors;
  /** Least squares' accumulator and the traces it reads, or null. */
  private final LeastSquaresFit fit;
  private final EligibilityTrace traces;
  private final IntConsumer correctExample = this::correctExample;
  private final IntConsumer predictExample = this::predictExample;
  /** The arguments of the call in progress, for the per-example bodies (no capturing lambdas: no allocation). */
  private double[][] h;
  private double[][] c;
  private StateJacobian[] jacobians;
  private boolean last;
  private double[][] g;
  private double tdErrorNorm;

  /**
   * @param theta the synthesiser's parameters, read at every call (the caller updates them)
   * @param eligibility the form of the trace, made for the same synthesiser, theta and batch size
   * @param parallel whether to spread the examples over the host's {@link Parallel} service
   * @param maxUpdateNorm per-tensor clipping of each update, or {@code Double.POSITIVE_INFINITY}
   */
  public BpLambdaLearner(Synthesiser synthesiser, ParameterSet theta, Eligibility eligibility, Compute compute,
      Parallel host, boolean parallel, int batch, double gamma, double maxUpdateNorm) {
    this(synthesiser, theta, eligibility, compute, host, parallel, batch, gamma, maxUpdateNorm, null);
  }

  /**
   * A learner that also feeds least-squares BP(lambda)'s {@code fit} with every step, for which the
   * eligibility must be an {@link EligibilityTrace} ({@code fit} null: none).
   */
  BpLambdaLearner(Synthesiser synthesiser, ParameterSet theta, Eligibility eligibility, Compute compute,
      Parallel host, boolean parallel, int batch, double gamma, double maxUpdateNorm, LeastSquaresFit fit) {
    this.fit = fit;
    this.traces = fit == null ? null : (EligibilityTrace) eligibility;
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.eligibility = eligibility;
    this.compute = compute;
    this.host = host;
    this.parallel = parallel;
    this.gamma = gamma;
    this.maxUpdateNorm = maxUpdateNorm;
    this.n = synthesiser.size();
    int size = TrainedVector.size(theta);
    this.previous = new double[batch][n];
    this.deltas = new double[batch][n];
    this.bootstrap = new double[batch][n];
    this.partial = new double[batch][size];
    this.deltaNorms = new double[batch];
    this.flatUpdate = new double[size];
    this.update = theta.zerosLike();
    this.updateTensors = TrainedVector.trained(update);
  }

  /** Starts an episode: traces and previous predictions are zero. */
  public void reset() {
    eligibility.reset();
    for (double[] p : previous) {
      Arrays.fill(p, 0.0);
    }
  }

  /**
   * Corrects the predictions of step t-1 from step t.
   *
   * @param h the states {@code h_t}, one per example
   * @param c the immediate loss gradients {@code c_t} (zeros without a target)
   * @param jacobians {@code J_t} per example
   * @param last whether t is the final step (then {@code g_t = 0})
   * @return u, the mean over the batch of {@code delta_{t-1} e_{t-1}}, clipped per tensor: the
   *     direction theta moves in ({@code theta <- theta + alpha u}); valid until the next call
   */
  public ParameterSet correct(double[][] h, double[][] c, StateJacobian[] jacobians, boolean last) {
    this.h = h;
    this.c = c;
    this.jacobians = jacobians;
    this.last = last;
    int batch = h.length;
    forEachExample(batch, correctExample);
    if (fit != null) {
      fit.accumulate();
    }
    Arrays.fill(flatUpdate, 0.0);
    double norms = 0;
    for (int b = 0; b < batch; b++) {
      norms += deltaNorms[b];
      for (int p = 0; p < flatUpdate.length; p++) {
        flatUpdate[p] += partial[b][p];
      }
    }
    tdErrorNorm = norms / batch;
    return clippedUpdate();
  }

  private void correctExample(int b) {
    double[] target = bootstrap[b];
    if (last) {
      Arrays.fill(target, 0.0);
    } else {
      synthesiser.predict(theta, h[b], target);
    }
    for (int i = 0; i < n; i++) {
      target[i] = c[b][i] + gamma * target[i];
    }
    double[] delta = deltas[b];
    jacobians[b].vjp(target, delta);
    double squares = 0;
    for (int i = 0; i < n; i++) {
      delta[i] -= previous[b][i];
      squares += delta[i] * delta[i];
    }
    deltaNorms[b] = Math.sqrt(squares);
    Arrays.fill(partial[b], 0.0);
    eligibility.contract(b, delta, 1.0 / h.length, partial[b]);
    if (fit != null) {
      fit.prepare(b, traces.transposed(b), jacobians[b], h[b], c[b], last);
    }
  }

  private ParameterSet clippedUpdate() {
    int offset = 0;
    for (int k = 0; k < updateTensors.size(); k++) {
      double[] data = updateTensors.get(k).data();
      double squares = 0;
      for (int i = 0; i < data.length; i++) {
        data[i] = flatUpdate[offset + i];
        squares += data[i] * data[i];
      }
      double norm = Math.sqrt(squares);
      if (norm > maxUpdateNorm) {
        for (int i = 0; i < data.length; i++) {
          data[i] *= maxUpdateNorm / norm;
        }
      }
      offset += data.length;
    }
    return update;
  }

  /**
   * Predicts {@code g_t} (zero at the final step) into {@code g} and advances the traces.
   *
   * @param jacobians {@code J_t} per example
   */
  public void predict(double[][] h, StateJacobian[] jacobians, boolean last, double[][] g) {
    this.h = h;
    this.jacobians = jacobians;
    this.last = last;
    this.g = g;
    forEachExample(h.length, predictExample);
  }

  private void predictExample(int b) {
    if (last) {
      Arrays.fill(g[b], 0.0);
    } else {
      synthesiser.predict(theta, h[b], g[b]);
      if (fit != null) {
        fit.observe(b, h[b]);
      }
      eligibility.advance(b, h[b], jacobians[b]);
    }
    System.arraycopy(g[b], 0, previous[b], 0, n);
  }

  private void forEachExample(int batch, IntConsumer body) {
    if (parallel) {
      host.forEach(batch, body);
    } else {
      for (int b = 0; b < batch; b++) {
        body.accept(b);
      }
    }
  }

  /** {@code delta_{t-1}} of example b from the last {@link #correct}. */
  public double[] delta(int b) {
    return deltas[b];
  }

  /** The mean over the batch of {@code ||delta_{t-1}||} from the last {@link #correct}. */
  double tdErrorNorm() {
    return tdErrorNorm;
  }
}
