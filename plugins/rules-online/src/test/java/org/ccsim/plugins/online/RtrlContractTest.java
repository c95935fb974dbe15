package org.ccsim.plugins.online;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.testkit.TestConfigs;

/** {@code rtrl} passes the learning-rule contract; per episode it claims the exact gradient. */
class RtrlContractTest extends OnlineRuleContract {

  @Override
  protected ComponentType<LearningRule> type() {
    return new RtrlType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()), TestConfigs.of(type(), "update", "step"));
  }

  @Override
  protected List<Config> exactConfigs() {
    return List.of(TestConfigs.of(type()));
  }
}
