package org.ccsim.plugins.motor;

/**
 * What the environment does to the produced output before the error is computed, step by step: an
 * affine map {@code y' = A_t y + b_t} (a rotation, a gain, added motor noise...). The episode's loss
 * is {@code l_t(y) = l_t^base(y')}, so its gradient is {@code A_t^T dl_t^base/dy'}.
 */
interface OutputMap {

  /** Writes {@code y' = A_t y + b_t} into {@code out}. */
  void apply(int t, double[] y, double[] out);

  /** Writes {@code A_t^T g} into {@code out}: a gradient with respect to y' pulled back to y. */
  void pullBack(int t, double[] g, double[] out);
}
