package org.ccsim.plugins.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.SquaredErrorEpisode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.plugins.lstm.LstmType;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/**
 * A {@code tanh-rnn} or {@code lstm} cortex with random parameters (non-zero biases) and random episodes
 * for it.
 */
record TestCortex(Network network, ParameterSet params) {

  /**
   * @param hidden the size of the state (an LSTM of {@code hidden / 2} units)
   * @param nonlinearity {@code "tanh"} or {@code "identity"} for a {@code tanh-rnn}; {@code "lstm"}
   */
  static TestCortex of(int inputs, int hidden, int outputs, String nonlinearity, long seed) {
    TestBuildContext context = new TestBuildContext(seed, TestBuildContext.taskOfSize(inputs, outputs), null);
    Network network;
    if (nonlinearity.equals("lstm")) {
      LstmType type = new LstmType();
      network = type.create(TestConfigs.of(type, "hidden", hidden / 2), context);
    } else {
      TanhRnnType type = new TanhRnnType();
      network = type.create(TestConfigs.of(type, "hidden", hidden, "nonlinearity", nonlinearity, "recurrentGain", 1.1),
          context);
    }
    RandomGenerator random = TestBuildContext.random(seed);
    ParameterSet params = network.initialParameters(random);
    for (Tensor t : params.tensors()) {
      if (t.name().startsWith("b")) {
        double[] data = t.data();
        for (int i = 0; i < data.length; i++) {
          data[i] = 0.3 * random.nextGaussian();
        }
      }
    }
    return new TestCortex(network, params);
  }

  /** {@code count} random episodes of {@code length} steps, targets on about 40% of the steps and the last. */
  List<Episode> episodes(int count, int length, RandomGenerator random) {
    List<Episode> out = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      double[][] inputs = new double[length][];
      double[][] targets = new double[length][];
      for (int t = 0; t < length; t++) {
        inputs[t] = Numerics.gaussian(network.inputSize(), 1, random);
        if (t == length - 1 || random.nextDouble() < 0.4) {
          targets[t] = Numerics.gaussian(network.outputSize(), 1, random);
        }
      }
      out.add(new SquaredErrorEpisode(inputs, targets));
    }
    return out;
  }
}
