package org.ccsim.plugins.bptt;

import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.TrainingContext;

/**
 * Backpropagation through time, full or truncated (ALGORITHMS §2). The episode is cut into windows
 * of K steps (K = T for full BPTT). Inside a window the future gradient flows back exactly,
 * {@code G_{t-1} = (c_t + G_t) J_t}; at a window's end it is 0, so nothing crosses a boundary. The
 * weight gradient is {@code sum_t (c_t + G_t) dh_t/dPsi} plus the readout gradient, averaged over the
 * batch. It is applied after every window ({@link Update#WINDOW}: the next window runs with the
 * updated weights) or once per batch of episodes ({@link Update#EPISODE}).
 */
final class Bptt implements LearningRule {

  /** When gradients are handed to the optimiser. */
  enum Update { EPISODE, WINDOW }

  private final Network network;
  private final int truncation;
  private final Update update;

  /**
   * @param truncation K, window length; {@code Integer.MAX_VALUE} for full BPTT
   */
  Bptt(Network network, int truncation, Update update) {
    this.network = network;
    this.truncation = truncation;
    this.update = update;
  }

  @Override
  public void train(List<Episode> batch, TrainingContext context) {
    ParameterSet params = context.parameters();
    ParameterSet grad = params.zerosLike();
    int examples = batch.size();
    int length = batch.stream().mapToInt(Episode::length).max().orElse(0);
    double[][] state = new double[examples][];
    Step[][] steps = new Step[examples][length];
    for (int b = 0; b < examples; b++) {
      state[b] = network.initialState();
      for (int t = 0; t < batch.get(b).length(); t++) {
        steps[b][t] = network.newStep();
      }
    }
    Backward backward = new Backward(network.hiddenSize(), network.outputSize());
    int window = Math.min(truncation, Math.max(length, 1));
    for (int start = 0; start < length; start += window) {
      int end = Math.min(start + window, length);
      for (int b = 0; b < examples; b++) {
        Episode episode = batch.get(b);
        for (int t = start; t < Math.min(end, episode.length()); t++) {
          network.forward(params, state[b], episode.input(t), steps[b][t]);
          state[b] = steps[b][t].h;
          context.observeOutput(episode, t, steps[b][t].y);
        }
        backward.window(params, episode, steps[b], start, Math.min(end, episode.length()), grad);
      }
      if (update == Update.WINDOW) {
        context.applyMean(grad, examples);
      }
    }
    if (update == Update.EPISODE) {
      context.applyMean(grad, examples);
    }
  }

  /** The backward pass through one window, with its work vectors. */
  private final class Backward {
    private final double[] dLdy;
    private final double[] c;
    private final double[] future;

    Backward(int hidden, int outputs) {
      dLdy = new double[outputs];
      c = new double[hidden];
      future = new double[hidden];
    }

    /** Adds the gradient of the window [start, end) of one episode to {@code grad}. */
    void window(ParameterSet params, Episode episode, Step[] steps, int start, int end, ParameterSet grad) {
      java.util.Arrays.fill(future, 0.0);
      for (int t = end - 1; t >= start; t--) {
        Step step = steps[t];
        episode.lossGradient(t, step.y, dLdy);
        network.readoutBackward(params, step, dLdy, grad, c);
        for (int i = 0; i < c.length; i++) {
          c[i] += future[i];
        }
        network.accumulateParameterGradient(params, step, c, grad);
        if (t > start) {
          network.stateVjp(params, step, c, future);
        }
      }
    }
  }
}
