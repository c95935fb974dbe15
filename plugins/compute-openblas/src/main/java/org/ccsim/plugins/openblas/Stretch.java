package org.ccsim.plugins.openblas;

/**
 * The stretch of a flat row-major array that a matrix of {@code rows x columns} with leading
 * dimension {@code lead} occupies from its offset: {@code (rows - 1) lead + columns} values.
 * {@link #stride()} is the leading dimension to hand CBLAS, which insists on at least
 * {@code max(1, columns)} even where a single row makes it irrelevant.
 */
record Stretch(int rows, int columns, int lead) {

  int length() {
    return rows == 0 ? 0 : (rows - 1) * lead + columns;
  }

  int stride() {
    return rows <= 1 ? Math.max(1, Math.max(lead, columns)) : lead;
  }

  /** Whether the rows follow each other without gaps, so the stretch is one block. */
  boolean contiguous() {
    return rows <= 1 || lead == columns;
  }
}
