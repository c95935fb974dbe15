package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** The adaptation panels: rules side by side within a phase, and whiskers of non-negative measures cut at 0. */
class AdaptationPlotTest {

  private static final List<String> RULES = List.of("bptt", "tbptt-1", "bp-lambda");

  /** Every rule with the same mean 2 and interval [-1, 5] for {@code measure} in phases a and b. */
  private static List<AdaptationRow> equalRows(String measure) {
    List<AdaptationRow> rows = new ArrayList<>();
    for (String phase : List.of("a", "b")) {
      for (String rule : RULES) {
        rows.add(new AdaptationRow(rule, phase, measure, new Comparison(5, 2, 2.4, -1, 5, 5, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN)));
      }
    }
    return rows;
  }

  private static XYIntervalSeriesCollection data(List<AdaptationRow> rows) {
    JFreeChart chart = AdaptationPlot.grid(rows).charts().get(0);
    return (XYIntervalSeriesCollection) chart.getXYPlot().getDataset();
  }

  @Test
  void rulesWithEqualMeansStandSideBySideWithinTheirPhase() {
    XYIntervalSeriesCollection data = data(equalRows("tau"));

    assertEquals(RULES.size(), data.getSeriesCount());
    for (int phase = 0; phase < 2; phase++) {
      double previous = Double.NEGATIVE_INFINITY;
      for (int s = 0; s < RULES.size(); s++) {
        double x = data.getXValue(s, phase);
        assertTrue(x > previous, "rules left to right in their order, apart: " + x + " after " + previous);
        assertTrue(Math.abs(x - phase) < 0.5, "within the phase's slot: " + x);
        previous = x;
      }
    }
    assertEquals(0, data.getXValue(1, 0), 1e-12, "the middle rule of three stands on its phase");
  }

  @Test
  void manyRulesStillFitTheirPhase() {
    assertTrue(Math.abs(AdaptationPlot.offset(0, 40)) < 0.5);
    assertTrue(AdaptationPlot.offset(1, 40) > AdaptationPlot.offset(0, 40));
  }

  @Test
  void theWhiskerOfAMeasureThatCannotBeNegativeStopsAtZero() {
    for (String measure : Adaptation.NON_NEGATIVE) {
      XYIntervalSeriesCollection data = data(equalRows(measure));
      assertEquals(0, data.getStartYValue(0, 0), measure);
      assertEquals(5, data.getEndYValue(0, 0), measure);
      assertEquals(2, data.getYValue(0, 0), measure);
    }
    String title = AdaptationPlot.grid(equalRows("asymptote")).charts().get(0).getTitle().getText();
    assertTrue(title.endsWith("(cut at 0)"), title);
  }

  @Test
  void theWhiskerOfADifferenceKeepsItsNegativeEnd() {
    for (String measure : List.of("after-effect", "savings")) {
      XYIntervalSeriesCollection data = data(equalRows(measure));
      assertEquals(-1, data.getStartYValue(0, 0), measure);
    }
    String title = AdaptationPlot.grid(equalRows("savings")).charts().get(0).getTitle().getText();
    assertEquals("savings: mean and 95% CI", title);
  }
}
