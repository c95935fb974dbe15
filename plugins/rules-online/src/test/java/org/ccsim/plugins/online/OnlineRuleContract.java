package org.ccsim.plugins.online;

import org.ccsim.api.Network;
import org.ccsim.testkit.LearningRuleContract;

/** The learning-rule contract on the tanh RNN the online rules share. */
abstract class OnlineRuleContract extends LearningRuleContract {

  @Override
  protected Network network() {
    return OnlineRules.tanhRnn(3, 5, 2);
  }
}
