package org.ccsim.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.EventsCsv;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.scenario.ScenarioReader;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Learning curves of one metric: per rule, the mean over replicates at each recorded epoch with its
 * 95 % t-interval as a band, phases shaded and labelled, events marked by a dashed line where they
 * happen (between the epoch before and their epoch). A (rule, replicate) that diverged is marked by
 * a cross in its rule's colour at the epoch it diverged in, at its last recorded value (none if it
 * recorded nothing), and the title counts them; later epochs average the replicates still running.
 * Drawn with JFreeChart. A metric whose values are all positive gets a log axis (but an accuracy, a
 * fraction, never does: it is drawn on [0, 1], its band cut to that range; nor does a curriculum's
 * {@code stage}, a count drawn with whole-number ticks), and there the line
 * is the geometric mean and the band the t-interval of the mean of the logarithms ({@link Band#geometric}),
 * which is always positive; otherwise the line is the arithmetic mean ({@link Band#arithmetic}). The
 * epoch axis runs from 0 to the last recorded epoch.
 */
public final class LearningCurves {

  /** Size of the chart in pixels. */
  public static final int WIDTH = 900;
  public static final int HEIGHT = 540;
  /** The colours of rules, in order, shared by every plot. */
  static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
      new Color(0xbcbd22), new Color(0x7f7f7f)};

  private LearningCurves() {
  }

  /**
   * The chart of {@code metric} from {@code rows}, with {@code events}, {@code divergences} and
   * {@code landmarks} (label to level, a dotted line each) marked, drawing the first {@link DrawnRules#MAX}
   * rules and noting any left out.
   */
  public static ChartGrid grid(List<MetricRow> rows, String metric, List<EventsCsv.Row> events,
      List<Divergence> divergences, Map<String, Double> landmarks) {
    List<MetricRow> all = rows.stream().filter(r -> r.metric().equals(metric)).toList();
    DrawnRules rules = DrawnRules.first(Summary.ordered(all, MetricRow::rule));
    return ChartGrid.of(chart(rules.keep(all, MetricRow::rule), metric, events, divergences, landmarks), WIDTH, HEIGHT)
        .withNote(rules.note("metrics.csv"));
  }

  /** The chart of {@code selected}, the rows of {@code metric} of the rules to draw. */
  private static JFreeChart chart(List<MetricRow> selected, String metric, List<EventsCsv.Row> events,
      List<Divergence> divergences, Map<String, Double> landmarks) {
    boolean fraction = metric.endsWith(ScenarioReader.ACCURACY);
    boolean stage = metric.equals(ScenarioReader.STAGE);
    boolean logAxis = !fraction && !stage && selected.stream().allMatch(r -> r.value() > 0);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    int replicates = 0;
    for (String rule : Summary.ordered(selected, MetricRow::rule)) {
      Map<Integer, List<Double>> byEpoch = new TreeMap<>();
      selected.stream().filter(r -> r.rule().equals(rule))
          .forEach(r -> byEpoch.computeIfAbsent(r.epoch(), e -> new ArrayList<>()).add(r.value()));
      YIntervalSeries series = new YIntervalSeries(rule);
      for (Map.Entry<Integer, List<Double>> e : byEpoch.entrySet()) {
        double[] values = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
        Band band = logAxis ? Band.geometric(values) : Band.arithmetic(values);
        series.add(e.getKey(), band.centre(), fraction ? Math.max(0, band.low()) : band.low(),
            fraction ? Math.min(1, band.high()) : band.high());
        replicates = Math.max(replicates, values.length);
      }
      data.addSeries(series);
    }
    ValueAxis yAxis = logAxis ? new LogAxis(metric + " (log scale)") : new NumberAxis(metric);
    if (fraction) {
      yAxis.setRange(0, 1);
    }
    if (stage) {
      yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // a curriculum's stages are whole numbers
    }
    if (yAxis instanceof LogAxis log) {
      log.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // ticks at whole powers of ten
    }
    NumberAxis xAxis = new NumberAxis("epoch");
    xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    xAxis.setRange(0, selected.stream().mapToInt(MetricRow::epoch).max().orElse(1));
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      Color color = PALETTE[s % PALETTE.length];
      renderer.setSeriesPaint(s, color);
      renderer.setSeriesFillPaint(s, color);
      renderer.setSeriesStroke(s, new BasicStroke(2f));
    }
    renderer.setAlpha(0.2f);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    shadePhases(plot, selected);
    markEvents(plot, events);
    markLandmarks(plot, landmarks, logAxis);
    List<String> rules = Summary.ordered(selected, MetricRow::rule);
    markDivergences(plot, selected, rules, divergences);
    List<String> counts = new ArrayList<>();
    for (String rule : rules) {
      long diverged = DivergedUnits.count(divergences, rule);
      if (diverged > 0) {
        counts.add(rule + " " + diverged);
      }
    }
    JFreeChart chart = new JFreeChart(metric + (logAxis ? ": geometric mean" : ": mean") + " and 95% CI over "
        + replicates + " replicate(s)"
        + (counts.isEmpty() ? "" : "; diverged (×): " + String.join(", ", counts)),
        new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(0, 0, 0, 14)); // room for the last epoch's tick label
    return chart;
  }

  /**
   * A dotted line at each landmark level, labelled at its right end; a level of 0 or below cannot be
   * drawn on a log axis and is left out there.
   */
  private static void markLandmarks(XYPlot plot, Map<String, Double> landmarks, boolean logAxis) {
    landmarks.forEach((label, level) -> {
      if (logAxis && level <= 0) {
        return;
      }
      ValueMarker marker = new ValueMarker(level, new Color(0x555555),
          new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
      marker.setLabel(label + " (" + level + ")");
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(marker, org.jfree.chart.ui.Layer.FOREGROUND);
    });
  }

  /** A cross per diverged unit of a drawn rule, at its epoch and its last value of the metric before it. */
  private static void markDivergences(XYPlot plot, List<MetricRow> selected, List<String> rules,
      List<Divergence> divergences) {
    XYSeriesCollection crosses = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (int s = 0; s < rules.size(); s++) {
      String rule = rules.get(s);
      XYSeries series = new XYSeries(rule + " diverged");
      for (Divergence d : divergences) {
        if (d.rule().equals(rule)) {
          selected.stream().filter(r -> r.rule().equals(rule) && r.replicate() == d.replicate())
              .max(Comparator.comparingInt(MetricRow::epoch))
              .ifPresent(last -> series.add(d.epoch(), last.value()));
        }
      }
      crosses.addSeries(series);
      renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
      renderer.setSeriesShape(s, ShapeUtils.createDiagonalCross(6f, 1.5f));
      renderer.setSeriesVisibleInLegend(s, false);
    }
    plot.setDataset(1, crosses);
    plot.setRenderer(1, renderer);
  }

  /**
   * A dashed line per event epoch, labelled with each action there and its rules
   * ({@code ablate-olive: a, b; restore: c}), so that events of one epoch do not overprint; labels
   * of successive epochs alternate between the bottom and the top of the plot.
   */
  private static void markEvents(XYPlot plot, List<EventsCsv.Row> events) {
    Map<Integer, Map<String, List<String>>> byEpoch = new TreeMap<>();
    events.forEach(e -> byEpoch.computeIfAbsent(e.epoch(), k -> new java.util.LinkedHashMap<>())
        .computeIfAbsent(e.action(), k -> new ArrayList<>()).add(e.rule()));
    int[] index = {0};
    byEpoch.forEach((epoch, actions) -> {
      boolean bottom = index[0]++ % 2 == 0;
      ValueMarker marker = new ValueMarker(epoch - 1, Color.DARK_GRAY,
          new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      List<String> labels = new ArrayList<>();
      actions.forEach((action, rules) -> labels.add(action + ": " + String.join(", ", rules)));
      marker.setLabel(String.join("; ", labels));
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
      marker.setLabelAnchor(bottom ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(bottom ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
      plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.FOREGROUND);
    });
  }

  private static void shadePhases(XYPlot plot, List<MetricRow> rows) {
    List<String> phases = Summary.ordered(rows, MetricRow::phase);
    if (phases.size() < 2) {
      return;
    }
    double start = 0;
    for (int p = 0; p < phases.size(); p++) {
      String phase = phases.get(p);
      double end = rows.stream().filter(r -> r.phase().equals(phase)).mapToInt(MetricRow::epoch).max().orElse(0);
      IntervalMarker marker = new IntervalMarker(start, end, p % 2 == 0 ? new Color(0xf2f2f2) : new Color(0xe3e8f0));
      marker.setLabel(phase);
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      marker.setLabelAnchor(RectangleAnchor.TOP);
      marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
      plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
      start = end;
    }
  }
}
