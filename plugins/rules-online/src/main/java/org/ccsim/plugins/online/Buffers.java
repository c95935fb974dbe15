package org.ccsim.plugins.online;

import java.util.Arrays;

/** Per-example buffers kept from batch to batch, so that training allocates nothing in steady state. */
final class Buffers {

  private Buffers() {
  }

  /**
   * {@code examples} zeroed rows of {@code width} values: the rows of {@code kept} when there are
   * enough of them, fresh ones otherwise.
   */
  static double[][] zeroed(double[][] kept, int examples, int width) {
    double[][] rows = kept.length >= examples ? kept : Arrays.copyOf(kept, examples);
    for (int b = 0; b < examples; b++) {
      if (rows[b] == null) {
        rows[b] = new double[width];
      } else {
        Arrays.fill(rows[b], 0.0);
      }
    }
    return rows;
  }
}
