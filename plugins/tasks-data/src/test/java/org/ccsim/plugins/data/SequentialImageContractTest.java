package org.ccsim.plugins.data;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Task;
import org.ccsim.testkit.TaskContract;
import org.ccsim.testkit.TestConfigs;

/** {@code sequential-image} on the real Fashion-MNIST files passes the task contract, by rows and by 7 x 16 chunks. */
class SequentialImageContractTest extends TaskContract {

  @Override
  protected ComponentType<Task> type() {
    return new SequentialImageType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type(), "trainExamples", 200, "testExamples", 100),
        TestConfigs.of(type(), "pixelsPerStep", 112, "trainExamples", 50, "testExamples", 50));
  }
}
