package org.ccsim.core.report;

/** How the cells of a {@link Column} line up: text to the left, numbers to the right. */
public enum Alignment {
  /** Left-aligned: names, labels and intervals. */
  TEXT,
  /** Right-aligned, with digits of equal width where the renderer can ask for them. */
  NUMBER
}
