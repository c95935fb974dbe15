package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.core.results.MetricRow;
import org.junit.jupiter.api.Test;

/**
 * The learning-speed measures beside the final value (the value at a chosen epoch, the area under the
 * curve), on a table worked by hand: two rules, four replicates, phases a (epochs 1 to 4) and b (5 to 8)
 * recorded as with {@code record.every = 2} (each phase's first and last epoch and the even ones). The two
 * rules end phase a at about the same loss, but tbptt gets there later: the final value misses that, the
 * value at epoch 2 and the area show it.
 */
class SummaryMeasuresTest {

  private static final int[] EPOCHS_A = {1, 2, 4};
  private static final int[] EPOCHS_B = {5, 6, 8};
  /** Per replicate (rows) the loss at the recorded epochs of phase a (columns). */
  private static final double[][] BPTT_A = {{10, 4, 1}, {12, 5, 2}, {11, 6, 1}, {9, 3, 2}};
  private static final double[][] TBPTT_A = {{10, 8, 2}, {12, 7, 1}, {11, 9, 3}, {9, 8, 2}};
  private static final double[][] BPTT_B = {{6, 3, 1}, {7, 2, 1}, {5, 4, 2}, {8, 3, 1}};
  private static final double[][] TBPTT_B = {{9, 7, 2}, {8, 6, 1}, {9, 8, 3}, {10, 6, 2}};

  private static final List<Measure> MEASURES = List.of(Measure.FINAL, new Measure.AtEpoch(2),
      new Measure.AtEpoch(6), Measure.AUC);

  static List<MetricRow> rows() {
    List<MetricRow> rows = new ArrayList<>();
    add(rows, "bptt", "a", EPOCHS_A, BPTT_A);
    add(rows, "bptt", "b", EPOCHS_B, BPTT_B);
    add(rows, "tbptt", "a", EPOCHS_A, TBPTT_A);
    add(rows, "tbptt", "b", EPOCHS_B, TBPTT_B);
    return rows;
  }

  private static void add(List<MetricRow> rows, String rule, String phase, int[] epochs, double[][] values) {
    for (int r = 0; r < values.length; r++) {
      for (int e = 0; e < epochs.length; e++) {
        rows.add(new MetricRow(rule, r + 1, phase, epochs[e], "loss", values[r][e]));
      }
    }
  }

  private static SummaryRow find(List<SummaryRow> summary, String measure, String rule, String phase) {
    return summary.stream().filter(s -> s.measure().name().equals(measure) && s.rule().equals(rule)
        && s.phase().equals(phase)).findFirst().orElseThrow(() -> new AssertionError(measure + " " + rule + " " + phase));
  }

  @Test
  void anEpochBelongsToThePhaseHoldingItAndTheAreaToEveryPhase() {
    List<SummaryRow> summary = Summary.of(rows(), MEASURES);

    assertEquals(List.of("final/a/bptt", "final/a/tbptt", "final/b/bptt", "final/b/tbptt",
        "epoch 2/a/bptt", "epoch 2/a/tbptt", "epoch 6/b/bptt", "epoch 6/b/tbptt",
        "auc/a/bptt", "auc/a/tbptt", "auc/b/bptt", "auc/b/tbptt"),
        summary.stream().map(s -> s.measure().name() + "/" + s.phase() + "/" + s.rule()).toList());
  }

  @Test
  void theValueAtAnEpochIsTheOneRecordedThere() {
    List<SummaryRow> summary = Summary.of(rows(), MEASURES);

    // epoch 2: bptt 4, 5, 6, 3 (mean 4.5), tbptt 8, 7, 9, 8 (mean 8); differences 4, 2, 3, 5 (mean 3.5)
    SummaryRow tbptt = find(summary, "epoch 2", "tbptt", "a");
    assertEquals(4.5, find(summary, "epoch 2", "bptt", "a").stats().mean(), 1e-15);
    assertEquals(8.0, tbptt.stats().mean(), 1e-15);
    assertEquals(4, tbptt.stats().pairs());
    assertEquals(3.5, tbptt.stats().difference(), 1e-15);
    // python3 -c "from scipy.stats import ttest_rel; print(ttest_rel([8,7,9,8],[4,5,6,3]).pvalue)"
    assertEquals(0.012307551821486276, tbptt.stats().pT(), 1e-12);
    // epoch 6, the second of phase b: bptt 3, 2, 4, 3 (mean 3), tbptt 7, 6, 8, 6 (mean 6.75)
    assertEquals(3.0, find(summary, "epoch 6", "bptt", "b").stats().mean(), 1e-15);
    assertEquals(6.75, find(summary, "epoch 6", "tbptt", "b").stats().mean(), 1e-15);
    assertEquals(9.0, find(summary, "epoch 6", "tbptt", "b").start(), 1e-15,
        "start: the mean of the phase's first values 9, 8, 9, 10");
  }

  @Test
  void theAreaIsTheMeanOverThePhasesRecordedEpochs() {
    List<SummaryRow> summary = Summary.of(rows(), MEASURES);

    // bptt in a: (10+4+1)/3 = 5, (12+5+2)/3 = 19/3, (11+6+1)/3 = 6, (9+3+2)/3 = 14/3; mean 22/4 = 5.5
    SummaryRow bptt = find(summary, "auc", "bptt", "a");
    assertEquals(5.5, bptt.stats().mean(), 1e-14);
    // tbptt in a: 20/3, 20/3, 23/3, 19/3; mean 82/12; differences 5/3, 1/3, 5/3, 5/3: mean 4/3, sd 2/3,
    // so t = (4/3) / ((2/3) / sqrt(4)) = 4 with 3 degrees of freedom
    SummaryRow tbptt = find(summary, "auc", "tbptt", "a");
    assertEquals(82.0 / 12, tbptt.stats().mean(), 1e-14);
    assertEquals(4.0 / 3, tbptt.stats().difference(), 1e-14);
    assertEquals(2.0, tbptt.stats().effectSize(), 1e-12, "d_z = (4/3) / (2/3)");
    // python3 -c "from scipy.stats import ttest_rel; print(ttest_rel([20/3,20/3,23/3,19/3],[5,19/3,6,14/3]).pvalue)"
    assertEquals(0.028008456010146125, tbptt.stats().pT(), 1e-12);
    // bptt in b: 10/3, 10/3, 11/3, 12/3: mean 43/12
    assertEquals(43.0 / 12, find(summary, "auc", "bptt", "b").stats().mean(), 1e-14);
  }

  @Test
  void theFinalValueMissesWhatTheSpeedMeasuresShow() {
    List<SummaryRow> summary = Summary.of(rows(), MEASURES);

    // finals in a: bptt 1, 2, 1, 2; tbptt 2, 1, 3, 2: differences 1, -1, 2, 0, not significant
    assertTrue(find(summary, "final", "tbptt", "a").stats().pT() > 0.3);
    assertTrue(find(summary, "auc", "tbptt", "a").stats().pT() < 0.05);
  }

  @Test
  void aReplicateWithoutAValueAtTheEpochIsLeftOutOfItsStatisticsAndPairs() {
    List<MetricRow> rows = rows().stream().filter(r -> !(r.rule().equals("bptt") && r.replicate() == 4 && r.epoch() == 2))
        .toList();

    SummaryRow tbptt = find(Summary.of(rows, MEASURES), "epoch 2", "tbptt", "a");

    assertEquals(4, tbptt.stats().n());
    assertEquals(3, tbptt.stats().pairs(), "replicate 4 of bptt has no value at epoch 2");
    assertEquals(3.0, tbptt.stats().difference(), 1e-15, "differences 4, 2, 3");
  }

  @Test
  void anUndefinedValueLeavesTheAreaOfItsReplicateUndefined() {
    List<MetricRow> rows = new ArrayList<>(rows());
    rows.replaceAll(r -> r.rule().equals("bptt") && r.replicate() == 1 && r.epoch() == 2
        ? new MetricRow(r.rule(), r.replicate(), r.phase(), r.epoch(), r.metric(), Double.NaN) : r);

    SummaryRow bptt = find(Summary.of(rows, MEASURES), "auc", "bptt", "a");

    assertEquals(3, bptt.stats().n());
    assertEquals((19.0 / 3 + 6 + 14.0 / 3) / 3, bptt.stats().mean(), 1e-14);
  }
}
