package org.ccsim.api;

/**
 * A NaN or an infinity appeared in a quantity of training: an output, a loss, a gradient, a weight or
 * a rule's own state (a synthetic gradient, a TD error). Thrown where it is first seen, usually by
 * {@link Finite}; the host then stops that (rule, replicate), records the quantity, the step and the
 * epoch and batch it was training, and finishes every other unit of the run.
 *
 * <p>A rule needs not catch it: the unit stops, so whatever state the rule leaves behind is never
 * used again.
 */
public final class DivergenceException extends RuntimeException {

  /** The step of a quantity that belongs to no single step of an episode. */
  public static final int NO_STEP = -1;

  private final String quantity;
  private final int step;

  /**
   * @param quantity what was not finite, e.g. {@code "output y"}, {@code "gradient cortex/W_rec"},
   *     {@code "synthetic gradient g"}
   * @param step the episode step t (from 0) at which it appeared, or {@link #NO_STEP}
   */
  public DivergenceException(String quantity, int step) {
    super(quantity + " is not finite" + (step == NO_STEP ? "" : " at step " + step));
    this.quantity = quantity;
    this.step = step;
  }

  /** What was not finite. */
  public String quantity() {
    return quantity;
  }

  /** The episode step t (from 0), or {@link #NO_STEP}. */
  public int step() {
    return step;
  }
}
