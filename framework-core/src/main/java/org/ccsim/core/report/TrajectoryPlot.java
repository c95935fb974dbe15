package org.ccsim.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ccsim.core.results.TrajectoryRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Hand paths: a panel per rule (rows) and recorded epoch (columns), each showing, per probe, the
 * path of the first two outputs averaged over replicates (coloured by probe, with a dot per step)
 * over the probe's ideal path (grey, dashed). All panels share square axes, so a rotation of the
 * movement looks like one.
 */
public final class TrajectoryPlot {

  /** Size of one panel in pixels. */
  public static final int CELL = 300;

  private TrajectoryPlot() {
  }

  /** The panels, or an empty grid when there are no trajectories. */
  public static ChartGrid grid(List<TrajectoryRow> rows) {
    List<String> rules = rows.stream().map(TrajectoryRow::rule).distinct().toList();
    List<Integer> epochs = rows.stream().map(TrajectoryRow::epoch).distinct().sorted().toList();
    double extent = rows.stream().flatMapToDouble(r -> java.util.stream.DoubleStream.of(
        Math.abs(r.output()[0]), Math.abs(r.output()[1]), Math.abs(r.target()[0]), Math.abs(r.target()[1])))
        .max().orElse(1) * 1.1;
    List<JFreeChart> charts = new ArrayList<>();
    for (String rule : rules) {
      for (int epoch : epochs) {
        List<TrajectoryRow> cell = rows.stream().filter(r -> r.rule().equals(rule) && r.epoch() == epoch).toList();
        charts.add(panel(rule, epoch, cell, extent));
      }
    }
    return new ChartGrid(charts, Math.max(1, epochs.size()), CELL, CELL);
  }

  private static JFreeChart panel(String rule, int epoch, List<TrajectoryRow> cell, double extent) {
    Map<String, Map<Integer, double[]>> sums = new LinkedHashMap<>(); // probe -> step -> {x, y, count}
    Map<String, Map<Integer, double[]>> targets = new LinkedHashMap<>();
    for (TrajectoryRow r : cell) {
      double[] sum = sums.computeIfAbsent(r.probe(), p -> new TreeMap<>()).computeIfAbsent(r.step(), s -> new double[3]);
      sum[0] += r.output()[0];
      sum[1] += r.output()[1];
      sum[2]++;
      targets.computeIfAbsent(r.probe(), p -> new TreeMap<>()).put(r.step(), r.target());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int probes = sums.size();
    int probe = 0;
    for (String label : sums.keySet()) {
      XYSeries target = new XYSeries("target " + label, false);
      target.add(0, 0);
      targets.get(label).values().forEach(t -> target.add(t[0], t[1]));
      XYSeries hand = new XYSeries(label, false);
      hand.add(0, 0);
      sums.get(label).values().forEach(s -> hand.add(s[0] / s[2], s[1] / s[2]));
      int t = data.getSeriesCount();
      data.addSeries(target);
      renderer.setSeriesPaint(t, new Color(0xaaaaaa));
      renderer.setSeriesShapesVisible(t, false);
      renderer.setSeriesStroke(t, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
      data.addSeries(hand);
      renderer.setSeriesPaint(t + 1, Color.getHSBColor((float) probe / probes, 0.85f, 0.8f));
      renderer.setSeriesStroke(t + 1, new BasicStroke(1.8f));
      renderer.setSeriesShape(t + 1, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
      probe++;
    }
    NumberAxis x = new NumberAxis("output 1");
    NumberAxis y = new NumberAxis("output 2");
    x.setRange(-extent, extent);
    y.setRange(-extent, extent);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xeeeeee));
    plot.setRangeGridlinePaint(new Color(0xeeeeee));
    String phase = cell.isEmpty() ? "" : cell.get(0).phase();
    JFreeChart chart = new JFreeChart(rule + ": epoch " + epoch + " (" + phase + ")",
        new Font(Font.SANS_SERIF, Font.BOLD, 12), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
