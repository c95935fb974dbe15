package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary as Markdown (for people) and CSV (exact). */
class SummaryFormatTest {

  private final List<SummaryRow> summary = Summary.of(SummaryTest.rows());

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
}
