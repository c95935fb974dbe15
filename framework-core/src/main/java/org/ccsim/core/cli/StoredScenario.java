package org.ccsim.core.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.core.build.BuiltScenario;
import org.ccsim.core.build.ScenarioBuilder;
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
}
