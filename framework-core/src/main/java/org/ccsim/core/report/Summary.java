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
    Map<String, List<MetricRow>> byMetric = Grouping.byKey(rows, MetricRow::metric);
    List<String> phases = ordered(rows, MetricRow::phase);
    for (Map.Entry<String, List<MetricRow>> metricRows : byMetric.entrySet()) {
      String metric = metricRows.getKey();
      // the first rule that records this metric is the reference of its paired tests
      List<String> rules = ordered(metricRows.getValue(), MetricRow::rule);
      Map<String, List<MetricRow>> unitPhases = Grouping.byKey(metricRows.getValue(), r -> r.rule() + "\n" + r.phase());
      for (String phase : phases) {
        List<MetricRow> firstRule = unitPhases.getOrDefault(rules.get(0) + "\n" + phase, List.of());
        Map<Integer, Double> firstRuleFinals = finals(firstRule, true);
        for (String rule : rules) {
          List<MetricRow> own = unitPhases.getOrDefault(rule + "\n" + phase, List.of());
          Map<Integer, Double> finals = finals(own, true);
          if (!finals.isEmpty()) {
            summary.add(row(metric, rule, phase, finals, finals(own, false),
                rule.equals(rules.get(0)) ? null : firstRuleFinals));
          }
        }
      }
    }
    return summary;
  }

  /** Replicate to the last (or first) value of {@code rows}, those of one metric, rule and phase. */
  private static Map<Integer, Double> finals(List<MetricRow> rows, boolean last) {
    Map<Integer, MetricRow> chosen = new TreeMap<>();
    for (MetricRow r : rows) {
      chosen.merge(r.replicate(), r, (a, b) -> (b.epoch() > a.epoch()) == last ? b : a);
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
