package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.api.OptimiserType;
import org.ccsim.api.Param;
import org.ccsim.api.Range;

/** The component type {@code sgd}: {@link Sgd}. */
public final class SgdType implements OptimiserType {

  @Override
  public String id() {
    return "sgd";
  }

  @Override
  public String description() {
    return "stochastic gradient descent, Psi <- Psi - learningRate * gradient";
  }

  @Override
  public List<Param> parameters() {
    return List.of(Param.real("learningRate", 0.01, Range.atLeast(0), "step size eta; 0 freezes the group"));
  }

  @Override
  public Optimiser create(Config config, BuildContext context) {
    return new Sgd(config.real("learningRate"));
  }
}
