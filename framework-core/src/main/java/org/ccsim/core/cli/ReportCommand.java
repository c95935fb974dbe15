package org.ccsim.core.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.report.Reporter;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsim report RUN_DIR}: re-renders summaries and plots from the stored metrics, with the measures
 * and phases of the stored {@code scenario.resolved.json} ({@link Reporter}). In a run whose units were
 * trained in shards ({@code ccsim work}), it first merges the units' files into the run's
 * ({@link ShardedRun#merge}), as a one-machine run does when it ends.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Re-render summary.csv, summary.md, report.html and plots/ of a run folder from its metrics.csv"
        + " and scenario.resolved.json.",
        "In a run trained in shards (ccsim work), first merge the finished units' files into the run's."})
final class ReportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", description = "a run's results folder")
  Path runDir;

  @Option(names = "--data", paramLabel = "DIR",
      description = "search DIR first for dataset folders the scenario names relatively (to merge shards); may be repeated")
  List<Path> data = new ArrayList<>();

  private final Reporter reporter;
  private final Provider<ScenarioReader> reader;
  private final Provider<ScenarioBuilder> builder;

  @Inject
  ReportCommand(Reporter reporter, Provider<ScenarioReader> reader, Provider<ScenarioBuilder> builder) {
    this.reporter = reporter;
    this.reader = reader;
    this.builder = builder;
  }

  @Override
  public Integer call() {
    try {
      RunFolder folder = RunFolder.existing(runDir);
      if (ShardedRun.isSharded(runDir)) {
        String wrong = StoredScenario.notARunFolder(runDir);
        if (wrong != null) {
          System.err.println("ccsim report: " + wrong);
          return Main.BAD_INPUT;
        }
        BuiltScenario built = StoredScenario.build(reader.get(), builder.get(), runDir, data);
        if (!ShardedRun.merge(built, folder).equals("completed")) {
          System.err.println("ccsim report: warning: not every unit has finished (see ccsim status "
              + RunCommand.quoted(runDir.toString()) + "); this report covers those that have");
        }
      }
      Reporter.Rendered rendered = reporter.render(folder);
      System.out.print(rendered.markdown());
      rendered.warnings().forEach(w -> System.err.println("ccsim report: warning: " + w));
      return Main.OK;
    } catch (ScenarioException e) {
      System.err.println(e.getMessage());
      return Main.BAD_INPUT;
    } catch (IOException e) {
      System.err.println("ccsim report: " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }
}
