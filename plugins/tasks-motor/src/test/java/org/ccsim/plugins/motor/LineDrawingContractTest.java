package org.ccsim.plugins.motor;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Task;
import org.ccsim.testkit.TaskContract;
import org.ccsim.testkit.TestConfigs;

/** {@code line-drawing} passes the task contract, one-hot and binary cues, with noise and a stay class. */
class LineDrawingContractTest extends TaskContract {

  @Override
  protected ComponentType<Task> type() {
    return new LineDrawingType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type()),
        TestConfigs.of(type(), "cue", "binary", "stayClass", true, "inputNoise", 0.1, "targetEvery", 3),
        TestConfigs.of(type(), "cue", "scalar", "stayClass", true, "timing", "ccdni", "targetEvery", 2));
  }
}
