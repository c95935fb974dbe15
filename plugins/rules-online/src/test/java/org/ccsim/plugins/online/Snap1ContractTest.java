package org.ccsim.plugins.online;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.testkit.TestConfigs;

/** {@code snap-1} passes the learning-rule contract. */
class Snap1ContractTest extends OnlineRuleContract {

  @Override
  protected ComponentType<LearningRule> type() {
    return new Snap1Type();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()), TestConfigs.of(type(), "update", "step"));
  }
}
