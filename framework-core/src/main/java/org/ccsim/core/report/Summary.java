package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.ccsim.core.results.MetricRow;

/**
 * Computes {@link SummaryRow}s from metric rows with Commons Math: for every metric, rule and phase,
 * the final value of the phase per replicate, its mean, sd and 95 % t-interval, and a paired
 * t-test of each rule against the first rule that records the metric, on the same replicates.
 */
public final class Summary {

  /**
   * Absolute accuracy of the t quantile. Commons Math's default (1e-9) leaves the interval wrong
   * from the tenth digit, yet summary.csv prints it with every digit.
   */
  private static final double QUANTILE_ACCURACY = 1e-12;

  private Summary() {
  }

  /** Rules, phases and metrics in order of first appearance in {@code rows}. */
  public static List<String> ordered(List<MetricRow> rows, Function<MetricRow, String> field) {
    return List.copyOf(rows.stream().map(field).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
  }

  /** The summary, ordered by metric, phase, then rule. */
  public static List<SummaryRow> of(List<MetricRow> rows) {
    List<SummaryRow> summary = new ArrayList<>();
    for (String metric : ordered(rows, MetricRow::metric)) {
      // the first rule that records this metric is the reference of its paired tests
      List<String> rules = ordered(rows.stream().filter(r -> r.metric().equals(metric)).toList(), MetricRow::rule);
      for (String phase : ordered(rows, MetricRow::phase)) {
        Map<Integer, Double> firstRuleFinals = finals(rows, metric, rules.get(0), phase, true);
        for (String rule : rules) {
          Map<Integer, Double> finals = finals(rows, metric, rule, phase, true);
          if (!finals.isEmpty()) {
            summary.add(row(metric, rule, phase, finals, finals(rows, metric, rule, phase, false),
                rule.equals(rules.get(0)) ? null : firstRuleFinals));
          }
        }
      }
    }
    return summary;
  }

  /** Replicate to the last (or first) value recorded in the phase. */
  private static Map<Integer, Double> finals(List<MetricRow> rows, String metric, String rule, String phase,
      boolean last) {
    Map<Integer, MetricRow> chosen = new TreeMap<>();
    for (MetricRow r : rows) {
      if (r.metric().equals(metric) && r.rule().equals(rule) && r.phase().equals(phase)) {
        chosen.merge(r.replicate(), r, (a, b) -> (b.epoch() > a.epoch()) == last ? b : a);
      }
    }
    Map<Integer, Double> values = new TreeMap<>();
    chosen.forEach((replicate, r) -> values.put(replicate, r.value()));
    return values;
  }

  private static SummaryRow row(String metric, String rule, String phase, Map<Integer, Double> finals,
      Map<Integer, Double> starts, Map<Integer, Double> firstRule) {
    double[] x = finals.values().stream().mapToDouble(Double::doubleValue).toArray();
    int n = x.length;
    double mean = StatUtils.mean(x);
    double sd = n > 1 ? Math.sqrt(StatUtils.variance(x)) : Double.NaN;
    double half = halfWidth(sd, n);
    double difference = Double.NaN;
    double effect = Double.NaN;
    double p = Double.NaN;
    if (firstRule != null && firstRule.keySet().equals(finals.keySet())) {
      double[] y = firstRule.values().stream().mapToDouble(Double::doubleValue).toArray();
      double[] diff = new double[n];
      for (int i = 0; i < n; i++) {
        diff[i] = x[i] - y[i];
      }
      difference = StatUtils.mean(diff);
      double sdDiff = n > 1 ? Math.sqrt(StatUtils.variance(diff)) : Double.NaN;
      effect = sdDiff > 0 ? difference / sdDiff : Double.NaN;
      p = sdDiff > 0 ? new TTest().pairedTTest(x, y) : Double.NaN;
    }
    double start = starts.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new SummaryRow(metric, rule, phase, n, start, mean, sd, mean - half, mean + half, difference, effect, p);
  }

  /** Half-width of the 95 % t-interval of a mean; {@code NaN} below two replicates. */
  static double halfWidth(double sd, int n) {
    if (n < 2) {
      return Double.NaN;
    }
    return new TDistribution(null, n - 1, QUANTILE_ACCURACY).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
  }
}
