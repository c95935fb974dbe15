package org.ccsim.plugins.synthetic.lambdasg;

import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.Finite;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.TrainingContext;
import org.ccsim.plugins.synthetic.Diagnostics;
import org.ccsim.plugins.synthetic.FiniteChecks;
import org.ccsim.plugins.synthetic.LambdaTargets;
import org.ccsim.plugins.synthetic.LockstepBatch;
import org.ccsim.plugins.synthetic.SynthesiserTraining;
import org.ccsim.plugins.synthetic.SynthesiserUpdate;

/**
 * The offline forward view of BP(lambda), "lambda-SG" (ALGORITHMS §3c): runs the whole episode with
 * theta fixed, then trains the synthesiser towards the lambda-return targets,
 * {@code theta <- theta + alpha sum_t (G^lambda_t - g_t) dg_t/dtheta}, and the cortex with
 * {@code sum_t (c_t + s g_t) dh_t/dPsi}, both once per batch. It needs the episode's end before any
 * update: a reference for {@code bp-lambda}, whose summed online updates equal it (ALGORITHMS §6.2).
 * The synthetic gradients and the synthesiser's update and weights are checked to be finite
 * ({@link Finite}).
 */
public final class LambdaSg implements LearningRule {

  private final Network network;
  private final Synthesiser synthesiser;
  private final ParameterSet theta;
  private final SynthesiserTraining training;
  private final double lambda;
  private final double gamma;
  private final double sgWeight;

  /** lambda-SG whose synthesiser learns by the plain gradient. */
  public LambdaSg(Network network, Synthesiser synthesiser, ParameterSet theta, double lambda, double gamma, double sgWeight) {
    this(network, synthesiser, theta, lambda, gamma, sgWeight, SynthesiserUpdate.GRADIENT);
  }

  /** @param update how the synthesiser's gradient becomes its step (gradient or preconditioned) */
  public LambdaSg(Network network, Synthesiser synthesiser, ParameterSet theta, double lambda, double gamma, double sgWeight,
      SynthesiserUpdate update) {
    this.network = network;
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.training = new SynthesiserTraining(theta, synthesiser, update);
    this.lambda = lambda;
    this.gamma = gamma;
    this.sgWeight = sgWeight;
  }

  @Override
  public void train(List<Episode> batch, TrainingContext context) {
    ParameterSet params = context.parameters();
    LockstepBatch run = new LockstepBatch(network, batch, params);
    int steps = run.length();
    int examples = batch.size();
    double[][][] g = new double[steps][examples][network.hiddenSize()];
    double[][] signal = new double[examples][network.hiddenSize()];
    ParameterSet cortexGrad = params.zerosLike();
    for (int t = 0; t < steps; t++) {
      run.forward(t, params, context, cortexGrad);
      if (t < steps - 1) {
        for (int b = 0; b < examples; b++) {
          synthesiser.predict(theta, run.states(t)[b], g[t][b]);
        }
        Finite.check(FiniteChecks.SYNTHETIC_GRADIENT, t, g[t]);
      }
      Diagnostics.learningSignal(run.immediate(t), g[t], sgWeight, signal);
      run.accumulateCortex(t, params, signal, cortexGrad);
    }
    ParameterSet synthGrad = training.gradient();
    for (int t = 0; t < steps - 1; t++) {
      training.observe(run.states(t));
    }
    double[] error = new double[network.hiddenSize()];
    for (int b = 0; b < examples; b++) {
      double[][] gOfB = LockstepBatch.ofExample(g, b);
      double[][] targets = LambdaTargets.of(run.immediateOf(b), gOfB, run.jacobiansOf(b), lambda, gamma);
      for (int t = 0; t < steps - 1; t++) {
        for (int i = 0; i < error.length; i++) {
          error[i] = (gOfB[t][i] - targets[t][i]) / examples;
        }
        synthesiser.accumulateParameterGradient(theta, run.states(t)[b], error, synthGrad);
      }
    }
    // before the cortex update: the Jacobians of the run read the parameters when used
    Diagnostics.recordAlignment(context, run, g, sgWeight);
    training.applyWithCortex(context, cortexGrad, examples);
  }

  @Override
  public void saveState(Snapshot into) {
    training.saveState(into);
  }

  @Override
  public void restoreState(Snapshot from) {
    training.restoreState(from);
  }
}
