package org.ccsim.plugins.online;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.LearningRuleContract;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/** {@code rtrl} passes the learning-rule contract; per episode it claims the exact gradient. */
class RtrlContractTest extends LearningRuleContract {

  @Override
  protected ComponentType<LearningRule> type() {
    return new RtrlType();
  }

  @Override
  protected Network network() {
    TanhRnnType rnn = new TanhRnnType();
    return rnn.create(TestConfigs.of(rnn, "hidden", 5, "recurrentGain", 1.3),
        new TestBuildContext(1, TestBuildContext.taskOfSize(3, 2), null));
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
