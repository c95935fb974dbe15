package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.api.OptimiserType;
import org.ccsim.api.Param;
import org.ccsim.api.Range;

/**
 * The component types of {@link ClipNorm}: {@code clip-norm} (one norm over the whole group) and
 * {@code clip-tensor-norm} (each tensor of the group clipped on its own).
 */
public final class ClipNormType implements OptimiserType {

  private final boolean perTensor;

  /** @param perTensor {@code clip-tensor-norm} if true, else {@code clip-norm} */
  public ClipNormType(boolean perTensor) {
    this.perTensor = perTensor;
  }

  @Override
  public String id() {
    return perTensor ? "clip-tensor-norm" : "clip-norm";
  }

  @Override
  public String description() {
    return "rescales " + (perTensor ? "each tensor of the group's gradient" : "the group's gradient (global L2)")
        + " to at most maxNorm, then applies the wrapped optimiser";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.real("maxNorm", 1.0, Range.greaterThan(0), "largest allowed L2 norm of "
            + (perTensor ? "each tensor of the group's gradient" : "the group's gradient")),
        Param.component("optimiser", Optimiser.class, "adam", "the optimiser that applies the clipped gradient"));
  }

  @Override
  public Optimiser create(Config config, BuildContext context) {
    return new ClipNorm(config.real("maxNorm"), perTensor, context.create(Optimiser.class, config.component("optimiser")));
  }
}
