package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.ccsim.core.results.MetricRow;
import org.junit.jupiter.api.Test;

/**
 * Summary statistics over replicates of each phase's final value, on a small example worked by hand:
 * five replicates, two rules, two phases of two epochs each.
 */
class SummaryTest {

  /** The 0.975 quantile of Student's t with 4 degrees of freedom. */
  private static final double T_975_4 = 2.7764451051977934;

  private static final double[] BPTT_BASELINE_START = {9, 10, 11, 12, 13};
  private static final double[] BPTT_BASELINE_FINAL = {1, 2, 3, 4, 5};
  private static final double[] TBPTT_BASELINE_FINAL = {2, 2.5, 4, 6, 5.5};
  private static final double[] BPTT_ROTATION_FINAL = {7, 7, 8, 8, 10};

  /** Rows with later epochs listed first, so "final" cannot mean "last row". */
  static List<MetricRow> rows() {
    List<MetricRow> rows = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      rows.add(new MetricRow("bptt", r, "baseline", 2, "loss", BPTT_BASELINE_FINAL[r]));
      rows.add(new MetricRow("bptt", r, "baseline", 1, "loss", BPTT_BASELINE_START[r]));
      rows.add(new MetricRow("bptt", r, "rotation", 4, "loss", BPTT_ROTATION_FINAL[r]));
      rows.add(new MetricRow("bptt", r, "rotation", 3, "loss", 100));
      rows.add(new MetricRow("tbptt", r, "baseline", 2, "loss", TBPTT_BASELINE_FINAL[r]));
      rows.add(new MetricRow("tbptt", r, "baseline", 1, "loss", 20));
      rows.add(new MetricRow("tbptt", r, "rotation", 4, "loss", 1));
      rows.add(new MetricRow("tbptt", r, "rotation", 3, "loss", 30));
    }
    return rows;
  }

  private static SummaryRow find(List<SummaryRow> summary, String rule, String phase) {
    return summary.stream().filter(s -> s.rule().equals(rule) && s.phase().equals(phase)).findFirst().orElseThrow();
  }

  @Test
  void oneRowPerMetricPhaseAndRuleInOrderOfAppearance() {
    List<SummaryRow> summary = Summary.of(rows(), List.of(Measure.FINAL));

    assertEquals(List.of("bptt/baseline", "tbptt/baseline", "bptt/rotation", "tbptt/rotation"),
        summary.stream().map(s -> s.rule() + "/" + s.phase()).toList());
  }

  @Test
  void meanSdAndTIntervalOfFinalValues() {
    SummaryRow row = find(Summary.of(rows(), List.of(Measure.FINAL)), "bptt", "baseline");

    // finals 1..5: mean 3, sample variance 10/4 = 2.5; CI half-width t * sd / sqrt(5)
    double sd = Math.sqrt(2.5);
    double half = T_975_4 * sd / Math.sqrt(5);
    assertEquals(5, row.stats().n());
    assertEquals(3.0, row.stats().mean(), 1e-15);
    assertEquals(sd, row.stats().sd(), 1e-15);
    assertEquals(3.0 - half, row.stats().ciLow(), 1e-12);
    assertEquals(3.0 + half, row.stats().ciHigh(), 1e-12);
  }

  @Test
  void finalIsTheLastEpochOfEachPhaseAndStartTheFirst() {
    List<SummaryRow> summary = Summary.of(rows(), List.of(Measure.FINAL));

    assertEquals(11.0, find(summary, "bptt", "baseline").start(), 1e-15);
    assertEquals(8.0, find(summary, "bptt", "rotation").stats().mean(), 1e-15);
    assertEquals(100.0, find(summary, "bptt", "rotation").start(), 1e-15);
  }

  @Test
  void pairedTestAgainstTheFirstRule() {
    SummaryRow row = find(Summary.of(rows(), List.of(Measure.FINAL)), "tbptt", "baseline");

    // differences tbptt - bptt: 1, 0.5, 1, 2, 0.5: mean 1, sample variance 1.5/4
    assertEquals(1.0, row.stats().difference(), 1e-15);
    assertEquals(1.0 / Math.sqrt(1.5 / 4), row.stats().effectSize(), 1e-12);
    assertEquals(new TTest().pairedTTest(TBPTT_BASELINE_FINAL, BPTT_BASELINE_FINAL), row.stats().pT(), 1e-15);
  }

  @Test
  void firstRuleHasNoComparison() {
    SummaryRow row = find(Summary.of(rows(), List.of(Measure.FINAL)), "bptt", "baseline");

    assertTrue(Double.isNaN(row.stats().difference()));
    assertTrue(Double.isNaN(row.stats().effectSize()));
    assertTrue(Double.isNaN(row.stats().pT()));
  }

  @Test
  void oneReplicateHasNoSdOrInterval() {
    List<MetricRow> single = rows().stream().filter(r -> r.replicate() == 0).toList();

    SummaryRow row = find(Summary.of(single, List.of(Measure.FINAL)), "bptt", "baseline");

    assertEquals(1, row.stats().n());
    assertEquals(1.0, row.stats().mean());
    assertTrue(Double.isNaN(row.stats().sd()));
    assertTrue(Double.isNaN(row.stats().ciLow()));
    assertTrue(Double.isNaN(row.stats().ciHigh()));
  }

  @Test
  void aMetricIsComparedWithTheFirstRuleThatRecordsIt() {
    List<MetricRow> rows = new java.util.ArrayList<>(rows());
    for (int replicate = 0; replicate < 2; replicate++) {
      rows.add(new MetricRow("tbptt", replicate, "baseline", 1, "alignment", 0.5 + replicate));
      rows.add(new MetricRow("dni", replicate, "baseline", 1, "alignment", 0.75 + 2 * replicate));
    }
    List<SummaryRow> alignment = Summary.of(rows, List.of(Measure.FINAL)).stream().filter(r -> r.metric().equals("alignment")).toList();

    assertEquals(List.of("tbptt", "dni"), alignment.stream().map(SummaryRow::rule).toList());
    assertTrue(Double.isNaN(alignment.get(0).stats().difference()));
    assertEquals(0.75, alignment.get(1).stats().difference(), 1e-15);
  }
}
