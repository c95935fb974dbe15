package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;

/**
 * Least-squares fit of an exponential approach to an asymptote, {@code y(k) = c + a exp(-(k - 1) / tau)}
 * for epochs k = 1, 2, ... of a phase, by Levenberg-Marquardt (Commons Math). {@code tau} is the
 * adaptation time constant in epochs. The time constant is fitted as {@code log tau}, so it stays
 * positive; one longer than the phase's span of epochs is not measurable there (a nearly straight or
 * flat curve drifts towards an infinite tau) and counts as a failed fit.
 */
final class ExponentialFit {

  private static final int MAX_ITERATIONS = 10_000;

  /** {@code y = c + a exp(-(k - 1) exp(-q))}, parameters (c, a, q) with {@code q = log tau}. */
  private static final ParametricUnivariateFunction CURVE = new ParametricUnivariateFunction() {
    @Override
    public double value(double k, double... p) {
      return p[0] + p[1] * Math.exp(-(k - 1) * Math.exp(-p[2]));
    }

    @Override
    public double[] gradient(double k, double... p) {
      double rate = Math.exp(-p[2]);
      double decay = Math.exp(-(k - 1) * rate);
      return new double[] {1, decay, p[1] * decay * (k - 1) * rate};
    }
  };

  private ExponentialFit() {
  }

  /**
   * The fitted {@code tau}, or {@code NaN} when the fit fails, tau exceeds the span of k, or the curve
   * has fewer than four points.
   *
   * @param k epochs within the phase, from 1
   * @param y the values
   * @param guessTau where the search for tau starts (e.g. the epochs to halve / ln 2)
   */
  static double tau(double[] k, double[] y, double guessTau) {
    if (k.length < 4) {
      return Double.NaN;
    }
    List<WeightedObservedPoint> points = new ArrayList<>();
    for (int i = 0; i < k.length; i++) {
      points.add(new WeightedObservedPoint(1, k[i], y[i]));
    }
    double[] start = {y[y.length - 1], y[0] - y[y.length - 1], Math.log(Math.max(guessTau, 0.5))};
    try {
      double[] fitted = SimpleCurveFitter.create(CURVE, start).withMaxIterations(MAX_ITERATIONS).fit(points);
      double tau = Math.exp(fitted[2]);
      return tau <= k[k.length - 1] - k[0] ? tau : Double.NaN;
    } catch (MathIllegalStateException e) {
      return Double.NaN;
    }
  }
}
