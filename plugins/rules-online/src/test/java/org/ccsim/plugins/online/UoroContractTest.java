package org.ccsim.plugins.online;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.testkit.TestConfigs;

/** {@code uoro} passes the learning-rule contract, its sign stream restored from checkpoints. */
class UoroContractTest extends OnlineRuleContract {

  @Override
  protected ComponentType<LearningRule> type() {
    return new UoroType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()), TestConfigs.of(type(), "update", "step"));
  }
}
