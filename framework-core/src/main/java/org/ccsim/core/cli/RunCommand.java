package org.ccsim.core.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.plugin.PluginHost;
import org.ccsim.core.report.Reporter;
import org.ccsim.core.results.Provenance;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.results.RunRecorder;
import org.ccsim.core.run.RunFailedException;
import org.ccsim.core.run.Runner;
import org.ccsim.core.scenario.Problem;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ccsim run SCENARIO}: validates and builds the scenario and checks that its training units
 * fit in the heap on the threads asked for (nothing is created on disk if that fails), then runs it into a new results folder and renders the summary and plots.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a scenario; results go to OUT/<scenario>/<timestamp>/.")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "the scenario file")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "root of the results folders (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--replicates", paramLabel = "N", description = "override the scenario's replicates")
  Integer replicates;

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads; results do not depend on it (default: number of processors)")
  Integer threads;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "override a scenario value before validation, e.g. rules.bptt.truncation=3")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (threads != null && threads < 1) {
      System.err.println("ccsim run: --threads must be at least 1 (got " + threads + ")");
      return Main.BAD_INPUT;
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    List<String> sets = new ArrayList<>(overrides);
    if (replicates != null) {
      sets.add("replicates=" + replicates);
    }
    try (PluginHost host = Host.start()) {
      BuiltScenario built;
      try {
        Scenario scenario = new ScenarioReader(host.registry()).read(file, sets);
        built = new ScenarioBuilder(host.registry()).build(scenario, file.toString());
      } catch (ScenarioException e) {
        System.err.println(e.getMessage());
        return Main.BAD_INPUT;
      }
      Optional<Problem> tooBig = built.memoryProblem(workers);
      if (tooBig.isPresent()) {
        System.err.println(tooBig.get().format(file.toString()));
        return Main.BAD_INPUT;
      }
      return run(built, host, workers);
    }
  }

  private int run(BuiltScenario built, PluginHost host, int workers) throws IOException {
    Scenario scenario = built.scenario();
    Instant start = Instant.now();
    RunFolder folder = RunFolder.create(out, scenario.name(), start);
    RunRecorder recorder = new RunRecorder(folder, built);
    List<String> command = spec.commandLine().getParseResult().originalArgs();
    recorder.writeResolvedScenario();
    recorder.writeEvents();
    recorder.writeProvenance(Provenance.toJson(command, file, scenario.seed(), workers, host.plugins(), start, null,
        "running"));
    System.out.printf("ccsim: running %s: %d rule(s) x %d replicate(s) x %d epoch(s) on %d thread(s) -> %s%n",
        scenario.name(), scenario.rules().size(), scenario.replicates(), scenario.totalEpochs(), workers,
        folder.path());
    long totalEpochs = (long) scenario.rules().size() * scenario.replicates() * scenario.totalEpochs();
    String status = "completed";
    try (ConsoleProgress progress = new ConsoleProgress(totalEpochs, System.console() != null, System.out)) {
      new Runner(built, workers, progress).run(u -> recorder.unitDone(u.rule(), u.replicate(), u.rows(), u.trajectories()));
    } catch (RunFailedException e) {
      status = "failed";
      System.err.println("ccsim run: " + e.getMessage());
    }
    recorder.writeProvenance(Provenance.toJson(command, file, scenario.seed(), workers, host.plugins(), start,
        Instant.now(), status));
    if (status.equals("completed")) {
      System.out.println();
      System.out.print(Reporter.render(folder));
    }
    System.out.println("\nresults: " + folder.path());
    return status.equals("completed") ? Main.OK : Main.FAILED;
  }
}
