package org.ccsim.plugins.plants;

import java.util.List;
import java.util.Locale;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Param;
import org.ccsim.api.Plant;
import org.ccsim.api.PlantType;
import org.ccsim.api.Range;
import org.pf4j.Extension;

/** The component {@code point-mass}: {@link PointMass}. */
@Extension
public final class PointMassType implements PlantType {

  @Override
  public String id() {
    return "point-mass";
  }

  @Override
  public String description() {
    return "a 2-D point mass pushed by forces, m dv/dt = u - b v; state [x, y, vx, vy] (m, m/s), command [fx, fy] (N)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.real("mass", 1.0, Range.greaterThan(0), "mass m (kg)"),
        Param.real("viscosity", 0.0, Range.atLeast(0), "viscosity b (N s/m): the force -b v"),
        Param.real("dt", 0.01, Range.greaterThan(0), "the time of one step (s)"),
        Param.choice("integration", "semi-implicit", List.of("semi-implicit", "euler"),
            "semi-implicit: velocity first, then position from the new velocity; euler: both from the old state"));
  }

  @Override
  public Plant create(Config config, BuildContext context) {
    return new PointMass(config.real("mass"), config.real("viscosity"), config.real("dt"),
        PointMass.Integration.valueOf(config.string("integration").replace('-', '_').toUpperCase(Locale.ROOT)));
  }
}
