package org.ccsim.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The plot of a scenario's {@code sweep}: a metric's final value (mean over replicates, last phase)
 * against the first grid parameter, one line per value of the second (if any), and every rule
 * outside the grid as a dashed horizontal line for comparison. The grid values come from the
 * {@code swept} section of {@code scenario.resolved.json}; the x axis is logarithmic when the first
 * parameter spans a factor of ten or more.
 */
final class SweepPlot {

  private SweepPlot() {
  }

  /** The chart, or {@code null} when the run has no sweep over numbers. */
  static JFreeChart chart(JsonNode swept, List<SummaryRow> summary, String metric) {
    if (swept == null || !swept.isObject() || swept.isEmpty()) {
      return null;
    }
    List<String> parameters = new ArrayList<>();
    swept.elements().next().fieldNames().forEachRemaining(parameters::add);
    String xName = parameters.get(0);
    String lineName = parameters.size() > 1 ? parameters.get(1) : null;
    Map<String, Double> finals = finals(summary, metric);
    Map<String, XYSeries> lines = new LinkedHashMap<>();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Iterator<Map.Entry<String, JsonNode>> it = swept.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> rule = it.next();
      JsonNode x = rule.getValue().path(xName);
      if (!x.isNumber() || !finals.containsKey(rule.getKey())) {
        continue;
      }
      String line = lineName == null ? metric : lineName + " = " + rule.getValue().path(lineName).asText();
      lines.computeIfAbsent(line, XYSeries::new).add(x.asDouble(), finals.get(rule.getKey()));
      low = Math.min(low, x.asDouble());
      high = Math.max(high, x.asDouble());
    }
    if (lines.isEmpty()) {
      return null;
    }
    XYSeriesCollection data = new XYSeriesCollection();
    lines.values().forEach(data::addSeries);
    int gridLines = data.getSeriesCount();
    for (Map.Entry<String, Double> other : finals.entrySet()) {
      if (!swept.has(other.getKey())) {
        XYSeries flat = new XYSeries(other.getKey());
        flat.add(low, other.getValue());
        flat.add(high, other.getValue());
        data.addSeries(flat);
      }
    }
    JFreeChart chart = ChartFactory.createXYLineChart(metric + ": final value (mean over replicates) across the sweep",
        xName, metric, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    if (low > 0 && high / low >= 10) {
      LogAxis axis = new LogAxis(xName + " (log scale)");
      axis.setBase(2);
      axis.setTickUnit(new NumberTickUnit(1));
      axis.setNumberFormatOverride(new DecimalFormat("0.##"));
      plot.setDomainAxis(axis);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      boolean reference = i >= gridLines;
      renderer.setSeriesPaint(i, LearningCurves.PALETTE[i % LearningCurves.PALETTE.length]);
      renderer.setSeriesShapesVisible(i, !reference);
      renderer.setSeriesStroke(i, reference
          ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return chart;
  }

  /** Rule to the metric's final mean in the last phase that has it. */
  private static Map<String, Double> finals(List<SummaryRow> summary, String metric) {
    Map<String, Double> finals = new LinkedHashMap<>();
    for (SummaryRow row : summary) {
      if (row.metric().equals(metric) && row.measure().equals(Measure.FINAL)) {
        finals.put(row.rule(), row.stats().mean());
      }
    }
    return finals;
  }
}
