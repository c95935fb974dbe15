package org.ccsim.plugins.bplambda;

import java.util.Arrays;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;

/**
 * The synthesiser side of accumulate BP(lambda) (ALGORITHMS §3b; Pemberton &amp; Costa, TMLR 2024),
 * online for a batch of episodes run in lockstep. At step t, once {@code h_t} and {@code c_t} are
 * known, {@link #correct} forms the TD-like error of the prediction made at step t-1,
 * <pre>  delta_{t-1} = (c_t + gamma g_t) J_t - g_{t-1}     (g_t = 0 at the final step)</pre>
 * and the update {@code u = mean over the batch of delta_{t-1} e_{t-1}}, per tensor optionally
 * clipped to a maximum norm; {@link #predict} then predicts {@code g_t} with the current weights and
 * advances the eligibility trace
 * <pre>  e_t = gamma lambda J_t e_{t-1} + dg_t/dtheta,      e_{-1} = 0,</pre>
 * decayed by J_t, the Jacobian INTO h_t. The trace is kept transposed (P x n per example), so
 * {@code J_t e} is one Jacobian-vector product per trained parameter, and the synthesiser adds its
 * Jacobian to it directly (diagonal blocks only, for synthesisers linear in their weights).
 *
 * <p>Call order per episode: {@link #reset}; at t = 0 {@link #predict}; at every later step
 * {@link #correct} then {@link #predict}. The learner never changes theta: the caller applies
 * {@code theta <- theta + alpha u} through an optimiser between the two calls, or sums u over the
 * episode.
 */
final class BpLambdaLearner {

  private final Synthesiser synthesiser;
  private final ParameterSet theta;
  private final double lambda;
  private final double gamma;
  private final double maxUpdateNorm;
  private final int n;
  private final int size;
  private final double[][] previous;
  private final double[][] traces;
  private final double[][] deltas;
  private final double[] bootstrap;
  private final double[] jacobian;
  private final double[] jacobianT;
  private final double[] decayed;
  private final double[] flatUpdate;
  private final ParameterSet update;
  private double tdErrorNorm;

  /**
   * @param theta the synthesiser's parameters, read at every call (the caller updates them)
   * @param maxUpdateNorm per-tensor clipping of each update, or {@code Double.POSITIVE_INFINITY}
   */
  BpLambdaLearner(Synthesiser synthesiser, ParameterSet theta, int batch, double lambda, double gamma,
      double maxUpdateNorm) {
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.lambda = lambda;
    this.gamma = gamma;
    this.maxUpdateNorm = maxUpdateNorm;
    this.n = synthesiser.size();
    this.size = TrainedVector.size(theta);
    this.previous = new double[batch][n];
    this.traces = new double[batch][size * n];
    this.deltas = new double[batch][n];
    this.bootstrap = new double[n];
    this.jacobian = new double[n * n];
    this.jacobianT = new double[n * n];
    this.decayed = new double[n];
    this.flatUpdate = new double[size];
    this.update = theta.zerosLike();
  }

  /** Starts an episode: traces and previous predictions are zero. */
  void reset() {
    for (int b = 0; b < traces.length; b++) {
      Arrays.fill(traces[b], 0.0);
      Arrays.fill(previous[b], 0.0);
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
  ParameterSet correct(double[][] h, double[][] c, StateJacobian[] jacobians, boolean last) {
    Arrays.fill(flatUpdate, 0.0);
    double norms = 0;
    int batch = h.length;
    for (int b = 0; b < batch; b++) {
      if (last) {
        Arrays.fill(bootstrap, 0.0);
      } else {
        synthesiser.predict(theta, h[b], bootstrap);
      }
      for (int i = 0; i < n; i++) {
        bootstrap[i] = c[b][i] + gamma * bootstrap[i];
      }
      double[] delta = deltas[b];
      jacobians[b].vjp(bootstrap, delta);
      double squares = 0;
      for (int i = 0; i < n; i++) {
        delta[i] -= previous[b][i];
        squares += delta[i] * delta[i];
      }
      norms += Math.sqrt(squares);
      double[] trace = traces[b];
      for (int p = 0; p < size; p++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += delta[i] * trace[p * n + i];
        }
        flatUpdate[p] += dot / batch;
      }
    }
    tdErrorNorm = norms / batch;
    return clippedUpdate();
  }

  private ParameterSet clippedUpdate() {
    int offset = 0;
    for (Tensor t : update.group(Synthesiser.TRAINED)) {
      double[] data = t.data();
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
  void predict(double[][] h, StateJacobian[] jacobians, boolean last, double[][] g) {
    for (int b = 0; b < h.length; b++) {
      if (last) {
        Arrays.fill(g[b], 0.0);
      } else {
        synthesiser.predict(theta, h[b], g[b]);
        advanceTrace(traces[b], h[b], jacobians[b]);
      }
      System.arraycopy(g[b], 0, previous[b], 0, n);
    }
  }

  /**
   * {@code e <- gamma lambda J_t e + dg_t/dtheta}. With the trace transposed, each row p (a column
   * of e) becomes {@code gamma lambda J_t e_p}, computed as a sum of rows of {@code J_t^T} so that
   * the inner loop runs over contiguous memory.
   */
  private void advanceTrace(double[] trace, double[] h, StateJacobian stateJacobian) {
    double decay = gamma * lambda;
    if (decay == 0) {
      Arrays.fill(trace, 0.0);
    } else {
      stateJacobian.dense(jacobian);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          jacobianT[k * n + i] = jacobian[i * n + k];
        }
      }
      for (int p = 0; p < size; p++) {
        int row = p * n;
        Arrays.fill(decayed, 0.0);
        for (int k = 0; k < n; k++) {
          double a = decay * trace[row + k];
          if (a != 0) {
            for (int i = 0; i < n; i++) {
              decayed[i] += a * jacobianT[k * n + i];
            }
          }
        }
        System.arraycopy(decayed, 0, trace, row, n);
      }
    }
    synthesiser.addParameterJacobian(theta, h, trace);
  }

  /** The number of examples it was made for. */
  int batchSize() {
    return traces.length;
  }

  /** {@code delta_{t-1}} of example b from the last {@link #correct}. */
  double[] delta(int b) {
    return deltas[b];
  }

  /** The trace {@code e_t} of example b, transposed (P x n), after the last {@link #predict}. */
  double[] traceTransposed(int b) {
    return traces[b];
  }

  /** The mean over the batch of {@code ||delta_{t-1}||} from the last {@link #correct}. */
  double tdErrorNorm() {
    return tdErrorNorm;
  }
}
