package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short {@code visuomotor-rotation} run through the real CLI (phases of 6, 4, 4 and 4 epochs,
 * 3 replicates): it stores hand paths and adaptation measures, {@code ccsim report} re-renders the
 * summary files byte for byte, and {@code report.html} shows every table and image in headless
 * Chromium.
 */
class MotorReportTest {

  private static final List<String> SUMMARY_FILES =
      List.of("summary.md", "summary.csv", "adaptation.csv", "adaptation-summary.csv", "report.html");

  @TempDir
  static Path out;

  private static Path run;

  @BeforeAll
  static void runShortRotationScenario() throws IOException {
    Cli.Result result = Cli.run("run", Cli.scenarios().resolve("visuomotor-rotation.json").toString(),
        "--out", out.toString(), "--threads", "2", "--replicates", "3",
        "--set", "training.epochs=4", "--set", "phases[0].epochs=6");
    assertEquals(0, result.exit(), result.err());
    try (Stream<Path> runs = Files.list(out.resolve("visuomotor-rotation"))) {
      run = runs.findFirst().orElseThrow();
    }
  }

  @Test
  void handPathsAreStoredAtTheFirstAndLastEpochOfEachPhase() throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("trajectories.csv"));
    assertEquals("rule,replicate,phase,epoch,probe,step,scored,y1,y2,target1,target2", lines.get(0));
    // 4 rules x 3 replicates x epochs 1, 6, 7, 10, 11, 14, 15, 18 x 8 targets x 10 steps
    assertEquals(1 + 4 * 3 * 8 * 8 * 10, lines.size());
    assertEquals(List.of(1, 6, 7, 10, 11, 14, 15, 18), lines.stream().skip(1).map(l -> Integer.parseInt(l.split(",")[3]))
        .distinct().sorted().toList());
    assertTrue(lines.get(1).startsWith("bptt,1,baseline,1,target 0 (0 deg),1,1,"), lines.get(1));
    assertTrue(Files.size(run.resolve("plots/trajectories.png")) > 0);
  }

  @Test
  void adaptationMeasuresIncludeAfterEffectAndSavings() throws IOException {
    String adaptation = Files.readString(run.resolve("adaptation.csv"));
    assertTrue(adaptation.contains("bp-lambda,3,washout,after-effect,"), adaptation);
    assertTrue(adaptation.contains("tbptt-1,2,re-exposure,savings,"), adaptation);
    String summary = Files.readString(run.resolve("summary.md"));
    assertTrue(summary.contains("### Adaptation in phase rotation (loss)"), summary);
    assertTrue(summary.contains("| p (Wilcoxon) |"), summary);
    assertTrue(Files.size(run.resolve("plots/adaptation.png")) > 0);
  }

  /** The same run recorded every second epoch: the adaptation measures come with a warning, in the files and on stderr. */
  @Test
  void aCoarseRecordingIsWarnedOnStderrOfRunAndReport() throws IOException {
    Cli.Result result = Cli.run("run", Cli.scenarios().resolve("visuomotor-rotation.json").toString(),
        "--out", out.resolve("coarse").toString(), "--threads", "2", "--replicates", "2",
        "--set", "training.epochs=4", "--set", "phases[0].epochs=6", "--set", "record.every=2");
    assertEquals(0, result.exit(), result.err());
    String warning = "warning: adaptation measures: the loss was recorded only every 2 epochs";
    assertTrue(result.err().contains("ccsim run: " + warning), result.err());
    Path coarse;
    try (Stream<Path> runs = Files.list(out.resolve("coarse").resolve("visuomotor-rotation"))) {
      coarse = runs.findFirst().orElseThrow();
    }
    assertTrue(Files.readString(coarse.resolve("summary.md")).contains("Warning: the loss was recorded only every 2"));

    Cli.Result report = Cli.run("report", coarse.toString());
    assertEquals(0, report.exit(), report.err());
    assertTrue(report.err().contains("ccsim report: " + warning), report.err());
  }

  @Test
  void reportReproducesTheSummaryFilesByteForByte() throws IOException {
    Map<String, byte[]> before = new LinkedHashMap<>();
    for (String file : SUMMARY_FILES) {
      before.put(file, Files.readAllBytes(run.resolve(file)));
      Files.delete(run.resolve(file));
    }
    Cli.Result report = Cli.run("report", run.toString());
    assertEquals(0, report.exit(), report.err());
    for (String file : SUMMARY_FILES) {
      assertArrayEquals(before.get(file), Files.readAllBytes(run.resolve(file)), file);
    }
  }

  @Test
  void reportHtmlShowsEveryTableAndImageInHeadlessChromium() throws IOException, InterruptedException {
    String html = Files.readString(run.resolve("report.html"));
    long tables = html.split("<table>", -1).length - 1L;
    long images = html.split("<img ", -1).length - 1L;
    assertTrue(tables >= 5 && images == 3, tables + " tables, " + images + " images");

    Map<String, String> rendered = HeadlessChromium.render(run, html);

    assertEquals(Long.toString(tables), rendered.get("tables"), "tables in the rendered page");
    assertEquals(Long.toString(images), rendered.get("images"), "images in the rendered page");
    assertEquals(Long.toString(images), rendered.get("loaded"), "images decoded with a width: " + rendered);
    assertEquals("0", rendered.get("wrapped"), "table cells (such as cortex-cerebellum) on one line each at "
        + HeadlessChromium.WIDTH + " pixels");
  }

  /** Every column of every table is explained in a legend under it, the same in both reports. */
  @Test
  void everyTableHasALegendOfItsColumnsInBothReports() throws IOException {
    String html = Files.readString(run.resolve("report.html"));
    String markdown = Files.readString(run.resolve("summary.md"));
    long tables = html.split("<table>", -1).length - 1L;
    assertEquals(tables, html.split("<dl class=\"legend\">", -1).length - 1L, "a legend per table");
    for (String entry : List.of("p (Wilcoxon)", "95% CI", "diff vs bptt", "measure", "start")) {
      assertTrue(html.contains("<dt>" + entry + "</dt><dd>"), entry);
      assertTrue(markdown.contains("\n- " + entry + ": "), entry);
    }
  }

  @Test
  void theRenderedCheckNoticesACellThatWraps() throws IOException, InterruptedException {
    String html = Files.readString(run.resolve("report.html")).replace("</body>",
        "<table><tr><td style=\"white-space:normal;width:1px\">cortex-cerebellum</td></tr></table>\n</body>");

    assertEquals("1", HeadlessChromium.render(run, html).get("wrapped"));
  }

  @Test
  void theRenderedCheckNoticesAnImageThatDoesNotLoad() throws IOException, InterruptedException {
    String html = Files.readString(run.resolve("report.html"))
        .replace("</body>", "<img src=\"plots/no-such-plot.png\" alt=\"missing\">\n</body>");

    Map<String, String> rendered = HeadlessChromium.render(run, html);

    assertEquals("4", rendered.get("images"));
    assertEquals("3", rendered.get("loaded"));
  }
}
