package org.ccsim.plugins.bplambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.build.TrainedGroups;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ALGORITHMS §5: the alignment diagnostics of a batch come from an offline BPTT pass over the batch
 * "with the parameters it was run with" — also when the host's optimiser changes the cortex's
 * parameters in place as soon as the rule hands over its gradient (update once per batch).
 */
class AlignmentDiagnosticsTest {

  static final int HIDDEN = 4;
  static final int STEPS = 7;
  static final int BATCH = 2;
  static final double SG_WEIGHT = 0.7;

  @ParameterizedTest(name = "{0}, host applies updates: {1}")
  @CsvSource({"bp-lambda, false", "bp-lambda, true", "lambda-sg, false", "lambda-sg, true"})
  void alignmentUsesTheParametersTheBatchRanWith(String rule, boolean applies) {
    RandomGenerator random = TestBuildContext.random(77);
    TestCortex cortex = TestCortex.of(3, HIDDEN, 2, "tanh", 77);
    Synthesiser synthesiser = new LinearSynthesiser(HIDDEN, Learners.JAVA);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    List<Episode> episodes = cortex.episodes(BATCH, STEPS, random);
    Map<String, Double> expected = expectedAlignment(cortex.network(), cortex.params().copy(), synthesiser,
        theta.copy(), episodes);

    LearningRule learningRule = rule.equals("bp-lambda")
        ? new BpLambda(cortex.network(), synthesiser, theta, Learners.JAVA,
            new BpLambda.Settings(0.5, 1, SG_WEIGHT, Double.POSITIVE_INFINITY, false, TraceForm.TRACE, 0, false))
        : new LambdaSg(cortex.network(), synthesiser, theta, 0.5, 1, SG_WEIGHT);
    SgdContext context = new SgdContext(cortex.params(), applies ? 0.5 : 0, theta);
    learningRule.train(episodes, context);
    assertEquals(expected.get(Diagnostics.ALIGNMENT), context.metrics.get(Diagnostics.ALIGNMENT), 1e-12,
        Diagnostics.ALIGNMENT);
    assertEquals(expected.get(Diagnostics.SG_ALIGNMENT), context.metrics.get(Diagnostics.SG_ALIGNMENT), 1e-12,
        Diagnostics.SG_ALIGNMENT);
    assertEquals(expected.get(Diagnostics.SG_NORM_RATIO), context.metrics.get(Diagnostics.SG_NORM_RATIO), 1e-12,
        Diagnostics.SG_NORM_RATIO);
    if (rule.equals("bp-lambda")) {
      assertEquals(expected.get(Diagnostics.CORRELATION), context.metrics.get(Diagnostics.CORRELATION), 1e-12,
          Diagnostics.CORRELATION);
      assertEquals(null, context.metrics.get(Diagnostics.ACTIVE_FRACTION), "a linear synthesiser has no hidden units");
    }
  }

  @Test
  void dniCorrelatesTheCortexWithItsSynthesisersOwnOutput() {
    RandomGenerator random = TestBuildContext.random(78);
    TestCortex cortex = TestCortex.of(3, HIDDEN, 2, "tanh", 78);
    Synthesiser synthesiser = new LinearSynthesiser(HIDDEN, Learners.JAVA);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    List<Episode> episodes = cortex.episodes(BATCH, STEPS, random);
    Map<String, Double> expected = expectedAlignment(cortex.network(), cortex.params().copy(), synthesiser,
        theta.copy(), episodes);
    // train-only (s = 0): the cortex receives no synthetic gradient, the synthesiser still predicts
    Dni dni = new Dni(cortex.network(), synthesiser, theta, new Dni.Settings(2, 0, 1, false));
    SgdContext context = new SgdContext(cortex.params(), 0, theta);
    dni.train(episodes, context);
    assertEquals(expected.get(Diagnostics.CORRELATION), context.metrics.get(Diagnostics.CORRELATION), 1e-12,
        Diagnostics.CORRELATION);
  }

  /** Independent BPTT pass: dense Jacobians, G*_t by the backward recursion, cosines averaged. */
  private static Map<String, Double> expectedAlignment(Network network, ParameterSet params, Synthesiser synthesiser,
      ParameterSet theta, List<Episode> episodes) {
    double signal = 0;
    double synthetic = 0;
    double predicted = 0;
    double exact = 0;
    List<double[]> states = new ArrayList<>();
    List<double[]> predictions = new ArrayList<>();
    for (Episode episode : episodes) {
      double[][] h = new double[STEPS][];
      double[][] c = new double[STEPS][HIDDEN];
      double[][] jacobians = new double[STEPS][HIDDEN * HIDDEN];
      double[] previous = network.initialState();
      double[] dLdy = new double[network.outputSize()];
      for (int t = 0; t < STEPS; t++) {
        Step step = network.newStep();
        network.forward(params, previous, episode.input(t), step);
        episode.lossGradient(t, step.y, dLdy);
        network.readoutBackward(params, step, dLdy, params.zerosLike(), c[t]);
        network.stateJacobian(params, step, jacobians[t]);
        h[t] = step.h;
        previous = step.h;
      }
      double[][] future = new double[STEPS][HIDDEN];
      for (int t = STEPS - 2; t >= 0; t--) {
        for (int j = 0; j < HIDDEN; j++) {
          for (int i = 0; i < HIDDEN; i++) {
            future[t][j] += (c[t + 1][i] + future[t + 1][i]) * jacobians[t + 1][i * HIDDEN + j];
          }
        }
      }
      for (int t = 0; t < STEPS - 1; t++) {
        double[] g = new double[HIDDEN];
        synthesiser.predict(theta, h[t], g);
        double[] a = new double[HIDDEN];
        double[] b = new double[HIDDEN];
        for (int i = 0; i < HIDDEN; i++) {
          a[i] = c[t][i] + SG_WEIGHT * g[i];
          b[i] = c[t][i] + future[t][i];
        }
        signal += cosine(a, b);
        synthetic += cosine(g, future[t]);
        predicted += Math.sqrt(dot(g, g));
        exact += Math.sqrt(dot(future[t], future[t]));
        states.add(h[t]);
        predictions.add(g);
      }
    }
    int count = episodes.size() * (STEPS - 1);
    return Map.of(Diagnostics.ALIGNMENT, signal / count, Diagnostics.SG_ALIGNMENT, synthetic / count,
        Diagnostics.SG_NORM_RATIO, predicted / exact, Diagnostics.CORRELATION, meanCorrelation(states, predictions));
  }

  /** Two-pass Pearson correlation of h_i with g_i over the samples, averaged over units i. */
  private static double meanCorrelation(List<double[]> h, List<double[]> g) {
    double sum = 0;
    for (int i = 0; i < HIDDEN; i++) {
      double meanH = 0;
      double meanG = 0;
      for (int k = 0; k < h.size(); k++) {
        meanH += h.get(k)[i] / h.size();
        meanG += g.get(k)[i] / h.size();
      }
      double cov = 0;
      double varH = 0;
      double varG = 0;
      for (int k = 0; k < h.size(); k++) {
        double x = h.get(k)[i] - meanH;
        double y = g.get(k)[i] - meanG;
        cov += x * y;
        varH += x * x;
        varG += y * y;
      }
      sum += cov / Math.sqrt(varH * varG);
    }
    return sum / HIDDEN;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double left = 0;
    double right = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      left += a[i] * a[i];
      right += b[i] * b[i];
    }
    return left == 0 || right == 0 ? 0 : dot / Math.sqrt(left * right);
  }

  /**
   * A host-like context: applies every cortex gradient at once with SGD (as the host's optimisers
   * do), and the synthesiser's with SGD(0.1).
   */
  private static final class SgdContext implements TrainingContext {

    private final ParameterSet parameters;
    private final double learningRate;
    private final TrainedGroups synthesiser;
    final Map<String, Double> metrics = new LinkedHashMap<>();
    final List<ParameterSet> gradients = new ArrayList<>();

    SgdContext(ParameterSet parameters, double learningRate, ParameterSet theta) {
      this.parameters = parameters;
      this.learningRate = learningRate;
      this.synthesiser = SyntheticFixtures.synthesiserGroup(theta, new org.ccsim.core.optim.Sgd(0.1));
    }

    @Override
    public ParameterSet parameters() {
      return parameters;
    }

    @Override
    public void apply(ParameterSet gradient) {
      List<Tensor> own = gradient.tensors().stream().filter(t -> t.group().equals(Synthesiser.TRAINED)).toList();
      if (!own.isEmpty()) {
        synthesiser.apply(new ParameterSet(own), 0);
      }
      if (own.size() == gradient.tensors().size()) {
        return;
      }
      gradients.add(gradient.copy());
      for (Tensor t : parameters.tensors()) {
        double[] p = t.data();
        double[] g = gradient.get(t.name()).data();
        for (int i = 0; i < p.length; i++) {
          p[i] -= learningRate * g[i];
        }
      }
    }

    @Override
    public void observeOutput(Episode episode, int t, double[] y) {
    }

    @Override
    public boolean records(String metric) {
      return true;
    }

    @Override
    public void record(String metric, double value) {
      metrics.put(metric, value);
    }
  }
}
