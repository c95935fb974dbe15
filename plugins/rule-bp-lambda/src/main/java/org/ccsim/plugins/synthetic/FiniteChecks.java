package org.ccsim.plugins.synthetic;

/**
 * The names under which the synthetic-gradient rules check their own quantities to be finite
 * ({@link org.ccsim.api.Finite}), beyond what the host checks (outputs, losses, and the gradients and
 * weights of every group it trains, the synthesiser's included).
 */
public final class FiniteChecks {

  /** The synthetic gradient {@code g_t} (as injected, {@code s g}, in n-step DNI). */
  public static final String SYNTHETIC_GRADIENT = "synthetic gradient g";
  /** The TD error {@code delta}, through the mean of its norms over the batch. */
  public static final String TD_ERROR = "TD error delta";

  private FiniteChecks() {
  }
}
