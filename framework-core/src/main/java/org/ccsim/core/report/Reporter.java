package org.ccsim.core.report;

import java.io.IOException;
import java.util.List;
import org.ccsim.core.results.MetricRow;
import org.ccsim.core.results.MetricsCsv;
import org.ccsim.core.results.RunFolder;

/**
 * Renders {@code summary.csv}, {@code summary.md} and {@code plots/<metric>.png|svg} of a run folder
 * from its {@code metrics.csv}. Used at the end of a run and by {@code ccsim report}.
 */
public final class Reporter {

  private Reporter() {
  }

  /** Renders everything; returns the Markdown summary. */
  public static String render(RunFolder folder) throws IOException {
    List<MetricRow> rows = MetricsCsv.read(folder.path().resolve("metrics.csv"));
    if (rows.isEmpty()) {
      throw new IOException(folder.path().resolve("metrics.csv") + " holds no results yet");
    }
    List<SummaryRow> summary = Summary.of(rows);
    String markdown = SummaryFormat.markdown(summary);
    folder.write("summary.csv", SummaryFormat.csv(summary));
    folder.write("summary.md", markdown);
    for (String metric : Summary.ordered(rows, MetricRow::metric)) {
      LearningCurves curves = new LearningCurves(rows, metric);
      folder.write("plots/" + metric + ".png", curves.png());
      folder.write("plots/" + metric + ".svg", curves.svg());
    }
    return markdown;
  }
}
