package org.ccsim.core.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import org.ccsim.api.DataFile;

/**
 * Resolves {@link org.ccsim.api.ParamType#FILE} values against the scenario file's folder, which a
 * data file may not leave: absolute paths, {@code ..} that climbs out and symbolic links that point
 * out are refused, as are missing, unreadable and non-regular files.
 */
final class DataFiles {

  /**
   * What ccsim writes at the top of a run folder, where a run copies its data files: a data file may not
   * take one of these places, or the copy and the result would overwrite each other.
   */
  static final Set<String> RUN_FOLDER_NAMES = Set.of("scenario.resolved.json", "provenance.json", "metrics.csv",
      "events.csv", "divergences.csv", "trajectories.csv", "summary.csv", "summary.md", "adaptation.csv",
      "adaptation-summary.csv", "report.html", "plots", "checkpoints", ".lock");

  private DataFiles() {
  }

  /**
   * @param folder the scenario file's folder, or {@code null} when there is no scenario file
   * @param given the path as written in the scenario
   * @throws IllegalArgumentException with the rule broken, for a message at the parameter's path
   */
  static DataFile resolve(Path folder, String given) {
    if (folder == null) {
      throw new IllegalArgumentException("a data file can only be named in a scenario file");
    }
    Path relative;
    try {
      relative = Path.of(given);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a file path: " + e.getReason());
    }
    if (given.isBlank() || relative.isAbsolute() || given.startsWith("/") || given.startsWith("\\")
        || relative.getRoot() != null) {
      throw new IllegalArgumentException("must be a path relative to the scenario's folder, not absolute or empty (got '"
          + ParameterValidator.abbreviated(given) + "')");
    }
    Path base = folder.toAbsolutePath().normalize();
    Path file = base.resolve(relative).normalize();
    if (!file.startsWith(base) || file.equals(base)) {
      throw new IllegalArgumentException("'" + ParameterValidator.abbreviated(given)
          + "' leaves the scenario's folder; data files must be inside it");
    }
    String first = base.relativize(file).getName(0).toString();
    if (RUN_FOLDER_NAMES.contains(first)) {
      throw new IllegalArgumentException("'" + ParameterValidator.abbreviated(given) + "' takes the name of a file or"
          + " folder ccsim writes in a run folder (" + first + "), where the data file is copied; rename it");
    }
    Path real;
    try {
      real = file.toRealPath();
      if (!real.startsWith(base.toRealPath())) {
        throw new IllegalArgumentException("'" + given + "' is a symbolic link out of the scenario's folder;"
            + " data files must be inside it");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("no such file: '" + ParameterValidator.abbreviated(given) + "' in " + base);
    }
    if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
      throw new IllegalArgumentException("'" + given + "' must be a readable regular file");
    }
    return new DataFile(base.relativize(file).toString().replace('\\', '/'), real);
  }
}
