package org.ccsim.plugins.rnn;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.testkit.NetworkContract;
import org.ccsim.testkit.TestConfigs;

/** {@code tanh-rnn} passes the network contract, tanh and identity, both initialisations, leaky or not. */
class TanhRnnContractTest extends NetworkContract {

  @Override
  protected ComponentType<Network> type() {
    return new TanhRnnType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type(), "hidden", 5, "recurrentGain", 1.3),
        TestConfigs.of(type(), "hidden", 4, "nonlinearity", "identity", "init", "pytorch"),
        TestConfigs.of(type(), "hidden", 3, "spectralRadius", 0.9),
        TestConfigs.of(type(), "hidden", 4, "alpha", 0.2));
  }
}
