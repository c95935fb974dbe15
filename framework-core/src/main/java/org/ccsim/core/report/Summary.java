package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ccsim.core.results.MetricRow;

/**
 * Computes {@link SummaryRow}s from metric rows: for every metric, rule and phase, the final value
 * of the phase per replicate, summarised and compared with the first rule that records the metric,
 * on the same replicates ({@link Comparison}).
 */
public final class Summary {

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
    double start = starts.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new SummaryRow(metric, rule, phase, start, Comparison.of(finals, firstRule));
  }
}
