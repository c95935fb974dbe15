package org.ccsim.core.report;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaturalRanking;

/**
 * One value per replicate, summarised over replicates with Commons Math: mean, sd and 95 %
 * t-interval, and paired tests against a reference rule on the same replicates: mean difference,
 * Cohen's {@code d_z}, the paired t-test, and the Wilcoxon signed-rank test with its matched-pairs
 * rank-biserial correlation {@code r = (W+ - W-) / (W+ + W-)} (Kerby 2014), where the ranks are
 * those of {@code |x - y|} (ties averaged) and a zero difference counts towards {@code W-}, as in
 * Commons Math's statistic. Undefined values ({@code NaN}, e.g. a failed fit) are left out: the own
 * statistics use the replicates with a value, the paired ones the replicates where both rules have one.
 *
 * @param n replicates with a value
 * @param sd sample standard deviation ({@code NaN} below two replicates)
 * @param ciLow lower end of the 95 % t-interval of the mean
 * @param ciHigh upper end
 * @param pairs replicates in the paired statistics
 * @param difference mean paired difference, this minus the reference; {@code NaN} without a reference
 * @param effectSize Cohen's d_z: mean / sd of the paired differences
 * @param pT two-sided paired t-test
 * @param pWilcoxon two-sided Wilcoxon signed-rank test, exact up to 30 pairs, else the normal approximation
 * @param rankBiserial the Wilcoxon test's effect size, in [-1, 1]; positive when this rule's values are larger
 */
public record Comparison(int n, double mean, double sd, double ciLow, double ciHigh, int pairs, double difference,
    double effectSize, double pT, double pWilcoxon, double rankBiserial) {

  /**
   * Absolute accuracy of the t quantile. Commons Math's default (1e-9) leaves the interval wrong
   * from the tenth digit, yet summary.csv prints it with every digit.
   */
  private static final double QUANTILE_ACCURACY = 1e-12;
  private static final int MAX_EXACT_PAIRS = 30;

  /**
   * @param values replicate to value
   * @param reference the reference rule's replicate to value, or {@code null} for none; the paired
   *     statistics are {@code NaN} below two pairs or when the differences do not vary
   */
  public static Comparison of(Map<Integer, Double> values, Map<Integer, Double> reference) {
    double[] own = values.values().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
    int n = own.length;
    double mean = n > 0 ? StatUtils.mean(own) : Double.NaN;
    double sd = n > 1 ? Math.sqrt(StatUtils.variance(own)) : Double.NaN;
    double half = halfWidth(sd, n);
    List<Integer> paired = reference == null ? List.of() : values.keySet().stream()
        .filter(r -> Double.isFinite(values.get(r)) && reference.containsKey(r) && Double.isFinite(reference.get(r)))
        .toList();
    double[] x = paired.stream().mapToDouble(values::get).toArray();
    double[] y = paired.stream().mapToDouble(r -> reference.get(r)).toArray();
    double[] diff = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      diff[i] = x[i] - y[i];
    }
    double difference = x.length > 0 ? StatUtils.mean(diff) : Double.NaN;
    double sdDiff = x.length > 1 ? Math.sqrt(StatUtils.variance(diff)) : Double.NaN;
    boolean testable = sdDiff > 0;
    return new Comparison(n, mean, sd, mean - half, mean + half, x.length, difference,
        testable ? difference / sdDiff : Double.NaN,
        testable ? new TTest().pairedTTest(x, y) : Double.NaN,
        testable ? wilcoxon(x, y) : Double.NaN,
        testable ? rankBiserial(diff) : Double.NaN);
  }

  /**
   * Two-sided Wilcoxon signed-rank p. Commons Math 3.6.1 doubles the exact one-sided tail without
   * capping it, which exceeds 1 when the statistic sits at the centre of its distribution (e.g.
   * differences 1, -1, 2, -2 give 2 * 9/16); a two-sided p is at most 1.
   */
  private static double wilcoxon(double[] x, double[] y) {
    return Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, x.length <= MAX_EXACT_PAIRS));
  }

  private static double rankBiserial(double[] diff) {
    double[] magnitude = new double[diff.length];
    for (int i = 0; i < diff.length; i++) {
      magnitude[i] = Math.abs(diff[i]);
    }
    double[] ranks = new NaturalRanking().rank(magnitude);
    double total = diff.length * (diff.length + 1) / 2.0;
    double plus = 0;
    for (int i = 0; i < diff.length; i++) {
      plus += diff[i] > 0 ? ranks[i] : 0;
    }
    return (plus - (total - plus)) / total;
  }

  /** Half-width of the 95 % t-interval of a mean; {@code NaN} below two replicates. */
  static double halfWidth(double sd, int n) {
    if (n < 2) {
      return Double.NaN;
    }
    return new TDistribution(null, n - 1, QUANTILE_ACCURACY).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
  }
}
