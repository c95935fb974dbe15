package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.ccsim.core.results.EventsCsv;
import org.ccsim.core.results.MetricRow;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class LearningCurvesTest {

  @Test
  void eventsOfOneEpochShareOneLabelledMarker() {
    List<MetricRow> rows = new ArrayList<>();
    for (int epoch = 1; epoch <= 20; epoch++) {
      for (String rule : List.of("a", "b", "c")) {
        rows.add(new MetricRow(rule, 1, "train", epoch, "loss", 100.0 / epoch));
      }
    }
    List<EventsCsv.Row> events = List.of(new EventsCsv.Row(11, "train", "ablate-synthesiser", "a"),
        new EventsCsv.Row(11, "train", "ablate-olive", "b"), new EventsCsv.Row(11, "train", "ablate-olive", "c"),
        new EventsCsv.Row(15, "train", "restore", "a"));
    JFreeChart chart = LearningCurves.grid(rows, "loss", events, List.of(), Map.of()).charts().get(0);
    Collection<?> markers = chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND);
    List<String> labels = markers.stream().map(m -> ((ValueMarker) m).getValue() + " " + ((ValueMarker) m).getLabel())
        .toList();
    assertEquals(List.of("10.0 ablate-synthesiser: a; ablate-olive: b, c", "14.0 restore: a"), labels);
  }

  /**
   * Five replicates of a falling loss, one of which is 1000 times higher at epoch 10: there the
   * arithmetic band {@code mean ± t sd / sqrt(5)} reaches far below zero, which a log axis cannot show.
   */
  private static List<MetricRow> oneReplicateFarAbove() {
    double[] factors = {1, 1.1, 0.9, 1.05, 0.95};
    List<MetricRow> rows = new ArrayList<>();
    for (int epoch = 1; epoch <= 20; epoch++) {
      for (int replicate = 1; replicate <= 5; replicate++) {
        double factor = epoch == 10 && replicate == 5 ? 1000 : factors[replicate - 1];
        rows.add(new MetricRow("bptt", replicate, "train", epoch, "loss", 100.0 / epoch * factor));
      }
    }
    return rows;
  }

  /** The geometric mean at epoch 10 of {@link #oneReplicateFarAbove}, and its band's edges, worked out here. */
  private static double[] spikeBand() {
    double[] logs = {Math.log(10), Math.log(11), Math.log(9), Math.log(10.5), Math.log(10000)};
    double mean = java.util.Arrays.stream(logs).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(logs).map(l -> (l - mean) * (l - mean)).sum() / 4);
    double half = 2.7764451051977987 * sd / Math.sqrt(5); // t(0.975) with 4 degrees of freedom
    return new double[] {Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half)};
  }

  /**
   * Two replicates of an accuracy, 0.5 and 1.0 at every epoch: their t-interval (1 degree of
   * freedom) reaches far outside [0, 1], where no accuracy lies; the chart is linear, on [0, 1], and
   * the band is cut to it, while the line stays the mean.
   */
  @Test
  void anAccuracyIsDrawnOnALinearAxisFromZeroToOneWithItsBandCutThere() {
    List<MetricRow> rows = new ArrayList<>();
    for (int epoch = 1; epoch <= 5; epoch++) {
      rows.add(new MetricRow("bptt", 1, "train", epoch, "test-accuracy", 0.5));
      rows.add(new MetricRow("bptt", 2, "train", epoch, "test-accuracy", 1.0));
    }
    XYPlot plot = LearningCurves.grid(rows, "test-accuracy", List.of(), List.of(), Map.of()).charts().get(0).getXYPlot();
    YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
    assertTrue(plot.getRangeAxis() instanceof NumberAxis && !(plot.getRangeAxis() instanceof LogAxis));
    assertEquals(0, plot.getRangeAxis().getLowerBound());
    assertEquals(1, plot.getRangeAxis().getUpperBound());
    assertEquals(0.75, data.getYValue(0, 2), 1e-15);
    assertEquals(0, data.getStartYValue(0, 2));
    assertEquals(1, data.getEndYValue(0, 2));
  }

  /** Landmarks are dotted range markers labelled with their level; 0 has no place on a log axis. */
  @Test
  void landmarksAreLabelledLevelsAndZeroIsLeftOffALogAxis() {
    Map<String, Double> landmarks = new java.util.LinkedHashMap<>();
    landmarks.put("neither lag", 1.6);
    landmarks.put("both", 0.0);
    XYPlot plot = LearningCurves.grid(oneReplicateFarAbove(), "loss", List.of(), List.of(), landmarks).charts().get(0)
        .getXYPlot();
    assertTrue(plot.getRangeAxis() instanceof LogAxis);
    java.util.Collection<?> markers = plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
    assertEquals(1, markers.size());
    org.jfree.chart.plot.ValueMarker marker = (org.jfree.chart.plot.ValueMarker) markers.iterator().next();
    assertEquals(1.6, marker.getValue());
    assertEquals("neither lag (1.6)", marker.getLabel());
  }

  @Test
  void onALogAxisTheBandIsTheGeometricIntervalAndAlwaysPositive() {
    JFreeChart chart = LearningCurves.grid(oneReplicateFarAbove(), "loss", List.of(), List.of(), Map.of()).charts().get(0);
    XYPlot plot = chart.getXYPlot();
    YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();

    double[] band = spikeBand();
    assertTrue(plot.getRangeAxis() instanceof LogAxis);
    assertEquals(band[0], data.getYValue(0, 9), 1e-9, "the line is the geometric mean");
    assertEquals(band[1], data.getStartYValue(0, 9), 1e-9);
    assertEquals(band[2], data.getEndYValue(0, 9), 1e-9);
    for (int item = 0; item < data.getItemCount(0); item++) {
      assertTrue(data.getStartYValue(0, item) > 0, "lower edge at epoch " + (item + 1));
    }
  }

  /**
   * Where the drawn band ends at the spike: its lowest pixel in that epoch's column is where the
   * geometric interval's lower edge lies on the axis, not at a floor chosen to keep the band on the
   * axis (which drew a curtain down to the bottom of the plot).
   */
  @Test
  void theRenderedBandEndsAtItsLowerEdgeAndTheEpochAxisAtTheLastEpoch() {
    JFreeChart chart = LearningCurves.grid(oneReplicateFarAbove(), "loss", List.of(), List.of(), Map.of()).charts().get(0);
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage image = chart.createBufferedImage(LearningCurves.WIDTH, LearningCurves.HEIGHT, info);
    XYPlot plot = chart.getXYPlot();
    Rectangle2D area = info.getPlotInfo().getDataArea();

    int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(10, area, plot.getDomainAxisEdge()));
    double edge = plot.getRangeAxis().valueToJava2D(spikeBand()[1], area, plot.getRangeAxisEdge());
    int lowest = -1;
    for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
      int rgb = image.getRGB(x, y);
      if ((rgb & 0xff) - (rgb >> 16 & 0xff) > 12) { // the blue of the band, not the grey of grid lines
        lowest = y;
      }
    }
    assertTrue(edge < area.getMaxY() - 5, "the band's lower edge lies inside the plot: " + edge + " in " + area);
    assertEquals(edge, lowest, 2.5, "the band's lowest pixel at epoch 10");
    assertEquals(20, plot.getDomainAxis().getUpperBound(), "no room after the last epoch");
  }
}
