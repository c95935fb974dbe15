package org.ccsim.plugins.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ALGORITHMS §6 identity 1 (BPTT gradients equal central finite differences of the episode loss) and
 * the defining properties of truncated BPTT(K).
 */
class BpttGradientTest {

  /** m, n, k, T, target every, nonlinearity, leak alpha (ALGORITHMS §7; 1: none). */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(3, 5, 2, 6, 1, "tanh", 1.0),
        Arguments.of(3, 5, 2, 7, 2, "tanh", 1.0),
        Arguments.of(2, 8, 3, 5, 5, "tanh", 1.0),
        Arguments.of(1, 1, 1, 4, 2, "tanh", 1.0),
        Arguments.of(3, 5, 2, 6, 3, "identity", 1.0),
        Arguments.of(4, 12, 2, 10, 2, "identity", 1.0),
        Arguments.of(3, 5, 2, 7, 2, "tanh", 0.3),
        Arguments.of(2, 6, 2, 8, 4, "identity", 0.5));
  }

  private static Network network(int m, int n, int k, String phi, double alpha) {
    return Fixtures.tanhRnn(m, n, k, phi, alpha);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fullBpttGradientEqualsCentralFiniteDifferences(int m, int n, int k, int length, int every, String phi, double alpha) {
    assertFullBpttMatchesFiniteDifferences(network(m, n, k, phi, alpha), length, every);
  }

  /** m, n (LSTM units; the state has 2n values), k, T, target every. */
  static Stream<Arguments> lstmCases() {
    return Stream.of(Arguments.of(3, 4, 2, 6, 1), Arguments.of(2, 3, 2, 8, 4), Arguments.of(1, 1, 1, 5, 2));
  }

  @ParameterizedTest
  @MethodSource("lstmCases")
  void fullBpttOnTheLstmEqualsCentralFiniteDifferences(int m, int n, int k, int length, int every) {
    assertFullBpttMatchesFiniteDifferences(Fixtures.lstm(m, n, k), length, every);
  }

  private static void assertFullBpttMatchesFiniteDifferences(Network net, int length, int every) {
    int m = net.inputSize();
    int k = net.outputSize();
    ParameterSet params = net.initialParameters(Fixtures.random(m + net.hiddenSize() + k));
    List<Episode> batch = TestEpisodes.masked(3, length, m, k, every, Fixtures.random(length * 31L + every));
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    new Bptt(net, Integer.MAX_VALUE, Bptt.Update.EPISODE).train(batch, context);

    ParameterSet analytic = context.total();
    double h = 1e-5;
    double errorSquares = 0;
    double normSquares = 0;
    for (Tensor tensor : params.tensors()) {
      double[] p = tensor.data();
      for (int i = 0; i < p.length; i++) {
        double saved = p[i];
        p[i] = saved + h;
        double up = Fixtures.loss(net, params, batch);
        p[i] = saved - h;
        double down = Fixtures.loss(net, params, batch);
        p[i] = saved;
        double numeric = (up - down) / (2 * h);
        double exact = analytic.get(tensor.name()).data()[i];
        errorSquares += (numeric - exact) * (numeric - exact);
        normSquares += exact * exact;
      }
    }
    assertTrue(normSquares > 0, "a zero gradient would pass trivially");
    double relative = Math.sqrt(errorSquares / normSquares);
    assertTrue(relative < 1e-6, "relative error " + relative);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void truncationAtTheEpisodeLengthIsFullBptt(int m, int n, int k, int length, int every, String phi, double alpha) {
    Network net = network(m, n, k, phi, alpha);
    ParameterSet params = net.initialParameters(Fixtures.random(1));
    List<Episode> batch = TestEpisodes.masked(2, length, m, k, every, Fixtures.random(2));
    assertEquals(gradient(net, params, batch, Integer.MAX_VALUE), gradient(net, params, batch, length));
    assertEquals(gradient(net, params, batch, Integer.MAX_VALUE), gradient(net, params, batch, length + 5));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void truncationOneIsTheImmediateGradientOnly(int m, int n, int k, int length, int every, String phi, double alpha) {
    Network net = network(m, n, k, phi, alpha);
    ParameterSet params = net.initialParameters(Fixtures.random(3));
    List<Episode> batch = TestEpisodes.masked(2, length, m, k, every, Fixtures.random(4));

    ParameterSet expected = params.zerosLike();
    for (Episode e : batch) {
      double[] h = net.initialState();
      for (int t = 0; t < e.length(); t++) {
        Step step = net.newStep();
        net.forward(params, h, e.input(t), step);
        h = step.h;
        double[] dLdy = new double[k];
        double[] c = new double[n];
        e.lossGradient(t, step.y, dLdy);
        net.readoutBackward(params, step, dLdy, expected, c);
        net.accumulateParameterGradient(params, step, c, expected);
      }
    }
    ParameterSet actual = gradient(net, params, batch, 1);
    for (Tensor t : expected.tensors()) {
      double[] want = t.data();
      double[] got = actual.get(t.name()).data();
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i] / batch.size(), got[i], 1e-14, t.name() + "[" + i + "]");
      }
    }
  }

  @Test
  void truncationChangesTheGradientWhenCreditMustCrossWindows() {
    Network net = network(3, 6, 2, "tanh", 1);
    ParameterSet params = net.initialParameters(Fixtures.random(5));
    List<Episode> batch = TestEpisodes.masked(2, 8, 3, 2, 4, Fixtures.random(6));
    assertTrue(!gradient(net, params, batch, 2).equals(gradient(net, params, batch, Integer.MAX_VALUE)));
  }

  @Test
  void windowUpdatesHandOverOneGradientPerWindowThatSumToTheEpisodeUpdate() {
    Network net = network(3, 6, 2, "tanh", 1);
    ParameterSet params = net.initialParameters(Fixtures.random(7));
    List<Episode> batch = TestEpisodes.masked(2, 10, 3, 2, 1, Fixtures.random(8));
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    new Bptt(net, 3, Bptt.Update.WINDOW).train(batch, context);
    assertEquals(4, context.gradients().size(), "windows [0,3) [3,6) [6,9) [9,10)");
    assertEquals(20, context.outputsObserved(), "every output of every step is reported");
    ParameterSet perEpisode = gradient(net, params, batch, 3);
    for (Tensor t : perEpisode.tensors()) {
      double[] want = t.data();
      double[] got = context.total().get(t.name()).data();
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i], got[i], 1e-12);
      }
    }
  }

  private static ParameterSet gradient(Network net, ParameterSet params, List<Episode> batch, int truncation) {
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    new Bptt(net, truncation, Bptt.Update.EPISODE).train(batch, context);
    assertEquals(1, context.gradients().size());
    return context.gradients().get(0);
  }
}
