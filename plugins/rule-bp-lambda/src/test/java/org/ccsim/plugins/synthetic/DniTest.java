package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.stream.Stream;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.bptt.BpttType;
import org.ccsim.plugins.synthesisers.MlpSynthesiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.plugins.synthetic.dni.Dni;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule {@code dni} (ALGORITHMS §3a): without synthetic gradients in the cortex it is truncated
 * BPTT(K); with K = 1 it is BP(lambda = 0) with gamma = s; its synthesiser gradient is the gradient
 * of the MSE towards the backpropagated targets.
 */
class DniTest {

  private static final int M = 3;
  private static final int N = 5;
  private static final int OUTPUTS = 2;
  private static final int WINDOW = 2;
  private static final int T = 7;

  private final Network network = SyntheticFixtures.tanhRnn(M, N, OUTPUTS);
  private final ParameterSet params = network.initialParameters(SyntheticFixtures.random(1));
  private final List<Episode> batch = TestEpisodes.masked(3, T, M, OUTPUTS, 2, SyntheticFixtures.random(2));
  private final MlpSynthesiser synthesiser = SyntheticFixtures.mlp(network, "hidden", 6, "layers", 2);
  private final ParameterSet theta =
      SyntheticFixtures.perturbed(synthesiser.initialParameters(SyntheticFixtures.random(3)), 0.3,
          SyntheticFixtures.random(4));

  /** Runs {@code dni} once on the batch; returns the recording context and optimiser. */
  private Run dni(int truncation, double sgWeight, double bootstrapWeight, boolean everyWindow, String... metrics) {
    return dni(new Dni.Settings(truncation, sgWeight, bootstrapWeight, everyWindow), metrics);
  }

  private Run dni(Dni.Settings settings, String... metrics) {
    SyntheticFixtures.RecordingOptimiser optimiser = new SyntheticFixtures.RecordingOptimiser();
    ParameterSet weights = theta.copy();
    RecordingTrainingContext context = new RecordingTrainingContext(params, metrics)
        .training(SyntheticFixtures.synthesiserGroup(weights, optimiser));
    new Dni(network, synthesiser, weights, settings).train(batch, context);
    return new Run(context, optimiser);
  }

  private record Run(RecordingTrainingContext context, SyntheticFixtures.RecordingOptimiser optimiser) {
  }

  /** K, sgWeight (cortex), bootstrapWeight (target): apply mode with s = 0, and train-only mode. */
  static Stream<Arguments> withoutSyntheticGradient() {
    return Stream.of(Arguments.of(1, 0.0, 0.0), Arguments.of(2, 0.0, 0.0), Arguments.of(3, 0.0, 0.0),
        Arguments.of(T, 0.0, 0.0), Arguments.of(1, 0.0, 0.8), Arguments.of(3, 0.0, 0.8));
  }

  @ParameterizedTest
  @MethodSource("withoutSyntheticGradient")
  void cortexGradientWithoutSyntheticGradientIsTruncatedBptt(int truncation, double sgWeight, double bootstrap) {
    Run run = dni(truncation, sgWeight, bootstrap, false);
    assertEquals(1, run.context().gradients("cortex").size());
    double relative = SyntheticFixtures.relativeError(run.context().total(), truncatedBptt(truncation));
    assertTrue(relative < 1e-12, "relative error " + relative);
  }

  @Test
  void injectedSyntheticGradientChangesTheCortexGradient() {
    double relative =
        SyntheticFixtures.relativeError(dni(WINDOW, 0.8, 0.8, false).context().total(), truncatedBptt(WINDOW));
    assertTrue(relative > 1e-3, "relative difference " + relative);
  }

  private ParameterSet truncatedBptt(int truncation) {
    BpttType type = new BpttType();
    LearningRule bptt = type.create(TestConfigs.of(type, "truncation", truncation),
        new TestBuildContext(1, SyntheticFixtures.taskOf(network, batch), network));
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    bptt.train(batch, context);
    return context.total();
  }

  /** sgWeight (cortex), s (bootstrap): apply and train-only mode. */
  static Stream<Arguments> modes() {
    return Stream.of(Arguments.of(0.7, 0.7), Arguments.of(0.0, 0.7));
  }

  @ParameterizedTest
  @MethodSource("modes")
  void withOneStepWindowsItIsBpLambdaZeroWithGammaS(double sgWeight, double s) {
    Run dni = dni(1, sgWeight, s, false);
    SyntheticFixtures.RecordingOptimiser optimiser = new SyntheticFixtures.RecordingOptimiser();
    ParameterSet weights = theta.copy();
    RecordingTrainingContext context = new RecordingTrainingContext(params)
        .training(SyntheticFixtures.synthesiserGroup(weights, optimiser));
    new BpLambda(network, synthesiser, weights, Learners.JAVA, WorkSharing.COMMON,
        new BpLambda.Settings(0, s, sgWeight, Double.POSITIVE_INFINITY, false, TraceForm.TRACE, 0, false))
        .train(batch, context);

    assertEquals(1, dni.optimiser().gradients.size());
    assertEquals(1, optimiser.gradients.size());
    double synthetic = SyntheticFixtures.relativeError(dni.optimiser().gradients.get(0), optimiser.gradients.get(0));
    assertTrue(synthetic <= 1e-10, "synthesiser gradient: relative error " + synthetic);
    double cortex = SyntheticFixtures.relativeError(dni.context().total(), context.total());
    assertTrue(cortex <= 1e-10, "cortex gradient: relative error " + cortex);
  }

  /**
   * ccDNI's options by hand (with K = T, one window): {@code injectAtEnd} adds
   * {@code s g(h_{T-1})} to the last step's signal, and the cortex gradient is then BPTT's of the
   * loss plus {@code s g(h_{T-1}) . h_{T-1}}, g held constant.
   */
  @Test
  void injectAtEndBackpropagatesTheLastPredictionThroughTheWholeEpisode() {
    double s = 0.8;
    ParameterSet handed = dni(new Dni.Settings(T, s, s, false, true, false)).context().total();
    ParameterSet expected = params.zerosLike();
    for (Episode episode : batch) {
      Step[] steps = new Step[T];
      double[][] c = new double[T][N];
      double[] h = network.initialState();
      for (int t = 0; t < T; t++) {
        steps[t] = network.newStep();
        network.forward(params, h, episode.input(t), steps[t]);
        h = steps[t].h;
        double[] dLdy = new double[OUTPUTS];
        episode.lossGradient(t, steps[t].y, dLdy);
        network.readoutBackward(params, steps[t], dLdy, expected, c[t]);
      }
      double[] incoming = new double[N];
      synthesiser.predict(theta, steps[T - 1].h, incoming);
      for (int t = T - 1; t >= 0; t--) {
        double[] signal = new double[N];
        for (int i = 0; i < N; i++) {
          signal[i] = c[t][i] + (t == T - 1 ? s : 1) * incoming[i];
        }
        network.accumulateParameterGradient(params, steps[t], signal, expected);
        network.stateVjp(params, steps[t], signal, incoming);
      }
    }
    for (Tensor tensor : expected.tensors()) {
      for (int q = 0; q < tensor.data().length; q++) {
        tensor.data()[q] /= batch.size();
      }
    }
    double relative = SyntheticFixtures.relativeError(handed, expected);
    assertTrue(relative < 1e-12, "relative error " + relative);
    assertTrue(SyntheticFixtures.relativeError(handed, truncatedBptt(T)) > 1e-3, "the injection changes the gradient");
  }

  /** injectAtEnd, trainInitialPrediction: ccsim's choice and ccDNI's. */
  static Stream<Arguments> predictionsAtTheEnds() {
    return Stream.of(Arguments.of(false, false), Arguments.of(true, true));
  }

  @ParameterizedTest
  @MethodSource("predictionsAtTheEnds")
  void synthesiserGradientIsTheMseGradientTowardsTheBackpropagatedTargets(boolean injectAtEnd, boolean trainInitial) {
    double s = 0.8;
    ParameterSet handed = dni(new Dni.Settings(WINDOW, s, s, false, injectAtEnd, trainInitial)).optimiser().gradients.get(0);
    int first = trainInitial ? 0 : WINDOW;

    Step[][] steps = new Step[batch.size()][T];
    double[][][] c = new double[batch.size()][T][N];
    for (int b = 0; b < batch.size(); b++) {
      double[] h = network.initialState();
      for (int t = 0; t < T; t++) {
        steps[b][t] = network.newStep();
        network.forward(params, h, batch.get(b).input(t), steps[b][t]);
        h = steps[b][t].h;
        double[] dLdy = new double[OUTPUTS];
        batch.get(b).lossGradient(t, steps[b][t].y, dLdy);
        network.readoutBackward(params, steps[b][t], dLdy, params.zerosLike(), c[b][t]);
      }
    }
    double[][][] targets = new double[batch.size()][T][];
    for (int b = 0; b < batch.size(); b++) {
      for (int start = first; start < T; start += WINDOW) {
        int end = Math.min(start + WINDOW, T);
        double[] incoming = new double[N];
        if (end < T || injectAtEnd) {
          synthesiser.predict(theta, steps[b][end - 1].h, incoming);
          for (int i = 0; i < N; i++) {
            incoming[i] *= s;
          }
        }
        for (int t = end - 1; t >= start; t--) {
          double[] signal = new double[N];
          for (int i = 0; i < N; i++) {
            signal[i] = c[b][t][i] + incoming[i];
          }
          network.stateVjp(params, steps[b][t], signal, incoming);
        }
        targets[b][start] = incoming;
      }
    }

    ParameterSet numeric = theta.zerosLike();
    double step = 1e-6;
    for (Tensor tensor : theta.group(Synthesiser.TRAINED)) {
      double[] p = tensor.data();
      for (int q = 0; q < p.length; q++) {
        double saved = p[q];
        p[q] = saved + step;
        double up = mse(steps, targets, first);
        p[q] = saved - step;
        double down = mse(steps, targets, first);
        p[q] = saved;
        numeric.get(tensor.name()).data()[q] = (up - down) / (2 * step);
      }
    }
    double relative = SyntheticFixtures.relativeError(handed, numeric);
    assertTrue(relative < 1e-7, "relative error " + relative);
  }

  /**
   * The batch mean of {@code sum over windows from first 0.5 ||target - g(h_{start-1}; theta)||^2},
   * targets fixed, {@code h_{-1}} the initial state.
   */
  private double mse(Step[][] steps, double[][][] targets, int first) {
    double total = 0;
    double[] g = new double[N];
    for (int b = 0; b < steps.length; b++) {
      for (int start = first; start < T; start += WINDOW) {
        synthesiser.predict(theta, start == 0 ? network.initialState() : steps[b][start - 1].h, g);
        for (int i = 0; i < N; i++) {
          total += 0.5 * (targets[b][start][i] - g[i]) * (targets[b][start][i] - g[i]);
        }
      }
    }
    return total / steps.length;
  }

  @Test
  void windowUpdatesHandOverOneGradientPerWindowThatSumToTheEpisodeUpdate() {
    Run perWindow = dni(3, 0.8, 0.8, true, Diagnostics.TD_ERROR);
    Run perEpisode = dni(3, 0.8, 0.8, false);
    assertEquals(3, perWindow.context().gradients("cortex").size(), "windows [0,3) [3,6) [6,7)");
    assertEquals(2, perWindow.optimiser().gradients.size(), "the first window has no prediction to train");
    assertEquals(batch.size() * T, perWindow.context().outputsObserved());
    assertTrue(SyntheticFixtures.relativeError(perWindow.context().total(), perEpisode.context().total()) < 1e-12);
    ParameterSet synthTotal = perWindow.optimiser().gradients.get(0).copy();
    synthTotal.addScaled(perWindow.optimiser().gradients.get(1), 1);
    assertTrue(SyntheticFixtures.relativeError(synthTotal, perEpisode.optimiser().gradients.get(0)) < 1e-12);
    assertEquals(1, perWindow.context().values(Diagnostics.TD_ERROR).size());
    assertTrue(perWindow.context().values(Diagnostics.TD_ERROR).get(0) > 0);
  }

  @Test
  void alignmentIsRecordedOnlyWhenAskedAndIsOneForFullBptt() {
    assertTrue(dni(WINDOW, 0.8, 0.8, false).context().values(Diagnostics.ALIGNMENT).isEmpty());
    Run full = dni(T, 0.8, 0.8, false, Diagnostics.ALIGNMENT);
    assertEquals(1.0, full.context().values(Diagnostics.ALIGNMENT).get(0), 1e-12);
    Run truncated = dni(1, 0.0, 0.0, false, Diagnostics.ALIGNMENT);
    assertTrue(truncated.context().values(Diagnostics.ALIGNMENT).get(0) < 1 - 1e-6);
  }
}
