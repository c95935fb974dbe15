package org.ccsim.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.DivergencesCsv;
import org.ccsim.core.results.EventsCsv;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.results.MetricsCsv;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.results.TrajectoriesCsv;
import org.ccsim.core.results.TrajectoryRow;
import org.jfree.chart.JFreeChart;

/**
 * Renders every report of a run folder from what the run stored ({@code scenario.resolved.json},
 * {@code metrics.csv}, {@code events.csv}, {@code trajectories.csv}, {@code divergences.csv}): {@code summary.csv},
 * {@code summary.md}, {@code adaptation.csv}, {@code adaptation-summary.csv}, {@code plots/},
 * {@code report.html} and, for a passive comparison, {@code alignment-matrix.csv}. Used at the end of a run and by {@code ccsim report}; the same stored results
 * always give the same summary files.
 */
public final class Reporter {

  /**
   * What rendering a run gives besides its files.
   *
   * @param markdown the Markdown summary, as in {@code summary.md}
   * @param warnings what a reader of the reports should be told at once (the reports say it too)
   */
  public record Rendered(String markdown, List<String> warnings) {
  }

  /** Renders everything. */
  public Rendered render(RunFolder folder) throws IOException {
    Path dir = folder.path();
    List<MetricRow> rows = MetricsCsv.read(dir.resolve("metrics.csv"));
    List<Divergence> divergences = DivergencesCsv.read(dir.resolve("divergences.csv"));
    if (rows.isEmpty() && divergences.isEmpty()) {
      throw new IOException(dir.resolve("metrics.csv") + " holds no results yet");
    }
    Path resolved = dir.resolve("scenario.resolved.json");
    List<EventsCsv.Row> events = EventsCsv.read(dir.resolve("events.csv"));
    List<TrajectoryRow> trajectories = TrajectoriesCsv.read(dir.resolve("trajectories.csv"));
    List<MetricRow> finished = DivergedUnits.finishedPhases(rows, divergences);
    List<MetricRow> metrics = finished.stream().filter(r -> !AlignmentMatrix.isCell(r.metric())).toList();
    List<SummaryRow> summary = Summary.of(metrics, Measure.read(resolved));
    List<Adaptation.Value> measures = Adaptation.of(finished, PhaseInfo.read(resolved));
    List<AdaptationRow> adaptation = Adaptation.summarise(measures);
    String recording = adaptation.isEmpty() ? "" : RecordingCheck.warning(finished);
    List<Table> tables = SummaryTables.of(summary, adaptation, recording, events, divergences);
    String markdown = MarkdownTables.document(tables);
    folder.write("summary.csv", SummaryFormat.csv(summary));
    folder.write("summary.md", markdown);
    folder.write("adaptation.csv", SummaryFormat.adaptationCsv(measures));
    folder.write("adaptation-summary.csv", SummaryFormat.adaptationSummaryCsv(adaptation));

    JsonNode scenario = new ObjectMapper().readTree(resolved.toFile());
    Map<String, String> plots = new LinkedHashMap<>();
    String matrix = AlignmentMatrix.csv(rows);
    if (matrix != null) {
      folder.write("alignment-matrix.csv", matrix);
      write(folder, "alignment-matrix", ChartGrid.of(AlignmentMatrix.heatMap(rows), LearningCurves.WIDTH,
          LearningCurves.WIDTH));
      plots.put("plots/alignment-matrix.png", "Cosines between the rules' gradient estimates on the leader's batches");
    }
    for (String metric : Summary.ordered(rows, MetricRow::metric)) {
      if (AlignmentMatrix.isCell(metric)) {
        continue;
      }
      write(folder, metric, LearningCurves.grid(rows, metric, events, divergences, landmarks(scenario, metric)));
      plots.put("plots/" + metric + ".png", "Learning curves: " + metric);
    }
    if (!adaptation.isEmpty()) {
      write(folder, "adaptation", AdaptationPlot.grid(adaptation));
      plots.put("plots/adaptation.png", "Adaptation measures per rule and phase");
    }
    if (!trajectories.isEmpty() && trajectories.get(0).output().length >= 2) {
      write(folder, "trajectories", TrajectoryPlot.grid(trajectories));
      plots.put("plots/trajectories.png", "Hand paths (mean over replicates) at the first and last epoch of each phase");
    }
    for (String metric : Summary.ordered(rows, MetricRow::metric)) {
      JFreeChart sweep = SweepPlot.chart(scenario.path("swept"), summary, metric);
      if (sweep != null) {
        write(folder, "sweep-" + metric, ChartGrid.of(sweep, LearningCurves.WIDTH, LearningCurves.HEIGHT));
        plots.put("plots/sweep-" + metric + ".png", "Final " + metric + " across the sweep");
      }
    }
    folder.write("report.html", HtmlReport.page(scenario.path("scenario").asText(), scenario.path("description").asText(),
        tables, plots));
    return new Rendered(markdown, recording.isEmpty() ? List.of() : List.of("adaptation measures: " + recording));
  }

  /** The landmarks of {@code metric} in the resolved scenario's {@code summary.landmarks}, label to value. */
  private static Map<String, Double> landmarks(JsonNode scenario, String metric) {
    Map<String, Double> levels = new LinkedHashMap<>();
    scenario.path("summary").path("landmarks").path(metric).fields()
        .forEachRemaining(level -> levels.put(level.getKey(), level.getValue().asDouble()));
    return levels;
  }

  private static void write(RunFolder folder, String name, ChartGrid grid) throws IOException {
    folder.write("plots/" + name + ".png", grid.png());
    folder.write("plots/" + name + ".svg", grid.svg());
  }
}
