package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.api.OptimiserType;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Tensor;

/**
 * Gradient-norm clipping as a wrapper: if the global L2 norm of a group's gradient exceeds
 * {@code maxNorm}, the gradient is scaled to that norm, then handed to the wrapped optimiser.
 */
public final class ClipNorm implements Optimiser {

  /** The component type {@code clip-norm}. */
  public static final class Type implements OptimiserType {

    @Override
    public String id() {
      return "clip-norm";
    }

    @Override
    public String description() {
      return "rescales the group's gradient to at most maxNorm (global L2), then applies the wrapped optimiser";
    }

    @Override
    public List<Param> parameters() {
      return List.of(
          Param.real("maxNorm", 1.0, Range.greaterThan(0), "largest allowed L2 norm of the group's gradient"),
          Param.component("optimiser", Optimiser.class, "adam", "the optimiser that applies the clipped gradient"));
    }

    @Override
    public Optimiser create(Config config, BuildContext context) {
      return new ClipNorm(config.real("maxNorm"), context.create(Optimiser.class, config.component("optimiser")));
    }
  }

  private final double maxNorm;
  private final Optimiser inner;

  public ClipNorm(double maxNorm, Optimiser inner) {
    this.maxNorm = maxNorm;
    this.inner = inner;
  }

  @Override
  public void step(List<Tensor> params, List<Tensor> grads) {
    double squares = 0;
    for (Tensor g : grads) {
      for (double v : g.data()) {
        squares += v * v;
      }
    }
    double norm = Math.sqrt(squares);
    if (norm > maxNorm) {
      double scale = maxNorm / norm;
      for (Tensor g : grads) {
        double[] data = g.data();
        for (int i = 0; i < data.length; i++) {
          data[i] *= scale;
        }
      }
    }
    inner.step(params, grads);
  }

  /** Clipping keeps nothing: the wrapped optimiser's state is the whole state. */
  @Override
  public void saveState(Snapshot into) {
    inner.saveState(into);
  }

  @Override
  public void restoreState(Snapshot from) {
    inner.restoreState(from);
  }
}
