package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.DivergencesCsv;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.results.MetricsCsv;
import org.ccsim.core.results.RunFolder;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of a run in which one (rule, replicate) diverged: it is listed, its last value before the
 * divergence never passes for a final value, paired statistics use the pairs left, and its curve ends
 * in a cross.
 */
class DivergedReportTest {

  /** cc-dni replicate 2 stopped in epoch 4 of phase b, after recording 1000 at epoch 3. */
  private static final Divergence DIVERGED = new Divergence("cc-dni", 2, "b", 4, 1, 5, "weight cortex/W_rec");

  @TempDir
  Path dir;

  private static List<MetricRow> rows() {
    List<MetricRow> rows = new ArrayList<>();
    for (String rule : List.of("bptt", "cc-dni")) {
      for (int replicate = 1; replicate <= 3; replicate++) {
        for (int epoch = 1; epoch <= 4; epoch++) {
          boolean diverged = rule.equals("cc-dni") && replicate == 2;
          if (!(diverged && epoch == 4)) {
            double value = diverged && epoch == 3 ? 1000 : 10.0 / epoch + replicate + (rule.equals("bptt") ? 0 : replicate);
            rows.add(new MetricRow(rule, replicate, epoch <= 2 ? "a" : "b", epoch, "loss", value));
          }
        }
      }
    }
    return rows;
  }

  private String render() throws IOException {
    Files.writeString(dir.resolve("scenario.resolved.json"), """
        {"scenario": "diverging", "description": "one unit diverges",
         "phases": [{"name": "a", "epochs": 2}, {"name": "b", "epochs": 2}]}
        """);
    Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.format(rows()));
    Files.writeString(dir.resolve("divergences.csv"), DivergencesCsv.format(List.of(DIVERGED)));
    return new Reporter().render(RunFolder.existing(dir)).markdown();
  }

  @Test
  void theSummaryListsTheDivergenceAndLeavesTheUnfinishedPhaseOut() throws IOException {
    String markdown = render();

    assertTrue(markdown.startsWith("### Diverged\n\n1 (rule, replicate) unit(s) stopped"), markdown);
    assertTrue(markdown.contains("| rule | replicate | phase | epoch | batch | step | quantity |\n|---|---:|---|---:|---:|---:|---|\n"
        + "| cc-dni | 2 | b | 4 | 1 | 5 | weight cortex/W_rec |\n"), markdown);
    List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
    // metric,rule,phase,n,start_mean,final_mean,final_sd,ci95_low,ci95_high,n_pairs,diff_vs_first,...
    String[] phaseB = csv.stream().filter(l -> l.startsWith("loss,cc-dni,b,")).findFirst().orElseThrow().split(",");
    assertEquals("2", phaseB[3], "replicates 1 and 3 finished phase b");
    assertEquals(6.5, Double.parseDouble(phaseB[5]), 1e-12, "their finals 10/4 + 2r: 4.5 and 8.5");
    assertEquals("2", phaseB[9], "pairs with bptt");
    assertEquals(2.0, Double.parseDouble(phaseB[10]), 1e-12, "differences to bptt's 3.5 and 5.5: 1 and 3");
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("loss,cc-dni,a,3,")), "phase a, which it finished, counts: " + csv);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("<h2>Diverged</h2>") && html.contains("<td>weight cortex/W_rec</td>"), html);
  }

  @Test
  void theCurveOfTheDivergedRuleEndsInACrossAtItsLastValue() {
    JFreeChart chart = LearningCurves.grid(rows(), "loss", List.of(), List.of(DIVERGED), Map.of()).charts().get(0);

    XYDataset crosses = chart.getXYPlot().getDataset(1);
    assertEquals(0, crosses.getItemCount(0), "bptt did not diverge");
    assertEquals(1, crosses.getItemCount(1));
    assertEquals(4.0, crosses.getXValue(1, 0), "the epoch it diverged in");
    assertEquals(1000.0, crosses.getYValue(1, 0), "its last recorded value");
    assertTrue(chart.getTitle().getText().endsWith("; diverged (×): cc-dni 1"), chart.getTitle().getText());
  }
}
