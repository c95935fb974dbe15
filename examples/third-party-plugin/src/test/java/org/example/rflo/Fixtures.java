package org.example.rflo;

import org.ccsim.api.Network;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/** ccsim's {@code tanh-rnn}, built through its component type as the host would. */
final class Fixtures {

  private Fixtures() {
  }

  static Network tanhRnn(int inputs, int hidden, int outputs) {
    TanhRnnType type = new TanhRnnType();
    return type.create(TestConfigs.of(type, "hidden", hidden, "recurrentGain", 1.3),
        new TestBuildContext(1, TestBuildContext.taskOfSize(inputs, outputs), null));
  }
}
