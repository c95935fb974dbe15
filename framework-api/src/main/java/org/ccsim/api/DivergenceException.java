package org.ccsim.api;

/**
 * A NaN or an infinity appeared in a quantity of training: an output, a loss, a gradient, a weight or
 * a rule's own state (a synthetic gradient, a TD error); or the loss exploded, finite but far above
 * where it started (the host's check, {@code training.lossExplosion}). Thrown where it is first seen,
 * usually by {@link Finite}; the host then stops that (rule, replicate), records the quantity, the
 * step and the epoch and batch it was training, and finishes every other unit of the run.
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
    this(quantity, step, quantity + " is not finite" + (step == NO_STEP ? "" : " at step " + step));
  }

  private DivergenceException(String quantity, int step, String message) {
    super(message);
    this.quantity = quantity;
    this.step = step;
  }

  /**
   * A finite quantity that grew past a bound: {@code quantity} says what and how far, e.g.
   * {@code "loss 3.1e+12 (over 1e+06 × the first batch's 4.2)"}; it belongs to no single step.
   */
  public static DivergenceException exploded(String quantity) {
    return new DivergenceException(quantity, NO_STEP, quantity + " exploded");
  }

  /** What was not finite, or what exploded and how far. */
  public String quantity() {
    return quantity;
  }

  /** The episode step t (from 0), or {@link #NO_STEP}. */
  public int step() {
    return step;
  }
}
