package org.ccsim.plugins.plants;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Plant;
import org.ccsim.testkit.PlantContract;
import org.ccsim.testkit.TestConfigs;

/** The contract on the arm, also with its joints at and beyond their limits and moving fast. */
class TwoJointArmContractTest extends PlantContract {

  @Override
  protected ComponentType<Plant> type() {
    return new TwoJointArmType();
  }

  @Override
  protected List<Config> configs() {
    TwoJointArmType type = new TwoJointArmType();
    return List.of(TestConfigs.of(type), TestConfigs.of(type, "viscosity", 0.2, "shoulder", 0.02, "elbow", 2.68),
        TestConfigs.of(type, "limitStiffness", 200.0, "limitWidth", 0.2, "shoulder", 2.3, "elbow", 0.1, "tau", 0.02));
  }

  /** Angles within 0.3 rad of the start (across a limit when the start is near one), speeds up to 3 rad/s. */
  @Override
  protected double[] state(Plant plant, RandomGenerator random) {
    double[] p = super.state(plant, random);
    p[2] = random.nextDouble(-3, 3);
    p[3] = random.nextDouble(-3, 3);
    return p;
  }
}
