package org.ccsim.plugins.plants;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Plant;
import org.ccsim.testkit.PlantContract;
import org.ccsim.testkit.TestConfigs;

class PointMassContractTest extends PlantContract {

  @Override
  protected ComponentType<Plant> type() {
    return new PointMassType();
  }

  @Override
  protected List<Config> configs() {
    PointMassType type = new PointMassType();
    return List.of(TestConfigs.of(type), TestConfigs.of(type, "integration", "euler", "viscosity", 0.7, "mass", 2.5),
        TestConfigs.of(type, "viscosity", 3.0, "dt", 0.05));
  }
}
