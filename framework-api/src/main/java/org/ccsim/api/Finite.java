package org.ccsim.api;

import java.util.List;

/**
 * Cheap checks that training quantities are finite: each is one pass over the values, allocates
 * nothing while they are finite, and throws a {@link DivergenceException} naming the quantity and the
 * episode step when one is NaN or infinite. The host already checks what every rule hands it (outputs,
 * losses, gradients, weights after each optimiser step); a rule calls these where its own state first
 * appears (a synthetic gradient, a TD error, a synthesiser's weights after its optimiser step), so
 * that a divergence is reported where it starts rather than where it spreads to.
 */
public final class Finite {

  private Finite() {
  }

  /**
   * @param quantity what {@code value} is, e.g. {@code "TD error"}
   * @param step the episode step t, or {@link DivergenceException#NO_STEP}
   * @throws DivergenceException if {@code value} is NaN or infinite
   */
  public static void check(String quantity, int step, double value) {
    if (!Double.isFinite(value)) {
      throw new DivergenceException(quantity, step);
    }
  }

  /** Checks every value of {@code values}, as {@link #check(String, int, double)}. */
  public static void check(String quantity, int step, double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new DivergenceException(quantity, step);
      }
    }
  }

  /** Checks every value of every row, e.g. one vector per example of a batch. */
  public static void check(String quantity, int step, double[][] rows) {
    for (double[] row : rows) {
      check(quantity, step, row);
    }
  }

  /**
   * Checks every tensor; the quantity of a tensor that is not finite is {@code kind group/name},
   * e.g. {@code "weight cortex/W_rec"}.
   *
   * @param kind what the tensors hold, e.g. {@code "gradient"} or {@code "weight"}
   */
  public static void check(String kind, int step, List<Tensor> tensors) {
    for (int k = 0; k < tensors.size(); k++) {
      check(kind, step, tensors.get(k));
    }
  }

  /** Checks every tensor of {@code set}, as {@link #check(String, int, List)}. */
  public static void check(String kind, int step, ParameterSet set) {
    for (Tensor t : set.ordered()) {
      check(kind, step, t);
    }
  }

  private static void check(String kind, int step, Tensor tensor) {
    for (double v : tensor.data()) {
      if (!Double.isFinite(v)) {
        throw new DivergenceException(kind + " " + tensor.group() + "/" + tensor.name(), step);
      }
    }
  }
}
