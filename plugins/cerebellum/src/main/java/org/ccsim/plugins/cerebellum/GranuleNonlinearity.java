package org.ccsim.plugins.cerebellum;

/**
 * The granule cells' output {@code z = phi(a)} of their input {@code a = W_mg h + b_g}
 * (ALGORITHMS §4). With the bias, both set the threshold at {@code a = 0}, i.e. at
 * {@code W_mg h = -b_g}.
 */
enum GranuleNonlinearity {

  /** {@code z = max(0, a)}: a rate above threshold; {@code phi'(a) = 1} for {@code a > 0}. */
  RELU {
    @Override
    double apply(double a) {
      return Math.max(0, a);
    }
  },

  /**
   * {@code z = 1} if {@code a > 0}, else 0: a binary cell (Marr 1969; Albus 1971). Its derivative is
   * zero almost everywhere, so no gradient reaches the mossy-fibre weights through it.
   */
  THRESHOLD {
    @Override
    double apply(double a) {
      return a > 0 ? 1 : 0;
    }
  };

  abstract double apply(double a);

  /** The scenario's name. */
  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
