package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;
import org.ccsim.core.results.EventsCsv;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.results.MetricsCsv;
import org.ccsim.core.results.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of a run folder written by hand: events are listed, both reports show the same tables, and
 * only stored results are drawn.
 */
class ReporterTest {

  @TempDir
  Path dir;

  private void writeRun() throws IOException {
    Files.writeString(dir.resolve("scenario.resolved.json"), """
        {"scenario": "hand-made", "description": "a <small> run",
         "phases": [{"name": "a", "epochs": 2}, {"name": "b", "epochs": 2, "perturbation": {"type": "rotation", "degrees": 30.0}}],
         "summary": {"atEpochs": [3], "auc": true}}
        """);
    List<MetricRow> rows = new ArrayList<>();
    for (String rule : List.of("bptt", "cc-dni")) {
      for (int replicate = 1; replicate <= 2; replicate++) {
        for (int epoch = 1; epoch <= 4; epoch++) {
          rows.add(new MetricRow(rule, replicate, epoch <= 2 ? "a" : "b", epoch, "loss", 10.0 / epoch + replicate));
        }
      }
    }
    Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.format(rows));
    Files.writeString(dir.resolve("events.csv"), EventsCsv.format(List.of(new EventsCsv.Row(3, "b", "ablate-synthesiser", "cc-dni"))));
  }

  @Test
  void eventsAreListedInTheSummaryAndTheHtmlReport() throws IOException {
    writeRun();

    String markdown = new Reporter().render(RunFolder.existing(dir)).markdown();

    assertTrue(markdown.contains("### Events\n\n| epoch | phase | action | rule |\n|---:|---|---|---|\n"
        + "| 3 | b | ablate-synthesiser | cc-dni |\n"), markdown);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("<td>ablate-synthesiser</td><td>cc-dni</td>"), html);
    assertTrue(html.contains("a &lt;small&gt; run"), "text is escaped");
  }

  @Test
  void theHtmlReportShowsTheTablesOfTheSummaryInTheSameOrder() throws IOException {
    writeRun();

    String markdown = new Reporter().render(RunFolder.existing(dir)).markdown();

    List<String> titles = markdown.lines().filter(l -> l.startsWith("### ")).map(l -> l.substring(4)).toList();
    String html = Files.readString(dir.resolve("report.html"));
    List<String> headings = html.lines().filter(l -> l.startsWith("<h2>") && l.endsWith("</h2>"))
        .map(l -> StringEscapeUtils.unescapeHtml4(l.substring(4, l.length() - 5))).toList();
    assertEquals(List.of("loss: final value per phase, over replicates",
        "loss: value at chosen epochs (summary.atEpochs), over replicates",
        "loss: area under the learning curve per phase, over replicates", "Adaptation in phase a (loss), over replicates",
        "Adaptation in phase b (loss), over replicates", "Events"), titles);
    assertEquals(titles, headings.subList(0, titles.size()), "then come the plots: " + headings);
    assertEquals(titles.size(), html.split("<table>", -1).length - 1, html);
  }

  /** {@code ccsim report} takes the measures from the run's resolved scenario. */
  @Test
  void theSummaryGivesTheMeasuresTheResolvedScenarioAsksFor() throws IOException {
    writeRun();

    new Reporter().render(RunFolder.existing(dir));

    List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
    assertEquals(List.of("final", "epoch 3", "auc"), csv.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1))
        .distinct().toList());
    // epoch 3 is the first of phase b: 10 / 3 + replicate for both rules, so their differences are 0
    String[] epoch3 = csv.stream().filter(l -> l.startsWith("loss,cc-dni,b,") && l.endsWith(",epoch 3")).findFirst()
        .orElseThrow().split(",", -1);
    assertEquals("2", epoch3[3]);
    assertEquals(10.0 / 3 + 1.5, Double.parseDouble(epoch3[5]), 1e-12);
    assertEquals(0.0, Double.parseDouble(epoch3[10]), 1e-15);
    assertTrue(csv.stream().noneMatch(l -> l.startsWith("loss,cc-dni,a,") && l.endsWith(",epoch 3")),
        "epoch 3 lies in phase b");
  }

  @Test
  void aResolvedScenarioWithoutSummaryBlockGetsTheDefaultsAndOneWithoutTheAreaTheFinalValuesAlone()
      throws IOException {
    writeRun();
    String resolved = Files.readString(dir.resolve("scenario.resolved.json"));
    Files.writeString(dir.resolve("scenario.resolved.json"),
        resolved.replace(",\n \"summary\": {\"atEpochs\": [3], \"auc\": true}", ""));

    assertEquals(List.of("final", "auc"), measures(new Reporter().render(RunFolder.existing(dir)).markdown()));

    Files.writeString(dir.resolve("scenario.resolved.json"), resolved.replace("\"atEpochs\": [3], \"auc\": true",
        "\"auc\": false"));

    assertEquals(List.of("final"), measures(new Reporter().render(RunFolder.existing(dir)).markdown()));
    assertTrue(Files.readAllLines(dir.resolve("summary.csv")).stream().skip(1).allMatch(l -> l.endsWith(",final")));
  }

  /** The measures whose tables {@code markdown} has, by the names of summary.csv. */
  private static List<String> measures(String markdown) {
    return markdown.lines().filter(l -> l.startsWith("### loss: ")).map(l -> l.contains("final value") ? "final"
        : l.contains("chosen epochs") ? "at epochs" : "auc").toList();
  }

  @Test
  void theAdaptationTablesDefineTheirMeasures() throws IOException {
    writeRun();

    Reporter.Rendered rendered = new Reporter().render(RunFolder.existing(dir));

    assertTrue(rendered.markdown().contains("### Adaptation in phase b (loss), over replicates\n\nMeasures of each"
        + " replicate's loss in this phase (k counts its epochs from 1), over replicates. initial: the loss at the"
        + " phase's first epoch; asymptote: "), rendered.markdown());
    assertEquals(List.of(), rendered.warnings(), "every epoch recorded");
  }

  /** Recorded every 2 epochs (and at each phase's first and last): the adaptation tables and the caller are warned. */
  @Test
  void aCoarseRecordingIsWarnedInTheAdaptationTablesAndToTheCaller() throws IOException {
    Files.writeString(dir.resolve("scenario.resolved.json"), """
        {"scenario": "hand-made", "description": "a run",
         "phases": [{"name": "a", "epochs": 4}, {"name": "b", "epochs": 4, "perturbation": {"type": "rotation"}}]}
        """);
    List<MetricRow> rows = new ArrayList<>();
    for (int replicate = 1; replicate <= 2; replicate++) {
      for (int epoch : List.of(1, 2, 4, 5, 6, 8)) {
        rows.add(new MetricRow("bptt", replicate, epoch <= 4 ? "a" : "b", epoch, "loss", 10.0 / epoch + replicate));
      }
    }
    Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.format(rows));

    Reporter.Rendered rendered = new Reporter().render(RunFolder.existing(dir));

    String warning = "the loss was recorded only every 2 epochs";
    assertEquals(1, rendered.warnings().size());
    assertTrue(rendered.warnings().get(0).startsWith("adaptation measures: " + warning), rendered.warnings().get(0));
    assertTrue(rendered.markdown().contains(" Warning: " + warning), rendered.markdown());
  }

  @Test
  void aRunWithoutPerturbationHasNoAdaptationTablesOrPlot() throws IOException {
    writeRun();
    Files.writeString(dir.resolve("scenario.resolved.json"), """
        {"scenario": "hand-made", "description": "a run", "phases": [{"name": "a", "epochs": 2}, {"name": "b", "epochs": 2}]}
        """);

    Reporter.Rendered rendered = new Reporter().render(RunFolder.existing(dir));

    assertFalse(rendered.markdown().contains("Adaptation"), rendered.markdown());
    assertFalse(Files.exists(dir.resolve("plots/adaptation.png")));
    assertEquals("rule,replicate,phase,measure,value\n", Files.readString(dir.resolve("adaptation.csv")));
  }

  @Test
  void plotsAreDrawnOnlyForWhatWasStored() throws IOException {
    writeRun();

    new Reporter().render(RunFolder.existing(dir));

    assertTrue(Files.size(dir.resolve("plots/loss.png")) > 0);
    assertTrue(Files.size(dir.resolve("plots/adaptation.svg")) > 0);
    assertFalse(Files.exists(dir.resolve("plots/trajectories.png")), "no trajectories.csv, no hand paths");
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("<img src=\"plots/loss.png\"") && html.contains("<img src=\"plots/adaptation.png\""), html);
    assertFalse(html.contains("trajectories.png"), html);
  }
}
