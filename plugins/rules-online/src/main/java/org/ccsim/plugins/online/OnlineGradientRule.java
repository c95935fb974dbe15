package org.ccsim.plugins.online;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Step;
import org.ccsim.api.TrainingContext;

/**
 * A past-facing online rule (ALGORITHMS §8): the examples of a batch run forward step by step, each
 * carrying its {@link Influence} estimate; the gradient estimate of every step goes to Psi and the
 * readout takes its exact immediate gradient. Gradients are handed over once per batch
 * ({@link Update#EPISODE}) or after every step ({@link Update#STEP}, the online form: later steps run
 * with the updated weights while the influence estimates carry on). No backward pass is run.
 */
final class OnlineGradientRule implements LearningRule {

  /** When gradients are handed to the optimiser. */
  enum Update {
    EPISODE, STEP;

    static final Param PARAM = Param.choice("update", "episode", List.of("episode", "step"),
        "apply the summed gradient estimates once per batch of episodes, or after every step");

    static Update of(Config config) {
      return valueOf(config.string(PARAM.name()).toUpperCase(Locale.ROOT));
    }
  }

  private final Network network;
  private final ParameterLayout layout;
  private final Influence influence;
  private final Update update;
  private final double[] initialState;
  private final double[] dLdy;
  private final double[] c;
  private final double[] flat;
  private Step[][] steps = new Step[0][];
  private ParameterSet grad;

  OnlineGradientRule(Network network, ParameterLayout layout, Influence influence, Update update) {
    this.network = network;
    this.layout = layout;
    this.influence = influence;
    this.update = update;
    this.initialState = network.initialState();
    this.dLdy = new double[network.outputSize()];
    this.c = new double[network.hiddenSize()];
    this.flat = new double[layout.size()];
  }

  @Override
  public void train(List<Episode> batch, TrainingContext context) {
    ParameterSet params = context.parameters();
    int examples = batch.size();
    int length = 0;
    for (int b = 0; b < examples; b++) {
      length = Math.max(length, batch.get(b).length());
    }
    influence.start(examples, params);
    steps = keptSteps(examples);
    if (grad == null) {
      grad = params.zerosLike();
    }
    for (int t = 0; t < length; t++) {
      for (int b = 0; b < examples; b++) {
        Episode episode = batch.get(b);
        if (t >= episode.length()) {
          continue;
        }
        Step step = steps[b][t % 2];
        double[] hPrev = t == 0 ? initialState : steps[b][(t + 1) % 2].h;
        network.forward(params, hPrev, episode.input(t), step);
        context.observeOutput(episode, t, step.y);
        influence.advance(b, params, step);
        episode.lossGradient(t, step.y, dLdy);
        network.readoutBackward(params, step, dLdy, grad, c);
        influence.addEstimate(b, c, dLdy, flat);
      }
      if (update == Update.STEP) {
        handOver(examples, context);
      }
    }
    if (update == Update.EPISODE) {
      handOver(examples, context);
    }
  }

  /** Two step records per example (this step's and the previous one's), kept from batch to batch. */
  private Step[][] keptSteps(int examples) {
    if (steps.length >= examples) {
      return steps;
    }
    Step[][] more = Arrays.copyOf(steps, examples);
    for (int b = steps.length; b < examples; b++) {
      more[b] = new Step[] {network.newStep(), network.newStep()};
    }
    return more;
  }

  private void handOver(int examples, TrainingContext context) {
    layout.addTo(flat, grad);
    Arrays.fill(flat, 0.0);
    context.applyMean(grad, examples);
  }

  @Override
  public void saveState(Snapshot into) {
    influence.saveState(into);
  }

  @Override
  public void restoreState(Snapshot from) {
    influence.restoreState(from);
  }
}
