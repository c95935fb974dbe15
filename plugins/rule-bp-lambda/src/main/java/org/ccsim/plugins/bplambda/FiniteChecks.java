package org.ccsim.plugins.bplambda;

import java.util.List;
import org.ccsim.api.Finite;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Tensor;

/**
 * What the synthetic-gradient rules check to be finite beyond what the host checks ({@link Finite}):
 * the names of their own quantities, and the synthesiser's optimiser step, checked as the host checks
 * the cortex's (the gradient before, the weights after).
 */
final class FiniteChecks {

  /** The synthetic gradient {@code g_t} (as injected, {@code s g}, in n-step DNI). */
  static final String SYNTHETIC_GRADIENT = "synthetic gradient g";
  /** The TD error {@code delta}, through the mean of its norms over the batch. */
  static final String TD_ERROR = "TD error delta";

  private FiniteChecks() {
  }

  /**
   * Steps {@code optimiser}.
   *
   * @param step the episode step the update is charged to (its last step for an update per batch)
   * @throws org.ccsim.api.DivergenceException naming {@code gradient synthesiser/NAME} or
   *     {@code weight synthesiser/NAME}
   */
  static void step(Optimiser optimiser, List<Tensor> weights, List<Tensor> gradient, int step) {
    Finite.check("gradient", step, gradient);
    optimiser.step(weights, gradient);
    Finite.check("weight", step, weights);
  }
}
