package org.example.rflo;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.testkit.LearningRuleContract;
import org.ccsim.testkit.TestConfigs;

/**
 * {@code rflo} passes ccsim's learning-rule contract on ccsim's {@code tanh-rnn}. It claims no exact
 * gradient, so {@code exactConfigs()} stays empty; {@link RfloUpdateTest} checks its update rule.
 */
class RfloContractTest extends LearningRuleContract {

  @Override
  protected ComponentType<LearningRule> type() {
    return new RfloType();
  }

  @Override
  protected Network network() {
    return Fixtures.tanhRnn(3, 5, 2);
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()), TestConfigs.of(type(), "tau", 1.0, "feedback", "readout"));
  }
}
