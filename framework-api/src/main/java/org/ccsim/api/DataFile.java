package org.ccsim.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link ParamType#FILE} value: a data file inside the scenario file's folder.
 *
 * @param relative the path as the scenario gives it, relative to the scenario's folder (normalised,
 *     {@code /}-separated); what {@code scenario.resolved.json} records
 * @param path the file itself, every symbolic link resolved
 */
public record DataFile(String relative, Path path) {

  public DataFile {
    Objects.requireNonNull(relative, "relative");
    Objects.requireNonNull(path, "path");
  }
}
