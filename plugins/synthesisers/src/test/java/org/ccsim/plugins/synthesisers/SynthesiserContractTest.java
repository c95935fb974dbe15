package org.ccsim.plugins.synthesisers;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.api.Synthesiser;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.SynthesiserContract;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Nested;

/** The plugin's synthesisers against the contract test kit, on a small {@code tanh-rnn}. */
class SynthesiserContractTest {

  private static Network cortex() {
    TanhRnnType type = new TanhRnnType();
    return type.create(TestConfigs.of(type, "hidden", 4, "recurrentGain", 1.3),
        new TestBuildContext(1, TestBuildContext.taskOfSize(3, 2), null));
  }

  @Nested
  class LinearSynthesiserContractTest extends SynthesiserContract {

    @Override
    protected ComponentType<Synthesiser> type() {
      return new LinearSynthesiserType();
    }

    @Override
    protected Network network() {
      return cortex();
    }
  }

  @Nested
  class MlpSynthesiserContractTest extends SynthesiserContract {

    @Override
    protected ComponentType<Synthesiser> type() {
      return new MlpSynthesiserType();
    }

    @Override
    protected Network network() {
      return cortex();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "hidden", 5), TestConfigs.of(type(), "hidden", 3, "layers", 2),
          TestConfigs.of(type(), "trainOutputOnly", true),
          TestConfigs.of(type(), "hidden", 3, "layers", 2, "init", "pytorch", "zeroInputLayer", true));
    }
  }
}
