package org.ccsim.plugins.sequence;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Task;
import org.ccsim.testkit.TaskContract;
import org.ccsim.testkit.TestConfigs;

/** {@code add} passes the task contract, with its defaults and with short lags. */
class AddTaskContractTest extends TaskContract {

  @Override
  protected ComponentType<Task> type() {
    return new AddTaskType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()), TestConfigs.of(type(), "length", 6, "firstLag", 1, "secondLag", 2));
  }
}
