package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class SweepPlotTest {

  private static SummaryRow row(String rule, double mean) {
    Comparison finals = new Comparison(5, mean, 1, mean - 1, mean + 1, 0, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN);
    return new SummaryRow("loss", Measure.FINAL, rule, "train", 100, finals);
  }

  @Test
  void oneLinePerValueOfTheSecondParameterAndTheOtherRulesFlat() throws Exception {
    JsonNode swept = new ObjectMapper().readTree("""
        {"cb-1-2": {"expansion": 1, "fanIn": 2}, "cb-20-2": {"expansion": 20, "fanIn": 2},
         "cb-1-4": {"expansion": 1, "fanIn": 4}, "cb-20-4": {"expansion": 20, "fanIn": 4}}""");
    List<SummaryRow> summary = List.of(row("cortex", 30), row("cb-1-2", 21), row("cb-20-2", 38), row("cb-1-4", 25),
        row("cb-20-4", 48));
    JFreeChart chart = SweepPlot.chart(swept, summary, "loss");
    XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
    assertEquals(3, data.getSeriesCount());
    assertEquals("fanIn = 2", data.getSeries(0).getKey());
    assertEquals(38, data.getSeries(0).getY(1).doubleValue());
    assertEquals(48, data.getSeries(1).getY(1).doubleValue());
    assertEquals("cortex", data.getSeries(2).getKey());
    assertEquals(30, data.getSeries(2).getY(0).doubleValue());
    assertEquals(20, data.getSeries(2).getX(1).doubleValue(), "the flat line spans the grid");
    assertInstanceOf(LogAxis.class, chart.getXYPlot().getDomainAxis(), "1 to 20 spans more than a factor of ten");
  }

  @Test
  void aRunWithoutASweepHasNoSweepPlot() throws Exception {
    assertNull(SweepPlot.chart(new ObjectMapper().readTree("{}"), List.of(row("cortex", 30)), "loss"));
    assertNull(SweepPlot.chart(new ObjectMapper().missingNode(), List.of(row("cortex", 30)), "loss"));
  }
}
