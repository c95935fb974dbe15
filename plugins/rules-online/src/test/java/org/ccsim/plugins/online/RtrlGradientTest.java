package org.ccsim.plugins.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.plugins.bptt.BpttType;
import org.ccsim.plugins.lstm.LstmType;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ALGORITHMS §6 identity 7: RTRL's gradient accumulated over an episode with frozen weights equals
 * full BPTT's, to 1e-10 relative, on the tanh RNN (tanh and identity, leaky and not, several sizes)
 * and on the LSTM; and the per-step hand-over sums to the same gradient.
 */
class RtrlGradientTest {

  private static final double TOLERANCE = 1e-10;

  /** m, n, k, T, target every, nonlinearity, leak alpha. */
  static Stream<Arguments> tanhCases() {
    return Stream.of(
        Arguments.of(3, 5, 2, 6, 1, "tanh", 1.0),
        Arguments.of(2, 8, 3, 9, 3, "tanh", 1.0),
        Arguments.of(1, 1, 1, 4, 2, "tanh", 1.0),
        Arguments.of(3, 5, 2, 7, 2, "identity", 1.0),
        Arguments.of(4, 12, 2, 10, 5, "identity", 1.0),
        Arguments.of(3, 6, 2, 8, 2, "tanh", 0.3));
  }

  @ParameterizedTest
  @MethodSource("tanhCases")
  void rtrlEqualsBpttOnTheTanhRnn(int m, int n, int k, int length, int every, String phi, double alpha) {
    TanhRnnType type = new TanhRnnType();
    Network net = type.create(TestConfigs.of(type, "hidden", n, "nonlinearity", phi, "recurrentGain", 1.3, "alpha", alpha),
        context(m, k, null));
    assertRtrlEqualsBptt(net, length, every);
  }

  /** m, n (LSTM units; the state has 2n values), k, T, target every. */
  static Stream<Arguments> lstmCases() {
    return Stream.of(Arguments.of(3, 4, 2, 6, 1), Arguments.of(2, 3, 2, 8, 4), Arguments.of(1, 1, 1, 5, 2));
  }

  @ParameterizedTest
  @MethodSource("lstmCases")
  void rtrlEqualsBpttOnTheLstm(int m, int n, int k, int length, int every) {
    LstmType type = new LstmType();
    assertRtrlEqualsBptt(type.create(TestConfigs.of(type, "hidden", n), context(m, k, null)), length, every);
  }

  @Test
  void perStepHandOversSumToTheEpisodeGradientOnAFrozenTrajectory() {
    TanhRnnType type = new TanhRnnType();
    Network net = type.create(TestConfigs.of(type, "hidden", 6, "recurrentGain", 1.3), context(3, 2, null));
    ParameterSet params = net.initialParameters(TestBuildContext.random(11));
    List<Episode> batch = TestEpisodes.masked(3, 7, 3, 2, 2, TestBuildContext.random(12));
    RecordingTrainingContext perStep = new RecordingTrainingContext(params);
    rule(net, "step").train(batch, perStep);
    assertEquals(7, perStep.gradients().size(), "one hand-over per step");
    assertEquals(21, perStep.outputsObserved());
    assertClose(net, OnlineRules.gradient(rule(net, "episode"), params, batch), perStep.total());
  }

  private static void assertRtrlEqualsBptt(Network net, int length, int every) {
    int m = net.inputSize();
    ParameterSet params = net.initialParameters(TestBuildContext.random(m + net.hiddenSize() + length));
    List<Episode> batch = TestEpisodes.masked(3, length, m, net.outputSize(), every, TestBuildContext.random(length * 7L + every));
    BpttType bptt = new BpttType();
    TestBuildContext withEpisodes = new TestBuildContext(1, TestBuildContext.task(m, net.outputSize(), r -> batch.get(0)), net);
    ParameterSet expected = OnlineRules.gradient(bptt.create(TestConfigs.of(bptt), withEpisodes), params, batch);
    assertClose(net, expected, OnlineRules.gradient(rule(net, "episode"), params, batch));
  }

  private static void assertClose(Network net, ParameterSet expected, ParameterSet actual) {
    double relative = OnlineRules.relativeError(net, expected, actual);
    assertTrue(relative < TOLERANCE, "relative error " + relative);
  }

  private static LearningRule rule(Network net, String update) {
    return OnlineRules.rule(new RtrlType(), net, 1, "update", update);
  }

  private static TestBuildContext context(int inputs, int outputs, Network net) {
    return OnlineRules.context(inputs, outputs, net, 1);
  }
}
