package org.ccsim.core.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ccsim.api.DataFile;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.scenario.ScenarioWriter;

/**
 * Keeps a run folder's {@code metrics.csv}, {@code trajectories.csv} and {@code scenario.resolved.json}
 * up to date as units finish (and writes {@code events.csv} at the start): after every unit they are
 * rewritten atomically, rows in a fixed order (rules in scenario
 * order, then replicates, then epochs), so a crash leaves every finished unit readable and the final
 * file does not depend on which thread finished first. Units that diverged are listed in
 * {@code divergences.csv}, in the same order.
 */
public final class RunRecorder {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final RunFolder folder;
  private final BuiltScenario built;
  private final List<String> ruleOrder;
  private final Map<String, List<MetricRow>> finished = new TreeMap<>();
  private final Map<String, List<TrajectoryRow>> finishedTrajectories = new TreeMap<>();
  private final Map<String, Divergence> divergences = new TreeMap<>();

  public RunRecorder(RunFolder folder, BuiltScenario built) {
    this.folder = folder;
    this.built = built;
    this.ruleOrder = List.copyOf(built.scenario().rules().keySet());
  }

  /** Writes the resolved scenario with the seeds derived so far. */
  public void writeResolvedScenario() throws IOException {
    ObjectNode resolved = ScenarioWriter.toJson(built.scenario(), built.seeds().issuedSeeds());
    built.resolutions().applyTo(resolved);
    folder.write("scenario.resolved.json", JSON.writeValueAsString(resolved) + "\n");
  }

  /**
   * Copies every data file the scenario names into the run folder at the same relative path (once, as
   * the run starts), so that the run folder's scenario runs as it is.
   */
  public void copyDataFiles() throws IOException {
    for (DataFile file : built.scenario().dataFiles()) {
      folder.write(file.relative(), Files.readAllBytes(file.path()));
    }
  }

  /** Writes {@code events.csv}, the scenario's events as they reach each rule. */
  public void writeEvents() throws IOException {
    folder.write("events.csv", EventsCsv.format(EventsCsv.of(built.scenario().events())));
  }

  /** Records a finished unit and rewrites the files. */
  public synchronized void unitDone(String rule, int replicate, List<MetricRow> rows, List<TrajectoryRow> trajectories) {
    String key = key(rule, replicate);
    finished.put(key, rows);
    finishedTrajectories.put(key, trajectories);
    List<MetricRow> all = new ArrayList<>();
    finished.values().forEach(all::addAll);
    List<TrajectoryRow> allTrajectories = new ArrayList<>();
    finishedTrajectories.values().forEach(allTrajectories::addAll);
    try {
      folder.write("metrics.csv", MetricsCsv.format(all, built.scenario().swept()));
      if (!allTrajectories.isEmpty()) {
        folder.write("trajectories.csv", TrajectoriesCsv.format(allTrajectories));
      }
      writeResolvedScenario();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records a unit that diverged and rewrites {@code divergences.csv}. */
  public synchronized void diverged(Divergence divergence) {
    divergences.put(key(divergence.rule(), divergence.replicate()), divergence);
    try {
      folder.write("divergences.csv", DivergencesCsv.format(List.copyOf(divergences.values())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String key(String rule, int replicate) {
    return String.format("%06d/%09d", ruleOrder.indexOf(rule), replicate);
  }

  /** Writes {@code provenance.json}. */
  public void writeProvenance(ObjectNode provenance) throws IOException {
    folder.write("provenance.json", JSON.writeValueAsString(provenance) + "\n");
  }
}
