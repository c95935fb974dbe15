package org.ccsim.plugins.lstm;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.testkit.NetworkContract;
import org.ccsim.testkit.TestConfigs;

/** {@code lstm} passes the network contract, both initialisations. */
class LstmContractTest extends NetworkContract {

  @Override
  protected ComponentType<Network> type() {
    return new LstmType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type(), "hidden", 4),
        TestConfigs.of(type(), "hidden", 3, "init", "gaussian", "forgetBias", 1.0));
  }
}
