package org.ccsim.plugins.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/** What the tests of the online rules share: building rules and networks, and comparing gradients. */
final class OnlineRules {

  private OnlineRules() {
  }

  /** A tanh RNN of n units between m inputs and k outputs, with the given extra settings. */
  static Network tanhRnn(int m, int n, int k, Object... settings) {
    TanhRnnType type = new TanhRnnType();
    Object[] all = new Object[settings.length + 4];
    all[0] = "hidden";
    all[1] = n;
    all[2] = "recurrentGain";
    all[3] = 1.3;
    System.arraycopy(settings, 0, all, 4, settings.length);
    return type.create(TestConfigs.of(type, all), context(m, k, null, 1));
  }

  /** A rule of {@code type} on {@code net}, its random streams from {@code seed}. */
  static LearningRule rule(LearningRuleType type, Network net, long seed, Object... settings) {
    return type.create(TestConfigs.of(type, settings), context(net.inputSize(), net.outputSize(), net, seed));
  }

  static TestBuildContext context(int inputs, int outputs, Network net, long seed) {
    return new TestBuildContext(seed, TestBuildContext.taskOfSize(inputs, outputs), net);
  }

  /** The one gradient {@code rule} hands over for {@code batch} at {@code params}. */
  static ParameterSet gradient(LearningRule rule, ParameterSet params, List<Episode> batch) {
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    rule.train(batch, context);
    assertEquals(1, context.gradients().size());
    return context.gradients().get(0);
  }

  /**
   * {@code ||actual - expected|| / ||expected||} over the tensors outside the readout, where the
   * online rules differ (every rule takes the readout's exact gradient).
   */
  static double relativeError(Network net, ParameterSet expected, ParameterSet actual) {
    double errorSquares = 0;
    double normSquares = 0;
    for (Tensor tensor : expected.tensors()) {
      if (net.readoutGroups().contains(tensor.group())) {
        continue;
      }
      double[] want = tensor.data();
      double[] got = actual.get(tensor.name()).data();
      for (int i = 0; i < want.length; i++) {
        errorSquares += (want[i] - got[i]) * (want[i] - got[i]);
        normSquares += want[i] * want[i];
      }
    }
    assertTrue(normSquares > 0, "a zero gradient would pass trivially");
    return Math.sqrt(errorSquares / normSquares);
  }
}
