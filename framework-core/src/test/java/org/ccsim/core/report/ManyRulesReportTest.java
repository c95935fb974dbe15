package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.results.MetricsCsv;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.results.TrajectoryRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plots of 300 rules, made up (no training): every plot draws the first {@link DrawnRules#MAX} rules
 * and says so, and each plot file stays under {@link #MAX_PNG} and {@link #MAX_SVG} bytes, whatever
 * the number of rules (at 1000 rules, drawing them all made a hand-path SVG of 255 MB); the tables keep
 * every rule. The largest plot at the cap, the hand paths of 10 rules at 8 epochs with every step
 * scored, takes about 0.8 MB as PNG and 4 MB as SVG.
 */
class ManyRulesReportTest {

  private static final int RULES = 300;
  private static final long MAX_PNG = 1_000_000;
  private static final long MAX_SVG = 5_000_000;
  private static final String NOTE = "first 10 of 300 rules drawn (in the scenario's order); all are in ";
  private static final List<String> PHASES = List.of("baseline", "rotation", "washout", "re-exposure");

  @TempDir
  Path dir;

  private static String rule(int r) {
    return String.format("rule-%03d", r);
  }

  private static void assertSmallAndNoted(ChartGrid grid, String file) throws IOException {
    byte[] png = grid.png();
    String svg = grid.svg();
    assertTrue(png.length < MAX_PNG, file + ": PNG of " + png.length + " bytes");
    long svgBytes = svg.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(svgBytes < MAX_SVG, file + ": SVG of " + svgBytes + " bytes");
    assertTrue(grid.note().equals(NOTE + file), grid.note());
    assertTrue(svg.contains(rule(10)) && !svg.contains(rule(11)), file + ": rules 1 to 10 only");
  }

  /** Baseline and rotation of 10 epochs each, 2 replicates: the learning curves and adaptation measures. */
  @Test
  void theReportOfManyRulesDrawsTheFirstAndKeepsEveryRuleInItsTables() throws IOException {
    Files.writeString(dir.resolve("scenario.resolved.json"), """
        {"scenario": "many", "description": "300 rules",
         "phases": [{"name": "baseline", "epochs": 10}, {"name": "rotation", "epochs": 10,
                     "perturbation": {"type": "rotation", "degrees": 30.0}}]}
        """);
    List<MetricRow> rows = new ArrayList<>();
    for (int r = 1; r <= RULES; r++) {
      for (int replicate = 1; replicate <= 2; replicate++) {
        for (int epoch = 1; epoch <= 20; epoch++) {
          double k = epoch <= 10 ? epoch : epoch - 10;
          rows.add(new MetricRow(rule(r), replicate, epoch <= 10 ? "baseline" : "rotation", epoch, "loss",
              (1 + r % 7) * (1 + 100 * Math.exp(-k / 3)) + replicate));
        }
      }
    }
    Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.format(rows));

    String markdown = new Reporter().render(RunFolder.existing(dir)).markdown();

    for (String plot : List.of("loss", "adaptation")) {
      assertTrue(Files.size(dir.resolve("plots/" + plot + ".png")) < MAX_PNG, plot);
      String svg = Files.readString(dir.resolve("plots/" + plot + ".svg"));
      assertTrue(svg.length() < MAX_SVG, plot);
      assertTrue(svg.contains("first 10 of 300 rules drawn"), plot + ": the note");
      assertTrue(svg.contains(rule(10)) && !svg.contains(rule(11)), plot + ": rules 1 to 10 only");
    }
    assertTrue(markdown.contains("| " + rule(RULES) + " |"), "the tables keep every rule");
    assertSmallAndNoted(LearningCurves.grid(rows, "loss", List.of(), List.of(), Map.of()), "metrics.csv");
  }

  /**
   * The largest hand-path plot at the cap: 4 phases (8 recorded epochs), 8 probes of 10 steps, every
   * step scored (a ring and a dot each).
   */
  @Test
  void handPathsOfManyRulesStaySmall() throws IOException {
    List<TrajectoryRow> paths = new ArrayList<>();
    for (int r = 1; r <= RULES; r++) {
      for (int p = 0; p < PHASES.size(); p++) {
        for (int epoch : List.of(10 * p + 1, 10 * p + 10)) {
          for (int probe = 0; probe < 8; probe++) {
            double angle = Math.PI / 4 * probe;
            for (int step = 1; step <= 10; step++) {
              double reach = step * epoch / 40.0 + 0.01 * r;
              paths.add(new TrajectoryRow(rule(r), 1, PHASES.get(p), epoch, "target " + probe, step, true,
                  new double[] {reach * Math.cos(angle), reach * Math.sin(angle)},
                  new double[] {step * Math.cos(angle), step * Math.sin(angle)}));
            }
          }
        }
      }
    }
    assertSmallAndNoted(TrajectoryPlot.grid(paths), "trajectories.csv");
  }
}
