package org.ccsim.plugins.cerebellum;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.api.Synthesiser;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.SynthesiserContract;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/** {@code cerebellum} against the contract test kit: both plasticities, sparse and full fan-in, both nonlinearities. */
class CerebellumContractTest extends SynthesiserContract {

  @Override
  protected ComponentType<Synthesiser> type() {
    return new CerebellumType();
  }

  @Override
  protected Network network() {
    TanhRnnType type = new TanhRnnType();
    return type.create(TestConfigs.of(type, "hidden", 5), new TestBuildContext(1, TestBuildContext.taskOfSize(3, 2), null));
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type(), "expansion", 3, "fanIn", 2),
        TestConfigs.of(type(), "expansion", 2, "plasticity", "all", "granuleBias", 0.1),
        TestConfigs.of(type(), "expansion", 4, "fanIn", 3, "plasticity", "all"),
        TestConfigs.of(type(), "nonlinearity", "threshold", "granuleBias", -0.2, "fanIn", 1));
  }
}
