package org.ccsim.plugins.sequence;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Task;
import org.ccsim.testkit.TaskContract;
import org.ccsim.testkit.TestConfigs;

/** {@code copy-repeat} passes the task contract: the reference's defaults, one longer stage, ranges (padded episodes) and a curriculum. */
class CopyRepeatContractTest extends TaskContract {

  @Override
  protected ComponentType<Task> type() {
    return new CopyRepeatType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()),
        TestConfigs.of(type(), "minLength", 3, "maxLength", 3, "minRepeats", 2, "maxRepeats", 2),
        TestConfigs.of(type(), "bits", 3, "minLength", 1, "maxLength", 4, "minRepeats", 1, "maxRepeats", 3,
            "repeatScale", 3.0),
        TestConfigs.of(type(), "bits", 2, "maxLength", 3, "maxRepeats", 2, "curriculum", true));
  }
}
