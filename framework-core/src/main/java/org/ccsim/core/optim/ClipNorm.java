package org.ccsim.core.optim;

import java.util.List;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Tensor;

/**
 * Gradient-norm clipping as a wrapper around another optimiser, for any parameter group: if the L2
 * norm of the group's gradient ({@code clip-norm}), or of each of its tensors on its own
 * ({@code clip-tensor-norm}), exceeds {@code maxNorm}, it is scaled to that norm; then the wrapped
 * optimiser applies the gradient.
 */
public final class ClipNorm implements Optimiser {

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
