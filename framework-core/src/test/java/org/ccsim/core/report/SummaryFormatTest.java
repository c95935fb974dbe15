package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary as Markdown (for people) and CSV (exact). */
class SummaryFormatTest {

  private final List<SummaryRow> summary = Summary.of(SummaryTest.rows(), List.of(Measure.FINAL));
  /** The hand-made table of {@link SummaryMeasuresTest} with every kind of measure. */
  private final List<SummaryRow> measures = Summary.of(SummaryMeasuresTest.rows(),
      List.of(Measure.FINAL, new Measure.AtEpoch(2), new Measure.AtEpoch(6), Measure.AUC));

  @Test
  void markdownHasAHeaderRowAndARowPerRuleAndPhase() {
    String markdown = MarkdownTables.document(SummaryTables.of(summary, List.of(), "", List.of(), List.of()));

    assertTrue(markdown.contains("| rule | phase | n | start | final mean | sd | 95% CI | diff vs bptt | d_z | p (paired t) | p (Wilcoxon) | r (rank-biserial) |"), markdown);
    for (String rule : List.of("bptt", "tbptt")) {
      for (String phase : List.of("baseline", "rotation")) {
        assertTrue(markdown.contains("| " + rule + " | " + phase + " | 5 |"), rule + "/" + phase + " in\n" + markdown);
      }
    }
  }

  @Test
  void csvHasAHeaderAndALinePerRowWithExactValues() {
    List<String> lines = SummaryFormat.csv(summary).lines().toList();

    assertEquals(1 + summary.size(), lines.size());
    assertTrue(lines.get(0).startsWith("metric,rule,phase,n,"), lines.get(0));
    assertTrue(lines.get(1).startsWith("loss,bptt,baseline,5,11.0,3.0,"), lines.get(1));
  }

  /** The columns before {@code measure} are those of a summary.csv with final values alone, in their places. */
  @Test
  void csvNamesTheMeasureInItsLastColumn() {
    List<String> lines = SummaryFormat.csv(measures).lines().toList();

    assertEquals("metric,rule,phase,n,start_mean,final_mean,final_sd,ci95_low,ci95_high,n_pairs,diff_vs_first,"
        + "effect_size_dz,p_paired_t,p_wilcoxon,effect_size_rank_biserial,measure", lines.get(0));
    assertEquals(1 + 12, lines.size(), "4 measures of 2 rules, an epoch in one phase, the others in both");
    // starts 10, 12, 11, 9: mean 10.5; finals of bptt in a 1, 2, 1, 2; tbptt at epoch 2: 8, 7, 9, 8
    assertTrue(lines.get(1).startsWith("loss,bptt,a,4,10.5,1.5,") && lines.get(1).endsWith(",final"), lines.get(1));
    assertTrue(lines.get(6).startsWith("loss,tbptt,a,4,10.5,8.0,") && lines.get(6).endsWith(",epoch 2"), lines.get(6));
    String[] area = lines.get(10).split(",", -1);
    assertEquals(List.of("loss", "tbptt", "a", "auc"), List.of(area[0], area[1], area[2], area[15]));
    assertEquals(82.0 / 12, Double.parseDouble(area[5]), 1e-14, "mean of 20/3, 20/3, 23/3, 19/3");
    assertEquals("4", area[9], "pairs with bptt");
  }

  @Test
  void markdownHasATableForTheValuesAtTheChosenEpochsAndOneForTheAreas() {
    String markdown = MarkdownTables.document(SummaryTables.of(measures, List.of(), "", List.of(), List.of()));

    assertEquals(List.of("loss: final value per phase, over replicates",
        "loss: value at chosen epochs (summary.atEpochs), over replicates",
        "loss: area under the learning curve per phase, over replicates"),
        markdown.lines().filter(l -> l.startsWith("### ")).map(l -> l.substring(4)).toList());
    assertTrue(markdown.contains("| epoch | rule | phase | n | mean | sd | 95% CI | diff vs bptt | d_z | p (paired t)"
        + " | p (Wilcoxon) | r (rank-biserial) |\n|---:|---|---|---:|---:|"), markdown);
    assertTrue(markdown.contains("| 2 | tbptt | a | 4 | 8.000 | 0.8165 | "), markdown);
    assertTrue(markdown.contains("| 6 | bptt | b | 4 | 3.000 | 0.8165 | "), markdown);
    // tbptt's areas in a: mean 82/12, differences to bptt's mean 4/3, d_z 2, p 0.0280 (SummaryMeasuresTest)
    assertTrue(markdown.contains("| tbptt | a | 4 | 6.833 | 0.5774 | [5.915, 7.752] | 1.333 | 2.000 | 0.0280 | "),
        markdown);
    assertTrue(markdown.contains("The area under a replicate's learning curve in a phase is the mean of its loss"
        + " over the epochs recorded in the phase"), markdown);
  }
}
