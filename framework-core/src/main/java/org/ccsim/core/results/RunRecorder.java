package org.ccsim.core.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ccsim.api.DataFile;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.scenario.ScenarioWriter;

/**
 * Writes a run folder's results. Each (rule, replicate) unit writes its own files as it finishes,
 * under {@code units/RULE/replicate-R/}: {@code metrics.csv}, {@code trajectories.csv} (if it has
 * probes) and {@code divergence.csv} (if it diverged), each complete or absent (a temporary name,
 * then a rename). {@link #merge} then writes the run's {@code metrics.csv}, {@code trajectories.csv},
 * {@code divergences.csv} and {@code scenario.resolved.json} once, from every unit's files in a fixed
 * order (rules in scenario order, then replicates), so the files do not depend on which thread
 * finished first, and writing grows linearly with the number of units. A crash leaves every
 * finished unit's files readable; a resumed run merges them with its own.
 */
public final class RunRecorder {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String METRICS = "metrics.csv";
  private static final String TRAJECTORIES = "trajectories.csv";
  private static final String DIVERGENCE = "divergence.csv";

  private final RunFolder folder;
  private final BuiltScenario built;
  private final Map<String, Long> earlierSeeds;

  /** A recorder for a new run. */
  public RunRecorder(RunFolder folder, BuiltScenario built) {
    this(folder, built, Map.of());
  }

  /**
   * A recorder for a resumed run.
   *
   * @param earlierSeeds the seeds the run's earlier sessions issued (the {@code derivedSeeds} of its
   *     {@code scenario.resolved.json}), which the units finished then no longer issue
   */
  public RunRecorder(RunFolder folder, BuiltScenario built, Map<String, Long> earlierSeeds) {
    this.folder = folder;
    this.built = built;
    this.earlierSeeds = Map.copyOf(earlierSeeds);
  }

  /** Writes the resolved scenario with the seeds derived so far, this session's and earlier ones. */
  public void writeResolvedScenario() throws IOException {
    Map<String, Long> seeds = new TreeMap<>(earlierSeeds);
    seeds.putAll(built.seeds().issuedSeeds());
    ObjectNode resolved = ScenarioWriter.toJson(built.scenario(), seeds);
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

  /** Writes a finished unit's trajectories and then its metrics, whose file marks the unit {@link #finished}. */
  public void unitDone(String rule, int replicate, List<MetricRow> rows, List<TrajectoryRow> trajectories) {
    try {
      if (!trajectories.isEmpty()) {
        folder.write(unitFile(rule, replicate, TRAJECTORIES), TrajectoriesCsv.format(trajectories));
      }
      folder.write(unitFile(rule, replicate, METRICS), MetricsCsv.format(rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the unit has finished in {@code folder}: its files are written (the metrics last). */
  public static boolean finished(RunFolder folder, String rule, int replicate) {
    return Files.exists(folder.path().resolve(unitFile(rule, replicate, METRICS)));
  }

  /** Where a finished unit of {@code folder} diverged, if it did. */
  public static Optional<Divergence> divergence(RunFolder folder, String rule, int replicate) throws IOException {
    return DivergencesCsv.read(folder.path().resolve(unitFile(rule, replicate, DIVERGENCE))).stream().findFirst();
  }

  /** Writes where a unit diverged. */
  public void diverged(Divergence divergence) {
    try {
      folder.write(unitFile(divergence.rule(), divergence.replicate(), DIVERGENCE),
          DivergencesCsv.format(List.of(divergence)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the run's {@code metrics.csv} (with a column per grid path of a sweep; once a unit has
   * finished), {@code trajectories.csv} and {@code divergences.csv} (each only if a unit has any)
   * from the units' files, and the resolved scenario.
   */
  public void merge() throws IOException {
    List<MetricRow> rows = new ArrayList<>();
    List<TrajectoryRow> trajectories = new ArrayList<>();
    List<Divergence> divergences = new ArrayList<>();
    boolean anyUnit = false;
    for (String rule : built.scenario().trainedRules()) {
      for (int replicate = 1; replicate <= built.scenario().replicates(); replicate++) {
        Path unit = folder.path().resolve(unitFile(rule, replicate, METRICS)).getParent();
        if (Files.exists(unit.resolve(METRICS))) {
          anyUnit = true;
          rows.addAll(MetricsCsv.read(unit.resolve(METRICS)));
        }
        trajectories.addAll(TrajectoriesCsv.read(unit.resolve(TRAJECTORIES)));
        divergences.addAll(DivergencesCsv.read(unit.resolve(DIVERGENCE)));
      }
    }
    if (anyUnit) {
      folder.write(METRICS, MetricsCsv.format(rows, built.scenario().swept()));
    }
    if (!trajectories.isEmpty()) {
      folder.write(TRAJECTORIES, TrajectoriesCsv.format(trajectories));
    }
    if (!divergences.isEmpty()) {
      folder.write("divergences.csv", DivergencesCsv.format(divergences));
    }
    writeResolvedScenario();
  }

  private static String unitFile(String rule, int replicate, String name) {
    return "units/" + rule + "/replicate-" + replicate + "/" + name;
  }

  /** Writes {@code provenance.json}. */
  public void writeProvenance(ObjectNode provenance) throws IOException {
    folder.write("provenance.json", JSON.writeValueAsString(provenance) + "\n");
  }
}
