package org.ccsim.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * One panel per adaptation measure ({@link Adaptation}): for every phase that has the measure, each
 * rule's mean over replicates as a point with its 95 % t-interval as a whisker, in the colours of the
 * learning curves, explained by one legend below the panels. Within a phase the rules stand side by
 * side in their order, each shifted horizontally by {@link #offset}, so that equal means do not hide
 * one another; a rule has the same colour and place in every panel. For a measure that
 * cannot be negative ({@link Adaptation#NON_NEGATIVE}) a whisker reaching below zero is cut at 0,
 * and the panel's title says so when one is; the tables keep the interval as computed.
 */
public final class AdaptationPlot {

  /** Size of one panel in pixels, and panels per row. */
  public static final int CELL_WIDTH = 520;
  public static final int CELL_HEIGHT = 360;
  public static final int COLUMNS = 2;
  /** The widest a phase's group of rules may spread, in phases, and the most a rule is shifted from the next. */
  private static final double GROUP_WIDTH = 0.6;
  private static final double MAX_STEP = 0.15;
  private static final Shape MARKER = new Ellipse2D.Double(-3.5, -3.5, 7, 7);

  private AdaptationPlot() {
  }

  /**
   * The panels, in the order of {@link Adaptation#MEASURES}, of the first {@link DrawnRules#MAX}
   * rules (a note names any left out); none when there are no rows.
   */
  public static ChartGrid grid(List<AdaptationRow> all) {
    DrawnRules drawn = DrawnRules.first(all.stream().map(AdaptationRow::rule).distinct().toList());
    List<String> rules = drawn.drawn();
    List<AdaptationRow> rows = drawn.keep(all, AdaptationRow::rule);
    List<JFreeChart> charts = new ArrayList<>();
    Map<String, List<AdaptationRow>> byMeasure = Grouping.byKey(rows, AdaptationRow::measure);
    for (String measure : Adaptation.MEASURES) {
      if (byMeasure.containsKey(measure)) {
        charts.add(chart(measure, byMeasure.get(measure), rules));
      }
    }
    LegendItemCollection legend = new LegendItemCollection();
    for (int s = 0; s < rules.size(); s++) {
      legend.add(new LegendItem(rules.get(s), null, null, null, MARKER, colour(s)));
    }
    return new ChartGrid(charts, COLUMNS, CELL_WIDTH, CELL_HEIGHT).withLegend(legend)
        .withNote(drawn.note("adaptation-summary.csv"));
  }

  private static Color colour(int rule) {
    return LearningCurves.PALETTE[rule % LearningCurves.PALETTE.length];
  }

  /** Where rule {@code index} of {@code rules} stands relative to its phase's position, in phases. */
  static double offset(int index, int rules) {
    double step = Math.min(MAX_STEP, GROUP_WIDTH / rules);
    return (index - (rules - 1) / 2.0) * step;
  }

  /** One measure's panel; {@code rules} are every rule of the grid, so that a rule keeps its colour and place. */
  private static JFreeChart chart(String measure, List<AdaptationRow> rows, List<String> rules) {
    List<String> phases = rows.stream().map(AdaptationRow::phase).distinct().toList();
    boolean nonNegative = Adaptation.NON_NEGATIVE.contains(measure);
    boolean cut = false;
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    for (int s = 0; s < rules.size(); s++) {
      XYIntervalSeries series = new XYIntervalSeries(rules.get(s));
      for (AdaptationRow r : rows) {
        Comparison c = r.stats();
        if (r.rule().equals(rules.get(s)) && !Double.isNaN(c.mean())) {
          double x = phases.indexOf(r.phase()) + offset(s, rules.size());
          double low = Double.isNaN(c.ciLow()) ? c.mean() : c.ciLow();
          double high = Double.isNaN(c.ciHigh()) ? c.mean() : c.ciHigh();
          cut |= nonNegative && low < 0;
          series.add(x, x, x, c.mean(), nonNegative ? Math.max(0, low) : low, high);
        }
      }
      data.addSeries(series);
    }
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDefaultLinesVisible(false);
    renderer.setDrawXError(false);
    renderer.setCapLength(6);
    renderer.setErrorStroke(new BasicStroke(1.5f));
    for (int s = 0; s < rules.size(); s++) {
      renderer.setSeriesPaint(s, colour(s));
      renderer.setSeriesShape(s, MARKER);
    }
    SymbolAxis phaseAxis = new SymbolAxis("phase", phases.toArray(String[]::new));
    phaseAxis.setRange(-0.5, phases.size() - 0.5);
    phaseAxis.setGridBandsVisible(false);
    NumberAxis values = new NumberAxis(measure);
    values.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, phaseAxis, values, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(measure + ": mean and 95% CI" + (cut ? " (cut at 0)" : ""),
        new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
