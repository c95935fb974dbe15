package org.ccsim.plugins.bptt;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.plugins.lstm.LstmType;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/**
 * The bundled {@code tanh-rnn} and {@code lstm}, and random episodes with masked MSE targets.
 */
final class Fixtures {

  private Fixtures() {
  }

  static RandomGenerator random(long seed) {
    return TestBuildContext.random(seed);
  }

  /** A {@code tanh-rnn} built through its component type, as the host builds it. */
  static Network tanhRnn(int inputs, int hidden, int outputs, String nonlinearity) {
    return tanhRnn(inputs, hidden, outputs, nonlinearity, 1);
  }

  /** A leaky {@code tanh-rnn} (ALGORITHMS §7), built through its component type. */
  static Network tanhRnn(int inputs, int hidden, int outputs, String nonlinearity, double alpha) {
    TanhRnnType type = new TanhRnnType();
    return type.create(TestConfigs.of(type, "hidden", hidden, "nonlinearity", nonlinearity, "recurrentGain", 1.3,
        "alpha", alpha), new TestBuildContext(1, TestBuildContext.taskOfSize(inputs, outputs), null));
  }

  /** An {@code lstm} of n units (ALGORITHMS §7), built through its component type. */
  static Network lstm(int inputs, int units, int outputs) {
    LstmType type = new LstmType();
    return type.create(TestConfigs.of(type, "hidden", units),
        new TestBuildContext(1, TestBuildContext.taskOfSize(inputs, outputs), null));
  }

  /** The batch's mean episode loss, from a plain forward pass. */
  static double loss(Network net, ParameterSet params, List<Episode> batch) {
    double total = 0;
    for (Episode e : batch) {
      double[] h = net.initialState();
      for (int t = 0; t < e.length(); t++) {
        Step step = net.newStep();
        net.forward(params, h, e.input(t), step);
        h = step.h;
        total += e.loss(t, step.y);
      }
    }
    return total / batch.size();
  }
}
