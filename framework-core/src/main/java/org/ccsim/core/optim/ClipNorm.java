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
 * Gradient-norm clipping as a wrapper around another optimiser, for any parameter group: if the L2
 * norm of the group's gradient ({@code clip-norm}), or of each of its tensors on its own
 * ({@code clip-tensor-norm}), exceeds {@code maxNorm}, it is scaled to that norm; then the wrapped
 * optimiser applies the gradient.
 */
public final class ClipNorm implements Optimiser {

  /** The component type {@code clip-norm}: one norm over the whole group. */
  public static final class Type extends ClipType {
    public Type() {
      super("clip-norm", false);
    }
  }

  /** The component type {@code clip-tensor-norm}: each tensor of the group clipped on its own. */
  public static final class PerTensorType extends ClipType {
    public PerTensorType() {
      super("clip-tensor-norm", true);
    }
  }

  /** What the two clipping types share: their parameters, and the wrapper they build. */
  private abstract static class ClipType implements OptimiserType {
    private final String id;
    private final boolean perTensor;

    ClipType(String id, boolean perTensor) {
      this.id = id;
      this.perTensor = perTensor;
    }

    @Override
    public String id() {
      return id;
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

  private final double maxNorm;
  private final boolean perTensor;
  private final Optimiser inner;

  /** {@code clip-norm}: one norm over the whole group. */
  public ClipNorm(double maxNorm, Optimiser inner) {
    this(maxNorm, false, inner);
  }

  /** @param perTensor clip each tensor on its own ({@code clip-tensor-norm}) rather than the group as a whole */
  public ClipNorm(double maxNorm, boolean perTensor, Optimiser inner) {
    this.maxNorm = maxNorm;
    this.perTensor = perTensor;
    this.inner = inner;
  }


  @Override
  public int stateValuesPerParameter() {
    return inner.stateValuesPerParameter();
  }
  @Override
  public void step(List<Tensor> params, List<Tensor> grads) {
    if (perTensor) {
      for (Tensor g : grads) {
        clipJointly(List.of(g), maxNorm);
      }
    } else {
      clipJointly(grads, maxNorm);
    }
    inner.step(params, grads);
  }

  /**
   * Scales every tensor of {@code grads} by one factor, if their joint L2 norm is above
   * {@code maxNorm}, to that norm (squares summed tensor by tensor, in order).
   */
  public static void clipJointly(List<Tensor> grads, double maxNorm) {
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
