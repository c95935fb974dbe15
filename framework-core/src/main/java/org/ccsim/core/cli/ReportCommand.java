package org.ccsim.core.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ccsim.core.report.Reporter;
import org.ccsim.core.results.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsim report RUN_DIR}: re-renders summaries and plots from the stored metrics, with the measures
 * and phases of the stored {@code scenario.resolved.json} ({@link Reporter}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render summary.csv, summary.md, report.html and plots/ of a run folder from its metrics.csv"
        + " and scenario.resolved.json.")
final class ReportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", description = "a run's results folder")
  Path runDir;

  private final Reporter reporter;

  @Inject
  ReportCommand(Reporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public Integer call() {
    try {
      Reporter.Rendered rendered = reporter.render(RunFolder.existing(runDir));
      System.out.print(rendered.markdown());
      rendered.warnings().forEach(w -> System.err.println("ccsim report: warning: " + w));
      return Main.OK;
    } catch (IOException e) {
      System.err.println("ccsim report: " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }
}
