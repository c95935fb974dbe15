package org.ccsim.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.DoubleStream;
import org.ccsim.core.results.TrajectoryRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Hand paths: a panel per rule (rows) and recorded epoch (columns), each showing, per probe (one
 * colour each), the first two outputs averaged over replicates from the start at the origin. The task
 * scores only some steps ({@link TrajectoryRow#scored}); what the network does in between is free, so
 * a network that has learnt may still swing back towards the origin between scored steps. The panels
 * keep the two apart: the path through every step is a thin, light line, and the scored steps are
 * dots joined by a solid line; each scored step's target is a ring (a dot inside its ring has hit it),
 * over the probe's ideal path (grey, dashed). One legend below the grid explains the styles. All
 * panels share square axes, so a rotation of the movement looks like one.
 */
public final class TrajectoryPlot {

  /** Size of one panel in pixels. */
  public static final int CELL = 300;

  private static final Color IDEAL = new Color(0xaaaaaa);
  private static final Color LEGEND = Color.DARK_GRAY;
  private static final Stroke DASHED =
      new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
  private static final Stroke THIN = new BasicStroke(1f);
  private static final Stroke SOLID = new BasicStroke(1.8f);
  private static final Shape DOT = new Ellipse2D.Double(-2.5, -2.5, 5, 5);
  private static final Shape RING = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
  /** Opacity of the path through every step. */
  private static final int LIGHT = 110;

  private TrajectoryPlot() {
  }

  /**
   * The panels of the first {@link DrawnRules#MAX} rules with their legend (a note names any rules
   * left out), or an empty grid when there are no trajectories.
   */
  public static ChartGrid grid(List<TrajectoryRow> all) {
    DrawnRules drawn = DrawnRules.first(all.stream().map(TrajectoryRow::rule).distinct().toList());
    List<String> rules = drawn.drawn();
    List<TrajectoryRow> rows = drawn.keep(all, TrajectoryRow::rule);
    List<Integer> epochs = rows.stream().map(TrajectoryRow::epoch).distinct().sorted().toList();
    double extent = rows.stream().flatMapToDouble(r -> DoubleStream.of(
        Math.abs(r.output()[0]), Math.abs(r.output()[1]), Math.abs(r.target()[0]), Math.abs(r.target()[1])))
        .max().orElse(1) * 1.1;
    List<JFreeChart> charts = new ArrayList<>();
    for (String rule : rules) {
      for (int epoch : epochs) {
        List<TrajectoryRow> cell = rows.stream().filter(r -> r.rule().equals(rule) && r.epoch() == epoch).toList();
        charts.add(panel(rule, epoch, cell, extent));
      }
    }
    return new ChartGrid(charts, Math.max(1, epochs.size()), CELL, CELL).withLegend(legend())
        .withNote(drawn.note("trajectories.csv"));
  }

  /** One step of a probe, over replicates: the summed output, how many, the target and whether it is scored. */
  private static final class Step {
    double x;
    double y;
    int count;
    double[] target;
    boolean scored;
  }

  private static JFreeChart panel(String rule, int epoch, List<TrajectoryRow> cell, double extent) {
    Map<String, Map<Integer, Step>> probes = new LinkedHashMap<>();
    for (TrajectoryRow r : cell) {
      Step step = probes.computeIfAbsent(r.probe(), p -> new TreeMap<>()).computeIfAbsent(r.step(), s -> new Step());
      step.x += r.output()[0];
      step.y += r.output()[1];
      step.count++;
      step.target = r.target();
      step.scored = r.scored();
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true); // one SVG element per line, not one per segment
    List<Markers> markers = new ArrayList<>();
    int probe = 0;
    for (Map.Entry<String, Map<Integer, Step>> entry : probes.entrySet()) {
      Color colour = Color.getHSBColor((float) probe++ / probes.size(), 0.85f, 0.8f);
      String label = entry.getKey();
      XYSeries ideal = new XYSeries("ideal " + label, false);
      XYSeries every = new XYSeries("every step " + label, false);
      XYSeries scored = new XYSeries("scored " + label, false);
      List<double[]> hits = new ArrayList<>();
      List<double[]> targets = new ArrayList<>();
      ideal.add(0, 0);
      every.add(0, 0);
      for (Step s : entry.getValue().values()) {
        ideal.add(s.target[0], s.target[1]);
        every.add(s.x / s.count, s.y / s.count);
        if (s.scored) {
          scored.add(s.x / s.count, s.y / s.count);
          hits.add(new double[] {s.x / s.count, s.y / s.count});
          targets.add(s.target);
        }
      }
      style(renderer, add(data, ideal), IDEAL, DASHED);
      style(renderer, add(data, every), new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), LIGHT), THIN);
      style(renderer, add(data, scored), colour, SOLID);
      markers.add(new Markers(hits, DOT, colour, null));
      markers.add(new Markers(targets, RING, colour, THIN));
    }
    NumberAxis x = new NumberAxis("x");
    NumberAxis y = new NumberAxis("y");
    x.setRange(-extent, extent);
    y.setRange(-extent, extent);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    markers.forEach(plot::addAnnotation);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xeeeeee));
    plot.setRangeGridlinePaint(new Color(0xeeeeee));
    String phase = cell.isEmpty() ? "" : cell.get(0).phase();
    JFreeChart chart = new JFreeChart(rule + ": epoch " + epoch + " (" + phase + ")",
        new Font(Font.SANS_SERIF, Font.BOLD, 11), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static int add(XYSeriesCollection data, XYSeries series) {
    data.addSeries(series);
    return data.getSeriesCount() - 1;
  }

  private static void style(XYLineAndShapeRenderer renderer, int series, Color paint, Stroke stroke) {
    renderer.setSeriesPaint(series, paint);
    renderer.setSeriesStroke(series, stroke);
  }

  /** What the styles mean, drawn once below the grid (in grey: colours tell the probes apart). */
  static LegendItemCollection legend() {
    Line2D line = new Line2D.Double(-8, 0, 8, 0);
    Color light = new Color(LEGEND.getRed(), LEGEND.getGreen(), LEGEND.getBlue(), LIGHT);
    LegendItemCollection items = new LegendItemCollection();
    items.add(new LegendItem("scored steps (mean over replicates)", null, null, null, true, DOT, true, LEGEND, false,
        LEGEND, SOLID, true, line, SOLID, LEGEND));
    items.add(new LegendItem("every step, scored or not", null, null, null, false, DOT, false, light, false, light,
        THIN, true, line, THIN, light));
    items.add(new LegendItem("target of a scored step", null, null, null, true, RING, false, LEGEND, true, LEGEND,
        THIN, false, line, THIN, LEGEND));
    items.add(new LegendItem("ideal path", null, null, null, false, DOT, false, IDEAL, false, IDEAL, DASHED, true,
        line, DASHED, IDEAL));
    return items;
  }
}
