package org.ccsim.core.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ccsim.core.results.Checkpoint;
import org.ccsim.core.results.Checkpoints;
import org.ccsim.core.results.Divergence;
import org.ccsim.core.results.RunFolder;
import org.ccsim.core.results.RunRecorder;
import org.ccsim.core.results.UnitClaims;
import org.ccsim.core.run.UnitId;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ccsim status RUN_DIR}: where each unit of a run stands, read from the folder alone (nothing is
 * built or locked, so it works while shards or a run write it): finished, diverged, running (by which
 * host, process and job: a live {@link UnitClaims claim}), checkpointed (how far), damaged (a checkpoint
 * that cannot be read), or not started.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show each unit of a run folder: finished, diverged, running (host, pid, job), checkpointed or"
        + " not started; works while the run or its shards go on.")
final class StatusCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", description = "a run's results folder")
  Path runDir;

  @Option(names = "--data", paramLabel = "DIR",
      description = "search DIR first for dataset folders the scenario names relatively; may be repeated")
  List<Path> data = new ArrayList<>();

  private final Provider<ScenarioReader> reader;

  @Inject
  StatusCommand(Provider<ScenarioReader> reader) {
    this.reader = reader;
  }

  @Override
  public Integer call() {
    String wrong = StoredScenario.notARunFolder(runDir);
    if (wrong != null) {
      System.err.println("ccsim status: " + wrong);
      return Main.BAD_INPUT;
    }
    try {
      Scenario scenario = reader.get().withDataFolders(data).read(runDir.resolve(StoredScenario.RESOLVED), List.of());
      RunFolder folder = RunFolder.existing(runDir);
      Map<String, Integer> counts = new LinkedHashMap<>();
      List<String> lines = new ArrayList<>();
      for (UnitId unit : UnitId.all(scenario)) {
        String[] state = state(scenario, folder, unit);
        counts.merge(state[0], 1, Integer::sum);
        lines.add(String.format("  %-32s %-13s %s", unit, state[0], state[1]).stripTrailing());
      }
      List<String> tally = new ArrayList<>();
      counts.forEach((state, n) -> tally.add(n + " " + state));
      System.out.printf("ccsim: %s (%s): %d unit(s): %s%n", scenario.name(), runDir, lines.size(),
          String.join(", ", tally));
      lines.forEach(System.out::println);
      return Main.OK;
    } catch (ScenarioException e) {
      System.err.println(e.getMessage());
      return Main.BAD_INPUT;
    } catch (IOException e) {
      System.err.println("ccsim status: " + e.getMessage());
      return Main.BAD_INPUT;
    }
  }

  /** The unit's state and what more is known of it. */
  private static String[] state(Scenario scenario, RunFolder folder, UnitId unit) throws IOException {
    if (RunRecorder.finished(folder, unit.rule(), unit.replicate())) {
      Optional<Divergence> diverged = RunRecorder.divergence(folder, unit.rule(), unit.replicate());
      return diverged.map(d -> new String[] {"diverged", d.describe()}).orElse(new String[] {"finished", ""});
    }
    Optional<Checkpoint> checkpoint;
    try {
      checkpoint = Checkpoints.read(folder, unit.rule(), unit.replicate());
    } catch (IOException e) {
      return new String[] {"damaged", "its checkpoint cannot be read: " + e.getMessage()};
    }
    String progress = checkpoint.map(c -> "epoch " + c.epochsDone() + " of " + scenario.totalEpochs()
        + " at its last checkpoint").orElse("");
    Optional<UnitClaims.Holder> holder = UnitClaims.holder(folder, unit.rule(), unit.replicate());
    if (holder.isPresent()) {
      return new String[] {"running", holder.get().describe() + (progress.isEmpty() ? "" : "; " + progress)};
    }
    return checkpoint.isPresent() ? new String[] {"checkpointed", progress} : new String[] {"not started", ""};
  }
}
