package org.ccsim.plugins.cerebellum;

import java.util.random.RandomGenerator;

/**
 * Which mossy fibres (cortical units) reach each granule cell: exactly f distinct fibres per cell,
 * drawn uniformly (ALGORITHMS §4). Every other mossy-fibre weight is structurally zero: the
 * cerebellum never reads it, so it gets no gradient and stays zero.
 */
final class MossyFibres {

  private final int fibres;
  private final int[][] inputs;

  private MossyFibres(int fibres, int[][] inputs) {
    this.fibres = fibres;
    this.inputs = inputs;
  }

  /**
   * Draws f distinct fibres out of n for each of {@code cells} granule cells (a partial
   * Fisher-Yates shuffle per cell), in increasing order.
   */
  static MossyFibres draw(int cells, int n, int f, RandomGenerator random) {
    if (f < 1 || f > n) {
      throw new IllegalArgumentException("a fan-in of " + f + " out of " + n + " mossy fibres");
    }
    int[][] inputs = new int[cells][];
    int[] pool = new int[n];
    for (int c = 0; c < cells; c++) {
      for (int j = 0; j < n; j++) {
        pool[j] = j;
      }
      for (int k = 0; k < f; k++) {
        int pick = k + random.nextInt(n - k);
        int chosen = pool[pick];
        pool[pick] = pool[k];
        pool[k] = chosen;
      }
      inputs[c] = java.util.Arrays.copyOf(pool, f);
      java.util.Arrays.sort(inputs[c]);
    }
    return new MossyFibres(n, inputs);
  }

  /** n, the number of mossy fibres. */
  int fibres() {
    return fibres;
  }

  /** N_gc, the number of granule cells. */
  int cells() {
    return inputs.length;
  }

  /** The fibres reaching granule cell c, in increasing order (not copied: do not change). */
  int[] of(int c) {
    return inputs[c];
  }

  /** Whether fibre j reaches granule cell c. */
  boolean connects(int c, int j) {
    return java.util.Arrays.binarySearch(inputs[c], j) >= 0;
  }
}
