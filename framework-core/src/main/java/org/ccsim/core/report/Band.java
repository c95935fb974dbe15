package org.ccsim.core.report;

import org.apache.commons.math3.stat.StatUtils;

/**
 * The line and band a learning curve draws at one epoch from the values of its replicates: the
 * mean with its 95 % t-interval ({@link Comparison#halfWidth}), either of the values or of their
 * logarithms.
 *
 * <p>On a log axis the arithmetic interval {@code mean ± t sd / sqrt(n)} often reaches below zero
 * (a few replicates far above the others), where a log axis has no place to draw it. The geometric
 * band is the same interval computed on {@code log v} and mapped back: centre
 * {@code exp(mean(log v))}, the geometric mean, and edges {@code exp(mean(log v) ± t sd(log v) / sqrt(n))},
 * so it is always positive, and symmetric on the log axis it is drawn on. It treats the values as
 * log-normal, which losses spread over orders of magnitude are closer to than normal.
 *
 * @param centre the mean (arithmetic or geometric)
 * @param low the lower edge of the band; the centre when a single replicate leaves no interval
 * @param high the upper edge
 */
record Band(double centre, double low, double high) {

  /** The arithmetic mean and its t-interval. */
  static Band arithmetic(double[] values) {
    double mean = StatUtils.mean(values);
    double half = halfWidth(values);
    return new Band(mean, mean - half, mean + half);
  }

  /** The geometric mean and the t-interval of the mean of the logarithms, mapped back; values must be positive. */
  static Band geometric(double[] values) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      logs[i] = Math.log(values[i]);
    }
    double mean = StatUtils.mean(logs);
    double half = halfWidth(logs);
    return new Band(Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half));
  }

  /** The half-width of the 95 % t-interval of the mean; 0 for a single value. */
  private static double halfWidth(double[] values) {
    return values.length > 1 ? Comparison.halfWidth(Math.sqrt(StatUtils.variance(values)), values.length) : 0;
  }
}
