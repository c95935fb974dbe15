package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.api.OptimiserType;
import org.ccsim.api.Param;
import org.ccsim.api.Range;

/** The component type {@code adam}: {@link Adam}. */
public final class AdamType implements OptimiserType {

  @Override
  public String id() {
    return "adam";
  }

  @Override
  public String description() {
    return "Adam (Kingma & Ba 2015) with bias-corrected first and second moments";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.real("learningRate", 1e-3, Range.atLeast(0), "step size eta; 0 freezes the group"),
        Param.real("beta1", 0.9, new Range(0, true, 1, false), "decay b1 of the first-moment average"),
        Param.real("beta2", 0.999, new Range(0, true, 1, false), "decay b2 of the second-moment average"),
        Param.real("eps", 1e-8, Range.greaterThan(0), "eps added to sqrt(v) in the denominator"));
  }

  @Override
  public Optimiser create(Config config, BuildContext context) {
    return new Adam(config.real("learningRate"), config.real("beta1"), config.real("beta2"), config.real("eps"));
  }
}
