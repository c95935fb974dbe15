package org.ccsim.plugins.synthetic.bplambda;

import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.Finite;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.SynthesiserBatch;
import org.ccsim.api.TrainingContext;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.compute.Parallel;
import org.ccsim.plugins.synthetic.Diagnostics;
import org.ccsim.plugins.synthetic.FiniteChecks;
import org.ccsim.plugins.synthetic.Lesions;
import org.ccsim.plugins.synthetic.LockstepBatch;
import org.ccsim.plugins.synthetic.SynthesiserTraining;
import org.ccsim.plugins.synthetic.SynthesiserUpdate;
import org.ccsim.plugins.synthetic.TrainedVector;

/**
 * Accumulate BP(lambda) (ALGORITHMS §3b; Pemberton &amp; Costa, TMLR 2024): the cortex learns online
 * from {@code (c_t + s g_t) dh_t/dPsi} with no backward pass, while the synthesiser learns from the
 * TD-like error through eligibility traces ({@link BpLambdaLearner}). Updates of both are applied
 * at every step, or summed over the episode and applied once per batch. Scenario events may lesion
 * the synthesiser ({@link Lesions}): ablated, it is not run at all ({@code g = 0}: the cortex learns
 * as BPTT(1)); with the olive ablated, it predicts but its updates are dropped.
 *
 * <p>The synthetic gradient {@code g_t}, the TD error and the synthesiser's update and weights are
 * checked to be finite where they are made ({@link Finite}); the eligibility trace is not (its
 * non-finite values reach the checked update at the same step).
 */
public final class BpLambda implements LearningRule {

  /**
   * @param lambda trace decay lambda
   * @param gamma discount gamma of the bootstrapped term and the trace
   * @param sgWeight s, weight of the synthetic gradient in the cortex update (0 in "train but
   *     don't apply" mode: the synthesiser learns, the cortex ignores it)
   * @param maxUpdateNorm per-tensor clipping of each synthesiser update (infinity for none)
   * @param everyStep apply updates at every step rather than once per batch
   * @param form how the eligibility is carried
   * @param historyTolerance the smallest term weight the history form sums (0: all)
   * @param parallel whether the examples of a batch are spread over threads
   */
  public record Settings(double lambda, double gamma, double sgWeight, double maxUpdateNorm, boolean everyStep,
      TraceForm form, double historyTolerance, boolean parallel) {
  }

  private final Network network;
  private final JacobianSynthesiser synthesiser;
  private final ParameterSet theta;
  private final Compute compute;
  private final Parallel parallel;
  private final Settings settings;
  private final SynthesiserTraining training;
  /** Least-squares BP(lambda)'s accumulator, or null for the other updates. */
  private final LeastSquaresFit fit;
  /** Kept from batch to batch of the same shape, so that training allocates nothing. */
  private Workspace workspace;

  /** BP(lambda) whose synthesiser learns by the plain summed update. */
  public BpLambda(Network network, JacobianSynthesiser synthesiser, ParameterSet theta, Compute compute, Parallel parallel,
      Settings settings) {
    this(network, synthesiser, theta, compute, parallel, settings, SynthesiserUpdate.GRADIENT);
  }

  /**
   * @param update how the synthesiser's summed update becomes its step: as it is, preconditioned, or
   *     replaced by the least-squares solution ({@link LeastSquaresFit}: then the form must be the
   *     trace and updates once per batch)
   */
  public BpLambda(Network network, JacobianSynthesiser synthesiser, ParameterSet theta, Compute compute, Parallel parallel,
      Settings settings, SynthesiserUpdate update) {
    this.network = network;
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.compute = compute;
    this.parallel = parallel;
    this.settings = settings;
    this.training = new SynthesiserTraining(theta, synthesiser, update);
    this.fit = update.method() == SynthesiserUpdate.Method.LEAST_SQUARES
        ? new LeastSquaresFit(synthesiser, theta, compute, settings.gamma(), update.ridge(), update.memory(),
            update.solveEvery())
        : null;
  }

  @Override
  public void train(List<Episode> batch, TrainingContext context) {
    ParameterSet params = context.parameters();
    if (workspace == null || !workspace.run.fits(batch, params)) {
      workspace = new Workspace(batch, params);
    } else {
      workspace.run.load(batch);
    }
    LockstepBatch run = workspace.run;
    BpLambdaLearner learner = workspace.learner;
    double[][][] g = workspace.g;
    double[][] signal = workspace.signal;
    ParameterSet cortexGrad = workspace.cortexGrad;
    ParameterSet synthGrad = training.gradient();
    int steps = run.length();
    boolean present = training.present();
    double sgWeight = present ? settings.sgWeight() : 0;
    double tdError = 0;
    learner.reset();
    if (fit != null && present) {
      fit.startBatch(batch.size());
    }
    for (int t = 0; t < steps; t++) {
      boolean last = t == steps - 1;
      run.forward(t, params, context, cortexGrad);
      if (!present) {
        for (double[] example : g[t]) {
          java.util.Arrays.fill(example, 0.0);
        }
      } else {
        if (t > 0) {
          ParameterSet update = learner.correct(run.states(t), run.immediate(t), run.jacobians(t), last);
          if (fit == null) {
            synthGrad.addScaled(update, -1);
          }
          Finite.check(FiniteChecks.TD_ERROR, t, learner.tdErrorNorm());
          tdError += learner.tdErrorNorm();
          if (settings.everyStep()) {
            training.apply(context);
          }
        }
        learner.predict(run.states(t), run.jacobians(t), last, g[t]);
        Finite.check(FiniteChecks.SYNTHETIC_GRADIENT, t, g[t]);
        if (!last) {
          training.observe(run.states(t));
        }
      }
      Diagnostics.learningSignal(run.immediate(t), g[t], sgWeight, signal);
      run.accumulateCortex(t, params, signal, cortexGrad);
      if (settings.everyStep()) {
        context.applyMean(cortexGrad, batch.size());
      }
    }
    // before the cortex update: the Jacobians of the run read the parameters when used
    Diagnostics.recordAlignment(context, run, g, sgWeight);
    if (present) {
      Diagnostics.recordSynthesiser(context, run, g, workspace.synthesiserBatch, theta);
    }
    if (fit != null && present) {
      fit.endBatch(TrainedVector.trained(synthGrad));
    }
    if (!settings.everyStep()) {
      training.applyWithCortex(context, cortexGrad, batch.size());
    }
    if (present) {
      context.record(Diagnostics.TD_ERROR, tdError / Math.max(steps - 1, 1));
    }
  }

  @Override
  public void act(String action) {
    training.act(action);
  }

  @Override
  public void saveState(Snapshot into) {
    training.saveState(into);
    if (fit != null) {
      fit.saveState(into.child("least-squares"));
    }
  }

  @Override
  public void restoreState(Snapshot from) {
    training.restoreState(from);
    if (fit != null) {
      fit.restoreState(from.child("least-squares"));
    }
  }

  /** The records, traces and gradient buffers of one batch shape (size, episode length, parameters). */
  private final class Workspace {
    final LockstepBatch run;
    final BpLambdaLearner learner;
    final double[][][] g;
    final double[][] signal;
    final ParameterSet cortexGrad;
    /** For the diagnostic {@code synth-active-fraction}. */
    final SynthesiserBatch synthesiserBatch;

    Workspace(List<Episode> batch, ParameterSet params) {
      int n = network.hiddenSize();
      run = settings.everyStep() ? LockstepBatch.updatedDuring(network, batch, params, theta)
          : new LockstepBatch(network, batch, params);
      Eligibility eligibility = settings.form().create(synthesiser, theta, compute, batch.size(),
          settings.gamma() * settings.lambda(), settings.historyTolerance());
      learner = new BpLambdaLearner(synthesiser, theta, eligibility, compute, parallel, settings.parallel(), batch.size(),
          settings.gamma(), settings.maxUpdateNorm(), fit);
      g = new double[run.length()][batch.size()][n];
      signal = new double[batch.size()][n];
      cortexGrad = params.zerosLike();
      synthesiserBatch = synthesiser.newBatch(batch.size());
    }
  }
}
