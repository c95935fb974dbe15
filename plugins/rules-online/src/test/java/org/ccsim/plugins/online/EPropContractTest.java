package org.ccsim.plugins.online;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.testkit.TestConfigs;

/** {@code e-prop} passes the learning-rule contract with symmetric and with random feedback. */
class EPropContractTest extends OnlineRuleContract {

  @Override
  protected ComponentType<LearningRule> type() {
    return new EPropType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()), TestConfigs.of(type(), "feedback", "random", "update", "step"));
  }
}
