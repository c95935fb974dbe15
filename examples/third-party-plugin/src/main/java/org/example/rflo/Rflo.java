package org.example.rflo;

import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.TrainingContext;

/**
 * RFLO, random-feedback local online learning (Murray, "Local online learning in recurrent networks
 * with random feedback", eLife 8:e43299, 2019), for any ccsim {@link Network}.
 *
 * <p>For the step {@code a_t = W_in x_t + W_rec h_{t-1} + b}, {@code h_t = phi(a_t)},
 * {@code y_t = W_out h_t + b_out}, each recurrent-layer weight keeps a leaky eligibility trace of
 * its immediate effect on its own unit,
 * <pre>
 *   p_ij(t) = (1 - 1/tau) p_ij(t-1) + (1/tau) phi'(a_i(t)) h_j(t-1)     (W_rec; x_j(t) for W_in, 1 for b)
 * </pre>
 * and the output error reaches the hidden units through a fixed random matrix B (n x k) instead of
 * {@code W_out^T}:
 * <pre>
 *   dW_ij = -eta sum_t u_i(t) p_ij(t),   u(t) = B (y_t - y*_t) = B dl_t/dy_t
 * </pre>
 * The readout learns from its exact gradient {@code (y_t - y*_t) h_t^T}. Generically, the trace of
 * unit i is {@code P_i(t) = (1 - 1/tau) P_i(t-1) + (1/tau) dh_i(t)/dPsi}, the immediate Jacobian
 * row that {@link Network#accumulateParameterGradient} gives for the unit vector {@code e_i}; for
 * the tanh RNN that row is exactly Murray's {@code phi'(a_i) h_j}. Nothing propagates back in time:
 * every quantity is local to a unit and a step.
 *
 * <p>With {@code feedback = readout}, u(t) is {@code W_out^T dl_t/dy_t}, the true immediate
 * gradient; with tau = 1 the rule is then truncated BPTT(1) (a control for the random feedback).
 * Murray updates at every step; here the updates are summed over the steps of each episode,
 * averaged over the batch and handed to the optimiser once per batch, like {@code bptt}.
 */
final class Rflo implements LearningRule {

  private final Network network;
  private final double tau;
  private final double[] feedback;

  /**
   * @param tau the trace's time constant, at least 1 (1: no memory)
   * @param feedback B, n x k row-major, or {@code null} for the readout's own weights
   */
  Rflo(Network network, double tau, double[] feedback) {
    this.network = network;
    this.tau = tau;
    this.feedback = feedback;
  }

  /** B, n x k row-major; {@code null} with {@code feedback = readout}. */
  double[] feedback() {
    return feedback;
  }

  @Override
  public void train(List<Episode> batch, TrainingContext context) {
    ParameterSet params = context.parameters();
    ParameterSet grad = params.zerosLike();
    int n = network.hiddenSize();
    int k = network.outputSize();
    double[] dLdy = new double[k];
    double[] readoutSignal = new double[n];
    double[] unit = new double[n];
    double[] u = new double[n];
    for (Episode episode : batch) {
      ParameterSet[] traces = new ParameterSet[n];
      for (int i = 0; i < n; i++) {
        traces[i] = params.zerosLike();
      }
      double[] h = network.initialState();
      for (int t = 0; t < episode.length(); t++) {
        Step step = network.newStep();
        network.forward(params, h, episode.input(t), step);
        h = step.h;
        context.observeOutput(episode, t, step.y);
        for (int i = 0; i < n; i++) {
          traces[i].scale(1 - 1 / tau);
          unit[i] = 1 / tau;
          network.accumulateParameterGradient(params, step, unit, traces[i]);
          unit[i] = 0;
        }
        episode.lossGradient(t, step.y, dLdy);
        network.readoutBackward(params, step, dLdy, grad, readoutSignal);
        learningSignal(dLdy, readoutSignal, u);
        for (int i = 0; i < n; i++) {
          if (u[i] != 0) {
            grad.addScaled(traces[i], u[i]);
          }
        }
      }
    }
    grad.scale(1.0 / batch.size());
    context.apply(grad);
  }

  /** u = B dl/dy, or the readout's {@code dl/dh = W_out^T dl/dy} without random feedback. */
  private void learningSignal(double[] dLdy, double[] readoutSignal, double[] u) {
    if (feedback == null) {
      System.arraycopy(readoutSignal, 0, u, 0, u.length);
      return;
    }
    int k = dLdy.length;
    for (int i = 0; i < u.length; i++) {
      double sum = 0;
      for (int o = 0; o < k; o++) {
        sum += feedback[i * k + o] * dLdy[o];
      }
      u[i] = sum;
    }
  }
}
