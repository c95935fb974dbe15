package org.ccsim.plugins.bptt;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.LearningRuleContract;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/** {@code bptt} passes the learning-rule contract; full BPTT claims the exact gradient. */
class BpttContractTest extends LearningRuleContract {

  @Override
  protected ComponentType<LearningRule> type() {
    return new BpttType();
  }

  @Override
  protected Network network() {
    TanhRnnType rnn = new TanhRnnType();
    return rnn.create(TestConfigs.of(rnn, "hidden", 5, "recurrentGain", 1.3),
        new TestBuildContext(1, TestBuildContext.taskOfSize(3, 2), null));
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()), TestConfigs.of(type(), "truncation", 2, "update", "window"));
  }

  @Override
  protected List<Config> exactConfigs() {
    return List.of(TestConfigs.of(type()));
  }
}
