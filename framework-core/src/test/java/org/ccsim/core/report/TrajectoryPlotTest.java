package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ccsim.core.results.TrajectoryRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * Hand paths of a network that has learnt a line scored on every second step, and swings back to the
 * origin in between (the "fan of spokes" of a plot that draws every step alike).
 */
class TrajectoryPlotTest {

  /** Two replicates, four steps; even steps scored at (step, 0), odd steps near the origin. */
  private static List<TrajectoryRow> rows() {
    List<TrajectoryRow> rows = new ArrayList<>();
    for (int replicate = 1; replicate <= 2; replicate++) {
      for (int step = 1; step <= 4; step++) {
        boolean scored = step % 2 == 0;
        double x = scored ? step + (replicate == 1 ? 0.1 : -0.1) : 0.25 * replicate;
        rows.add(new TrajectoryRow("bptt", replicate, "train", 200, "to 0", step, scored, new double[] {x, 0},
            new double[] {step, 0}));
      }
    }
    return rows;
  }

  private static List<Double> xs(XYSeries series) {
    return IntStream.range(0, series.getItemCount()).mapToObj(i -> series.getX(i).doubleValue()).toList();
  }

  @Test
  void scoredStepsTheirTargetsAndThePathThroughEveryStepAreDrawnApart() {
    ChartGrid grid = TrajectoryPlot.grid(rows());
    XYPlot plot = grid.charts().get(0).getXYPlot();
    XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();

    assertEquals(List.of(2.0, 4.0), xs(data.getSeries("scored to 0")), "mean over replicates, scored steps only");
    assertEquals(List.of(0.0, 0.375, 2.0, 0.375, 4.0), xs(data.getSeries("every step to 0")),
        "from the origin through every step");
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), xs(data.getSeries("ideal to 0")));
    List<Markers> markers = plot.getAnnotations().stream().map(Markers.class::cast).toList();
    assertEquals(2, markers.size(), "dots on the scored steps, rings on their targets");
    assertEquals(List.of(2.0, 4.0), markers.get(0).points().stream().map(p -> p[0]).toList());
    assertTrue(markers.get(0).filled());
    assertEquals(List.of(2.0, 4.0), markers.get(1).points().stream().map(p -> p[0]).toList());
    assertFalse(markers.get(1).filled());
    var renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    Color light = (Color) renderer.getSeriesPaint(data.getSeriesIndex("every step to 0"));
    Color solid = (Color) renderer.getSeriesPaint(data.getSeriesIndex("scored to 0"));
    assertEquals(solid.getRGB() & 0xffffff, light.getRGB() & 0xffffff, "the probe's colour");
    assertTrue(light.getAlpha() < 128, "the path through every step is light");
    assertTrue(((BasicStroke) renderer.getSeriesStroke(data.getSeriesIndex("every step to 0"))).getLineWidth()
        < ((BasicStroke) renderer.getSeriesStroke(data.getSeriesIndex("scored to 0"))).getLineWidth(), "and thin");
  }

  @Test
  void axesAreXAndYAndOneLegendBelowTheGridExplainsTheStyles() {
    ChartGrid grid = TrajectoryPlot.grid(rows());
    JFreeChart panel = grid.charts().get(0);

    assertEquals("x", panel.getXYPlot().getDomainAxis().getLabel());
    assertEquals("y", panel.getXYPlot().getRangeAxis().getLabel());
    assertEquals(null, panel.getLegend(), "no legend repeated in every panel");
    LegendItemCollection legend = grid.legend();
    List<String> labels = IntStream.range(0, legend.getItemCount()).mapToObj(i -> legend.get(i).getLabel()).toList();
    assertEquals(List.of("scored steps (mean over replicates)", "every step, scored or not", "target of a scored step",
        "ideal path"), labels);
  }
}
