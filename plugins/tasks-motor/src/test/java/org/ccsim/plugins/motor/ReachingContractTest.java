package org.ccsim.plugins.motor;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Task;
import org.ccsim.testkit.TaskContract;
import org.ccsim.testkit.TestConfigs;

/** {@code reaching} passes the task contract: discrete and continuous directions, both cues and profiles. */
class ReachingContractTest extends TaskContract {

  @Override
  protected ComponentType<Task> type() {
    return new ReachingType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()),
        TestConfigs.of(type(), "directions", "continuous", "cue", "direction", "profile", "linear", "cueSteps", 3,
            "lastStepOnly", true));
  }
}
