package org.ccsim.api;

import java.util.List;

/**
 * Applies gradients to the tensors of one parameter group (SGD, Adam, a clipping wrapper...).
 * An instance belongs to one group of one (rule, replicate) and keeps its state (moments, step
 * count) for those tensors, and saves and restores it for checkpoints ({@link Stateful}).
 *
 * <p>Call order: {@link #step} any number of times, always with the same tensors in the same order.
 * The gradient tensors belong to the optimiser during the call and may be overwritten (a clipping
 * wrapper rescales them in place); callers clear or refill them before reuse.
 */
public interface Optimiser extends Stateful {

  /** Descends: moves each of {@code params} against its gradient in {@code grads}. */
  void step(List<Tensor> params, List<Tensor> grads);

  /**
   * How many doubles of state it keeps per parameter value it steps (Adam: two moments; plain SGD:
   * none), so that the host reserves that memory for its group before the first step
   * ({@link BuildContext#reserveMemory}).
   */
  default int stateValuesPerParameter() {
    return 0;
  }
}
