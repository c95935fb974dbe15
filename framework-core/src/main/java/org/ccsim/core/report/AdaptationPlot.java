package org.ccsim.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * One panel per adaptation measure ({@link Adaptation}): for every phase that has the measure, each
 * rule's mean over replicates as a point with its 95 % t-interval as an error bar, rules side by
 * side in the colours of the learning curves.
 */
public final class AdaptationPlot {

  /** Size of one panel in pixels, and panels per row. */
  public static final int CELL_WIDTH = 520;
  public static final int CELL_HEIGHT = 360;
  public static final int COLUMNS = 2;

  private AdaptationPlot() {
  }

  /** The panels, in the order of {@link Adaptation#MEASURES}; none when there are no rows. */
  public static ChartGrid grid(List<AdaptationRow> rows) {
    List<JFreeChart> charts = new ArrayList<>();
    Map<String, List<AdaptationRow>> byMeasure = Grouping.byKey(rows, AdaptationRow::measure);
    for (String measure : Adaptation.MEASURES) {
      if (byMeasure.containsKey(measure)) {
        charts.add(chart(measure, byMeasure.get(measure)));
      }
    }
    return new ChartGrid(charts, COLUMNS, CELL_WIDTH, CELL_HEIGHT);
  }

  private static JFreeChart chart(String measure, List<AdaptationRow> rows) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (AdaptationRow r : rows) {
      Comparison c = r.stats();
      double half = Double.isNaN(c.ciHigh()) ? 0 : c.ciHigh() - c.mean();
      data.add(Double.isNaN(c.mean()) ? null : (Number) c.mean(), (Number) half, r.rule(), r.phase());
    }
    StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
    for (int s = 0; s < data.getRowCount(); s++) {
      Color color = LearningCurves.PALETTE[s % LearningCurves.PALETTE.length];
      renderer.setSeriesPaint(s, color);
      renderer.setSeriesStroke(s, new BasicStroke(1.5f));
    }
    renderer.setErrorIndicatorPaint(null); // error bars in the series colour
    NumberAxis values = new NumberAxis(measure);
    values.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("phase"), values, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(measure + ": mean and 95% CI", new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
