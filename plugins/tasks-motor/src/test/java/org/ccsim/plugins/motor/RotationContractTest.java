package org.ccsim.plugins.motor;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Perturbation;
import org.ccsim.api.Task;
import org.ccsim.testkit.PerturbationContract;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;

/** {@code rotation} passes the perturbation contract on line drawing. */
class RotationContractTest extends PerturbationContract {

  @Override
  protected ComponentType<Perturbation> type() {
    return new RotationType();
  }

  @Override
  protected List<Config> configs() {
    return List.of(TestConfigs.of(type(), "degrees", 45.0));
  }

  @Override
  protected Task task() {
    LineDrawingType lines = new LineDrawingType();
    return lines.create(TestConfigs.of(lines), new TestBuildContext(1));
  }
}
