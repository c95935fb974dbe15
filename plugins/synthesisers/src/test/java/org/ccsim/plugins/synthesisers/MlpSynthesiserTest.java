package org.ccsim.plugins.synthesisers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.FiniteDifferences;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code mlp} synthesiser: initial state, groups, and its derivatives against finite differences. */
class MlpSynthesiserTest {

  private static final double H = 1e-6;

  private final Network network = cortex(3, 4, 2);

  /** layers, width, trainOutputOnly. */
  static Stream<Arguments> shapes() {
    return Stream.of(Arguments.of(1, 6, false), Arguments.of(2, 5, false), Arguments.of(3, 4, false),
        Arguments.of(2, 5, true));
  }

  private MlpSynthesiser mlp(int layers, int width, boolean outputOnly) {
    return mlpOf(network, "layers", layers, "hidden", width, "trainOutputOnly", outputOnly);
  }

  /** Parameters with every value non-zero, and a state h. */
  private static ParameterSet randomTheta(Synthesiser s, long seed) {
    RandomGenerator random = TestBuildContext.random(seed);
    return perturbed(s.initialParameters(random), 0.5, random);
  }

  private static double[] randomVector(int size, RandomGenerator random) {
    return random.doubles(size, -1, 1).toArray();
  }

  @Test
  void outputIsZeroAtInitialisationWhileHiddenLayersAreRandom() {
    MlpSynthesiser s = mlp(2, 6, false);
    ParameterSet theta = s.initialParameters(TestBuildContext.random(1));
    double[] g = new double[4];
    s.predict(theta, randomVector(4, TestBuildContext.random(2)), g);
    assertEquals(List.of(0.0, 0.0, 0.0, 0.0), List.of(g[0], g[1], g[2], g[3]));
    assertTrue(java.util.Arrays.stream(theta.get("W_1").data()).allMatch(v -> v != 0));
    assertTrue(java.util.Arrays.stream(theta.get("W_2").data()).allMatch(v -> v != 0));
    assertTrue(java.util.Arrays.stream(theta.get("b_1").data()).allMatch(v -> v == 0));
  }

  @Test
  void pytorchInitDrawsHiddenWeightsAndBiasesWithinOneOverRootFanInAndCanStartWithoutInputWeights() {
    MlpSynthesiser s = mlpOf(network, "layers", 2, "hidden", 6, "init", "pytorch");
    ParameterSet theta = s.initialParameters(TestBuildContext.random(1));
    for (String name : List.of("W_1", "b_1", "W_2", "b_2")) {
      double bound = 1 / Math.sqrt(name.endsWith("1") ? 4 : 6);
      double[] values = theta.get(name).data();
      assertTrue(java.util.Arrays.stream(values).allMatch(v -> v != 0 && Math.abs(v) <= bound), name + " in (-1/sqrt(fan-in), 1/sqrt(fan-in))");
      assertTrue(java.util.Arrays.stream(values).anyMatch(v -> Math.abs(v) > bound / 2), name + " fills its range");
    }
    ParameterSet zeroed = mlpOf(network, "layers", 2, "hidden", 6, "init", "pytorch", "zeroInputLayer", true)
        .initialParameters(TestBuildContext.random(1));
    assertTrue(java.util.Arrays.stream(zeroed.get("W_1").data()).allMatch(v -> v == 0), "W_1 = 0");
    assertEquals(theta.get("W_2"), zeroed.get("W_2"), "the other layers as without zeroInputLayer");
    assertEquals(theta.get("b_1"), zeroed.get("b_1"), "b_1 as without zeroInputLayer");
  }

  @Test
  void activeFractionCountsPositiveHiddenUnitsOverAllLayers() {
    MlpSynthesiser s = mlp(1, 4, false);
    ParameterSet theta = s.initialParameters(TestBuildContext.random(1));
    double[] w = theta.get("W_1").data();
    java.util.Arrays.fill(w, 0);
    w[0] = 1;    // unit 0 reads h_0
    w[4] = -1;   // unit 1 reads -h_0
    theta.get("b_1").data()[2] = 0.5;    // unit 2: constant 0.5; unit 3: 0
    assertEquals(0.5, s.activeFraction(theta, new double[] {2, 0, 0, 0}), "units 0 and 2 of 4");
    assertEquals(0.5, s.activeFraction(theta, new double[] {-2, 0, 0, 0}), "units 1 and 2 of 4");
    assertEquals(0.25, s.activeFraction(theta, new double[] {0, 0, 0, 0}), "unit 2 alone");
  }

  @Test
  void shapesFollowTheConfiguration() {
    ParameterSet theta = mlp(2, 6, false).initialParameters(TestBuildContext.random(1));
    assertEquals("[W_1[synthesiser, 6x4], b_1[synthesiser, 6x1], W_2[synthesiser, 6x6], b_2[synthesiser, 6x1],"
        + " W_o[synthesiser, 4x6], b_o[synthesiser, 4x1]]", theta.toString());
  }

  @Test
  void sameStreamGivesSameParametersAndOtherStreamsDiffer() {
    MlpSynthesiser s = mlp(2, 6, false);
    assertEquals(s.initialParameters(TestBuildContext.random(5)), s.initialParameters(TestBuildContext.random(5)));
    assertNotEquals(s.initialParameters(TestBuildContext.random(5)), s.initialParameters(TestBuildContext.random(6)));
  }

  @Test
  void trainOutputOnlyKeepsTheHiddenLayersOutOfTheTrainedGroup() {
    MlpSynthesiser s = mlp(2, 5, true);
    ParameterSet theta = randomTheta(s, 3);
    assertEquals(List.of("W_o", "b_o"), theta.group(Synthesiser.TRAINED).stream().map(Tensor::name).toList());
    assertEquals(List.of("W_1", "b_1", "W_2", "b_2"),
        theta.group(MlpSynthesiser.FIXED).stream().map(Tensor::name).toList());
    assertEquals(4 * 5 + 4, trainedSize(theta));
    ParameterSet grad = theta.zerosLike();
    RandomGenerator random = TestBuildContext.random(4);
    s.accumulateParameterGradient(theta, randomVector(4, random), randomVector(4, random), grad);
    for (Tensor t : grad.group(MlpSynthesiser.FIXED)) {
      assertTrue(java.util.Arrays.stream(t.data()).allMatch(v -> v == 0), t.name() + " must not be trained");
    }
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void parameterGradientEqualsFiniteDifferencesOfVDotG(int layers, int width, boolean outputOnly) {
    MlpSynthesiser s = mlp(layers, width, outputOnly);
    ParameterSet theta = randomTheta(s, 7);
    RandomGenerator random = TestBuildContext.random(8);
    double[] h = randomVector(4, random);
    double[] v = randomVector(4, random);
    ParameterSet grad = theta.zerosLike();
    s.accumulateParameterGradient(theta, h, v, grad);

    ParameterSet numeric = theta.zerosLike();
    double[] g = new double[4];
    for (Tensor t : theta.group(Synthesiser.TRAINED)) {
      double[] p = t.data();
      for (int q = 0; q < p.length; q++) {
        double saved = p[q];
        p[q] = saved + H;
        s.predict(theta, h, g);
        double up = dot(v, g);
        p[q] = saved - H;
        s.predict(theta, h, g);
        double down = dot(v, g);
        p[q] = saved;
        numeric.get(t.name()).data()[q] = (up - down) / (2 * H);
      }
    }
    double relative = FiniteDifferences.relativeError(grad, numeric);
    assertTrue(relative < 1e-8, "relative error " + relative);
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void parameterJacobianIsAddedToTheTransposedTraceAndEqualsFiniteDifferences(int layers, int width,
      boolean outputOnly) {
    MlpSynthesiser s = mlp(layers, width, outputOnly);
    ParameterSet theta = randomTheta(s, 9);
    double[] h = randomVector(4, TestBuildContext.random(10));
    int size = trainedSize(theta);
    double[] before = randomVector(size * 4, TestBuildContext.random(11));
    double[] trace = before.clone();
    s.addParameterJacobian(theta, h, trace);

    double[] up = new double[4];
    double[] down = new double[4];
    double errors = 0;
    double norms = 0;
    int p = 0;
    for (Tensor t : theta.group(Synthesiser.TRAINED)) {
      double[] data = t.data();
      for (int q = 0; q < data.length; q++, p++) {
        double saved = data[q];
        data[q] = saved + H;
        s.predict(theta, h, up);
        data[q] = saved - H;
        s.predict(theta, h, down);
        data[q] = saved;
        for (int i = 0; i < 4; i++) {
          double numeric = (up[i] - down[i]) / (2 * H);
          double added = trace[p * 4 + i] - before[p * 4 + i];
          errors += (added - numeric) * (added - numeric);
          norms += numeric * numeric;
        }
      }
    }
    assertEquals(size, p);
    double relative = Math.sqrt(errors / norms);
    assertTrue(relative < 1e-8, "relative error " + relative);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static Network cortex(int inputs, int hidden, int outputs) {
    TanhRnnType type = new TanhRnnType();
    return type.create(TestConfigs.of(type, "hidden", hidden, "recurrentGain", 1.3),
        new TestBuildContext(1, TestBuildContext.taskOfSize(inputs, outputs), null));
  }

  private static MlpSynthesiser mlpOf(Network network, Object... overrides) {
    MlpSynthesiserType type = new MlpSynthesiserType();
    return (MlpSynthesiser) type.create(TestConfigs.of(type, overrides), new TestBuildContext(1, null, network));
  }

  /** Adds {@code N(0, scale^2)} noise to every value: non-zero output layer and biases. */
  private static ParameterSet perturbed(ParameterSet theta, double scale, RandomGenerator random) {
    ParameterSet copy = theta.copy();
    for (Tensor t : copy.tensors()) {
      for (int i = 0; i < t.data().length; i++) {
        t.data()[i] += scale * random.nextGaussian();
      }
    }
    return copy;
  }

  /** P, the number of trained values. */
  private static int trainedSize(ParameterSet theta) {
    return theta.group(Synthesiser.TRAINED).stream().mapToInt(t -> t.data().length).sum();
  }
}
