package org.ccsim.core.report;

import java.util.Locale;

/**
 * Numbers as people read them in report tables: four significant digits, three for p-values, and
 * an en dash where a value is undefined (NaN). The CSV files keep exact values instead.
 */
final class ReadableNumbers {

  /** What an undefined value is shown as. */
  static final String UNDEFINED = "–";

  private ReadableNumbers() {
  }

  /** Four significant digits, e.g. {@code 0.004084} or {@code 107.0}. */
  static String readable(double v) {
    return Double.isNaN(v) ? UNDEFINED : String.format(Locale.ROOT, "%.4g", v);
  }

  /** Three significant digits, for p-values. */
  static String probability(double p) {
    return Double.isNaN(p) ? UNDEFINED : String.format(Locale.ROOT, "%.3g", p);
  }

  /** The 95 % interval of a comparison, e.g. {@code [0.3205, 4.065]}. */
  static String interval(Comparison c) {
    return Double.isNaN(c.ciLow()) ? UNDEFINED : "[" + readable(c.ciLow()) + ", " + readable(c.ciHigh()) + "]";
  }
}
