package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ccsim.core.results.MetricRow;

/**
 * Computes {@link SummaryRow}s from metric rows: for every metric, measure, phase and rule, the measure
 * of each replicate's learning curve in the phase ({@link Measure}: its final value, its value at a chosen
 * epoch, its area), summarised and compared with the first rule that records the metric, on the same
 * replicates ({@link Comparison}). A measure that no replicate of a rule has in a phase (the value at an
 * epoch of another phase) gives no row.
 */
public final class Summary {

  private Summary() {
  }

  /** Rules, phases and metrics in order of first appearance in {@code rows}. */
  public static List<String> ordered(List<MetricRow> rows, Function<MetricRow, String> field) {
    return List.copyOf(rows.stream().map(field).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
  }

  /** The summary of {@code measures}, ordered by metric, measure (in the given order), phase, then rule. */
  public static List<SummaryRow> of(List<MetricRow> rows, List<Measure> measures) {
    List<SummaryRow> summary = new ArrayList<>();
    Map<String, List<MetricRow>> byMetric = Grouping.byKey(rows, MetricRow::metric);
    List<String> phases = ordered(rows, MetricRow::phase);
    for (Map.Entry<String, List<MetricRow>> metricRows : byMetric.entrySet()) {
      String metric = metricRows.getKey();
      // the first rule that records this metric is the reference of its paired tests
      List<String> rules = ordered(metricRows.getValue(), MetricRow::rule);
      Map<String, Map<Integer, List<MetricRow>>> unitCurves = new TreeMap<>();
      Grouping.byKey(metricRows.getValue(), r -> r.rule() + "\n" + r.phase())
          .forEach((unit, unitRows) -> unitCurves.put(unit, curves(unitRows)));
      for (Measure measure : measures) {
        for (String phase : phases) {
          Map<Integer, Double> reference =
              values(unitCurves.getOrDefault(rules.get(0) + "\n" + phase, Map.of()), measure);
          for (String rule : rules) {
            Map<Integer, List<MetricRow>> curves = unitCurves.getOrDefault(rule + "\n" + phase, Map.of());
            Map<Integer, Double> values = values(curves, measure);
            if (!values.isEmpty()) {
              summary.add(new SummaryRow(metric, measure, rule, phase, start(curves),
                  Comparison.of(values, rule.equals(rules.get(0)) ? null : reference)));
            }
          }
        }
      }
    }
    return summary;
  }

  /** Replicate to its learning curve, in epoch order, from {@code rows}, those of one metric, rule and phase. */
  private static Map<Integer, List<MetricRow>> curves(List<MetricRow> rows) {
    Map<Integer, List<MetricRow>> curves = new TreeMap<>();
    rows.forEach(r -> curves.computeIfAbsent(r.replicate(), k -> new ArrayList<>()).add(r));
    curves.values().forEach(curve -> curve.sort(Comparator.comparingInt(MetricRow::epoch)));
    return curves;
  }

  /** Replicate to the measure of its curve, for the replicates whose curve has it. */
  private static Map<Integer, Double> values(Map<Integer, List<MetricRow>> curves, Measure measure) {
    Map<Integer, Double> values = new TreeMap<>();
    curves.forEach((replicate, curve) -> measure.of(curve).ifPresent(v -> values.put(replicate, v)));
    return values;
  }

  /** The mean over replicates of the first value of each curve. */
  private static double start(Map<Integer, List<MetricRow>> curves) {
    return curves.values().stream().mapToDouble(curve -> curve.get(0).value()).average().orElse(Double.NaN);
  }
}
