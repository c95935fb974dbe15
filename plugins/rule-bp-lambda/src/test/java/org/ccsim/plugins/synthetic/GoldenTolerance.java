package org.ccsim.plugins.synthetic;

/**
 * How closely ccsim must reproduce a golden trajectory (ALGORITHMS §6.5; {@code golden/README.md}:
 * relative error at most 1e-9), with a floor for entries that are zero up to rounding.
 */
final class GoldenTolerance {

  static final double RELATIVE = 1e-9;
  static final double ABSOLUTE = 1e-13;

  private GoldenTolerance() {
  }

  /** Asserts that {@code actual} reproduces the recorded {@code expected}; {@code what} names the quantity. */
  static void close(double[] expected, double[] actual, String what) {
    Numerics.assertClose(expected, actual, RELATIVE, ABSOLUTE, what);
  }
}
