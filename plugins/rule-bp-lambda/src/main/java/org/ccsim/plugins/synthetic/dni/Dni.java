package org.ccsim.plugins.synthetic.dni;

import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.Finite;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.SynthesiserBatch;
import org.ccsim.api.TrainingContext;
import org.ccsim.plugins.synthetic.Diagnostics;
import org.ccsim.plugins.synthetic.FiniteChecks;
import org.ccsim.plugins.synthetic.Lesions;
import org.ccsim.plugins.synthetic.LockstepBatch;
import org.ccsim.plugins.synthetic.SynthesiserTraining;
import org.ccsim.plugins.synthetic.SynthesiserUpdate;

/**
 * n-step DNI (ALGORITHMS §3a; Jaderberg et al. 2017): truncated BPTT(K) in which the synthetic
 * gradient {@code s g(h_e; theta)} of the window's last state {@code h_e} is injected as the
 * incoming future gradient at each window end (none at the episode's end). Inside a window of steps
 * {@code [t0, e]} gradients flow back exactly, {@code G_{t-1} = (c_t + G_t) J_t} with
 * {@code G_e = s g(h_e)}; the cortex gradient is {@code sum_t (c_t + G_t) dh_t/dPsi} plus the
 * readout gradients, averaged over the batch.
 *
 * <p>The prediction {@code g(h_{t0-1})} made at the previous window's end is trained by mean
 * squared error, {@code 0.5 ||target - g(h_{t0-1}; theta)||^2} at the current theta, towards the
 * gradient that arrives at {@code h_{t0-1}} by backpropagation through the window,
 * {@code target = (c_t0 + G_t0) J_t0} (it contains the bootstrapped {@code s g(h_e)} and is held
 * constant); the first window has no such prediction. With K = 1 this is one-step
 * bootstrapping: BP(lambda = 0) with gamma = s.
 *
 * <p>Two options follow ccDNI (Boven et al. 2023; its {@code src/dni.py} and line-drawing script):
 * {@code injectAtEnd} also injects {@code s g(h_{T-1})} at the episode's last step, a prediction
 * no target ever trains; {@code trainInitialPrediction} also trains {@code g(h_{-1})} at the
 * initial state towards the gradient that arrives there through the first window.
 *
 * <p>In train-only mode the cortex gets truncated BPTT(K) (s = 0 in its signal), while the
 * synthesiser's target still bootstraps with the configured s, so that it learns what it would in
 * apply mode. Updates of both are applied after every window (the next window runs with the new
 * weights) or summed and applied once per batch.
 *
 * <p>Scenario events may lesion the synthesiser ({@link Lesions}): ablated, nothing is injected
 * (the cortex learns by truncated BPTT(K)) and the synthesiser is neither run nor trained; with the
 * olive ablated, it is injected but its updates are dropped.
 *
 * <p>The injected synthetic gradient, the TD error and the synthesiser's update and weights are checked
 * to be finite where they are made ({@link Finite}), each charged to the window's last step.
 */
public final class Dni implements LearningRule {

  /**
   * @param truncation K, the window length
   * @param sgWeight s in the cortex's incoming gradient {@code G_e = s g(h_e)} (0 in train-only mode)
   * @param bootstrapWeight s in the synthesiser's target (the configured s, also in train-only mode)
   * @param everyWindow apply updates after every window rather than once per batch
   * @param injectAtEnd inject {@code s g(h_{T-1})} at the episode's last step too
   * @param trainInitialPrediction train {@code g(h_{-1})} at the initial state too
   */
  public record Settings(int truncation, double sgWeight, double bootstrapWeight, boolean everyWindow,
      boolean injectAtEnd, boolean trainInitialPrediction) {

    /** Neither of ccDNI's options. */
    public Settings(int truncation, double sgWeight, double bootstrapWeight, boolean everyWindow) {
      this(truncation, sgWeight, bootstrapWeight, everyWindow, false, false);
    }
  }

  private final Network network;
  private final Synthesiser synthesiser;
  private final ParameterSet theta;
  private final Settings settings;
  private final SynthesiserTraining training;
  /** The synthesiser's workspace for the batch size last trained on. */
  private SynthesiserBatch synthesiserBatch;

  /** DNI whose synthesiser learns by the plain gradient. */
  public Dni(Network network, Synthesiser synthesiser, ParameterSet theta, Settings settings) {
    this(network, synthesiser, theta, settings, SynthesiserUpdate.GRADIENT);
  }

  /** @param update how the synthesiser's gradient becomes its step (gradient or preconditioned) */
  public Dni(Network network, Synthesiser synthesiser, ParameterSet theta, Settings settings, SynthesiserUpdate update) {
    this.network = network;
    this.synthesiser = synthesiser;
    this.theta = theta;
    this.settings = settings;
    this.training = new SynthesiserTraining(theta, synthesiser, update);
  }

  @Override
  public void train(List<Episode> batch, TrainingContext context) {
    ParameterSet params = context.parameters();
    if (synthesiserBatch == null || synthesiserBatch.size() != batch.size()) {
      synthesiserBatch = synthesiser.newBatch(batch.size());
    }
    LockstepBatch run = settings.everyWindow() ? LockstepBatch.updatedDuring(network, batch, params, theta)
        : new LockstepBatch(network, batch, params);
    int steps = run.length();
    double[][][] future = new double[steps][batch.size()][network.hiddenSize()];
    ParameterSet cortexGrad = params.zerosLike();
    ParameterSet synthGrad = training.gradient();
    double tdError = 0;
    int corrections = 0;
    boolean present = training.present();
    for (int start = 0; start < steps; start += settings.truncation()) {
      int end = Math.min(start + settings.truncation(), steps);
      for (int t = start; t < end; t++) {
        run.forward(t, params, context, cortexGrad);
      }
      double[][] arriving = backward(run, params, start, end, present ? settings.sgWeight() : 0, future, cortexGrad);
      boolean predictionBefore = start > 0 || settings.trainInitialPrediction();
      if (predictionBefore && present) {
        if (settings.bootstrapWeight() != settings.sgWeight()) {
          arriving = backward(run, params, start, end, settings.bootstrapWeight(), null, null);
        }
        double windowError = trainSynthesiser(run.statesBefore(start), arriving, synthGrad);
        Finite.check(FiniteChecks.TD_ERROR, end - 1, windowError);
        tdError += windowError;
        corrections++;
      }
      if (settings.everyWindow() && predictionBefore) {
        training.applyWithCortex(context, cortexGrad, batch.size());
      } else if (settings.everyWindow()) {
        context.applyMean(cortexGrad, batch.size());
      }
    }
    if (corrections > 0) {
      context.record(Diagnostics.TD_ERROR, tdError / corrections);
    }
    Diagnostics.recordAlignment(context, run, future, 1);
    if (present) {
      // the correlation is with the synthesiser's own output, not with the gradient the cortex receives
      double[][][] predicted = context.records(Diagnostics.CORRELATION)
          ? Diagnostics.predictions(run, synthesiser, theta) : future;
      Diagnostics.recordSynthesiser(context, run, predicted, synthesiserBatch, theta);
    }
    if (!settings.everyWindow()) {
      training.applyWithCortex(context, cortexGrad, batch.size());
    }
  }

  /**
   * Backpropagates through the window {@code [start, end)} of every example, with {@code s g(h_e)}
   * injected at its end unless it is the episode's end (and {@code injectAtEnd} is off).
   *
   * @param future where to write the incoming future gradients {@code G_t}, or null
   * @param cortexGrad where to add {@code (c_t + G_t) dh_t/dPsi}, or null
   * @return per example, the gradient arriving at {@code h_{start-1}} (at start = 0, the initial
   *     state's, only when the initial prediction is trained)
   */
  private double[][] backward(LockstepBatch run, ParameterSet params, int start, int end, double s,
      double[][][] future, ParameterSet cortexGrad) {
    int examples = run.size();
    double[][] incoming = new double[examples][network.hiddenSize()];
    double[][] signal = new double[examples][network.hiddenSize()];
    if ((end < run.length() || settings.injectAtEnd()) && s != 0) {
      synthesiserBatch.predict(theta, run.states(end - 1), incoming);
      for (double[] example : incoming) {
        for (int i = 0; i < example.length; i++) {
          example[i] *= s;
        }
      }
      Finite.check(FiniteChecks.SYNTHETIC_GRADIENT, end - 1, incoming);
    }
    for (int t = end - 1; t >= start; t--) {
      for (int b = 0; b < examples; b++) {
        if (future != null) {
          System.arraycopy(incoming[b], 0, future[t][b], 0, incoming[b].length);
        }
        for (int i = 0; i < signal[b].length; i++) {
          signal[b][i] = run.immediate(t)[b][i] + incoming[b][i];
        }
        if (t > 0 || settings.trainInitialPrediction()) {
          run.jacobians(t)[b].vjp(signal[b], incoming[b]);
        }
      }
      if (cortexGrad != null) {
        run.accumulateCortex(t, params, signal, cortexGrad);
      }
    }
    return incoming;
  }

  /**
   * Adds the batch mean of {@code (g(h_b) - target_b) dg/dtheta}, the gradient of the MSE with the
   * target held constant, to {@code synthGrad}.
   *
   * @return the batch mean of {@code ||target_b - g(h_b)||}
   */
  private double trainSynthesiser(double[][] h, double[][] target, ParameterSet synthGrad) {
    training.observe(h);
    double[][] errors = new double[h.length][synthesiser.size()];
    synthesiserBatch.predict(theta, h, errors);
    double norms = 0;
    for (int b = 0; b < h.length; b++) {
      double[] error = errors[b];
      double squares = 0;
      for (int i = 0; i < error.length; i++) {
        error[i] -= target[b][i];
        squares += error[i] * error[i];
        error[i] /= h.length;
      }
      norms += Math.sqrt(squares);
    }
    synthesiserBatch.accumulateParameterGradient(theta, errors, synthGrad);
    return norms / h.length;
  }

  @Override
  public void act(String action) {
    training.act(action);
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
