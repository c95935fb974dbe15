package org.ccsim.core.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
import org.ccsim.core.results.DatasetDigests;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.scenario.ScenarioReader;

/**
 * The scenario a run folder was started with, {@code scenario.resolved.json}, read and built again: what
 * {@code run --resume}, {@code work} and a merging {@code report} carry the run on from.
 */
final class StoredScenario {

  static final String RESOLVED = "scenario.resolved.json";
  static final String PROVENANCE = "provenance.json";

  private StoredScenario() {
  }

  /** Why {@code folder} is not a ccsim run folder, or {@code null} if it is one. */
  static String notARunFolder(Path folder) {
    if (!Files.isRegularFile(folder.resolve(RESOLVED)) || !Files.isRegularFile(folder.resolve(PROVENANCE))) {
      return folder + " is not a ccsim run folder (it needs " + RESOLVED + " and " + PROVENANCE + ")";
    }
    return null;
  }

  /** The folder's scenario, built; datasets it names relatively are searched for in {@code data} first. */
  static BuiltScenario build(ScenarioReader reader, ScenarioBuilder builder, Path folder, List<Path> data)
      throws ScenarioException {
    Path file = folder.resolve(RESOLVED);
    return builder.build(reader.withDataFolders(data).read(file, List.of()), file.toString());
  }

  /**
   * Why the datasets {@code built} reads on this machine are not those the run in {@code folder}
   * started with (the SHA-256 of each file, as {@code provenance.json} records them), or {@code null}
   * if they are: carrying a run on with other data would mix two runs in one result. Where a folder
   * lies may differ (another machine); what it holds may not.
   */
  static String changedData(BuiltScenario built, Path folder) throws IOException {
    JsonNode recorded = new ObjectMapper().readTree(folder.resolve(PROVENANCE).toFile()).path("datasets");
    JsonNode now = DatasetDigests.of(built.scenario().dataFolders());
    for (Map.Entry<String, JsonNode> dataset : now.properties()) {
      JsonNode then = recorded.path(dataset.getKey()).path("sha256");
      JsonNode here = dataset.getValue().path("sha256");
      Set<String> files = new TreeSet<>();
      then.fieldNames().forEachRemaining(files::add);
      here.fieldNames().forEachRemaining(files::add);
      for (String file : files) {
        String was = then.path(file).asText("absent");
        String is = here.path(file).asText("absent");
        if (!was.equals(is)) {
          return "the dataset '" + dataset.getKey() + "' in " + dataset.getValue().path("folder").asText()
              + " is not the one the run started with: " + file + " has SHA-256 " + is + " here, " + was + " then";
        }
      }
    }
    return null;
  }
}
